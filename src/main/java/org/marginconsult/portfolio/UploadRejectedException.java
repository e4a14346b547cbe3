package org.marginconsult.portfolio;

import java.util.List;

/**
 * An upload that was not stored, with every reason (or the first ones and their count). Thrown from
 * the service's transaction so that whatever was written is rolled back.
 */
public class UploadRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<UploadError> errors;
    private final int errorCount;
    private final boolean overLimit;

    /**
     * @param errors     the first errors, in order
     * @param errorCount all errors
     * @param overLimit  true when a size or row limit was passed (HTTP 413 rather than 422)
     */
    public UploadRejectedException(List<UploadError> errors, int errorCount, boolean overLimit) {
        super(errorCount + " error(s) in the upload" + (errors.isEmpty() ? "" : ", first: " + errors.get(0).message()),
                null, false, false);
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
        this.overLimit = overLimit;
    }

    public List<UploadError> errors() {
        return errors;
    }

    public int errorCount() {
        return errorCount;
    }

    public boolean overLimit() {
        return overLimit;
    }
}
