package org.marginconsult.portfolio;

import java.util.List;

/**
 * The outcome of reading an upload.
 *
 * @param positions    data rows read (all of them, valid or not)
 * @param errors       the first errors, in file order, at most {@link ReadRules#maxReportedErrors()}
 * @param errorCount   every error found
 * @param warnings     the first warnings
 * @param warningCount every warning found
 * @param overLimit    true when reading stopped at the size or row limit (HTTP 413)
 */
public record ReadResult(int positions, List<UploadError> errors, int errorCount, List<UploadWarning> warnings,
        int warningCount, boolean overLimit) {

    /** True when the upload may be stored. */
    public boolean valid() {
        return errorCount == 0;
    }
}
