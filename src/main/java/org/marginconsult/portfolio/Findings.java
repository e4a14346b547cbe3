package org.marginconsult.portfolio;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors and warnings of one upload: every one is counted, the first ones are kept with their
 * details, so a file with a million bad lines reports its count without holding a million messages.
 */
final class Findings {

    private final int maxErrors;
    private final List<UploadError> errors = new ArrayList<>();
    private int errorCount;
    private final List<UploadWarning> warnings = new ArrayList<>();
    private int warningCount;

    Findings(int maxErrors) {
        this.maxErrors = maxErrors;
    }

    void error(UploadError error) {
        errorCount++;
        if (errors.size() < maxErrors) {
            errors.add(error);
        }
    }

    void error(Integer line, String column, ErrorKind kind, String message) {
        error(new UploadError(line, column, message, kind));
    }

    void warning(UploadWarning warning) {
        warningCount++;
        if (warnings.size() < ReadRules.MAX_REPORTED_WARNINGS) {
            warnings.add(warning);
        }
    }

    boolean hasErrors() {
        return errorCount > 0;
    }

    int errorCount() {
        return errorCount;
    }

    ReadResult result(int positions, boolean overLimit) {
        return new ReadResult(positions, List.copyOf(errors), errorCount, List.copyOf(warnings), warningCount,
                overLimit);
    }
}
