package org.marginconsult.portfolio;

/**
 * Something the uploader should know that does not stop the upload, such as an underlying missing
 * from reference data (margined with the single-equity default) or a value starting with {@code =}
 * (stored as plain text).
 *
 * @param line    where it was first seen (same meaning as {@link UploadError#line()})
 * @param column  the column it concerns
 * @param message what it means for the portfolio
 * @param code    {@link #UNKNOWN_UNDERLYING} or {@link #FORMULA_TEXT}
 */
public record UploadWarning(Integer line, String column, String message, String code) {

    /** An underlying that reference data does not know: margined as a single equity. */
    public static final String UNKNOWN_UNDERLYING = "UNKNOWN_UNDERLYING";
    /** A text value starting with =, +, - or @: stored as text, exported with a leading apostrophe. */
    public static final String FORMULA_TEXT = "FORMULA_TEXT";
}
