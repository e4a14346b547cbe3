package org.marginconsult.margin;

/**
 * Something the user should know about a result that does not stop the calculation, such as an
 * underlying missing from reference data and margined with the single-equity default.
 *
 * @param code    stable machine-readable code (e.g. {@link #UNKNOWN_UNDERLYING})
 * @param subject what it is about (an underlying, a position id, a parameter)
 * @param message explanation in plain words
 */
public record Warning(String code, String subject, String message) {
    /** An underlying is not in the reference data and was treated as a single equity. */
    public static final String UNKNOWN_UNDERLYING = "UNKNOWN_UNDERLYING";
}
