package org.marginconsult.portfolio;

/**
 * The kinds of problem an upload can have; docs/portfolio-format.md gives an example message for each.
 * The names are part of the API (the {@code code} of each error) and do not change.
 */
public enum ErrorKind {
    /** The file has no bytes, or only a byte order mark and blank lines. */
    EMPTY_FILE,
    /** The file has a header row and no positions. */
    HEADER_ONLY,
    /** A required column is not in the header. */
    MISSING_COLUMN,
    /** A column appears twice in the header. */
    DUPLICATE_COLUMN,
    /** A header cell names no known column (the closest known name is suggested). */
    UNKNOWN_COLUMN,
    /** A header cell is empty. */
    BLANK_COLUMN_NAME,
    /** The file separates columns with something other than a comma. */
    WRONG_DELIMITER,
    /** The file is not UTF-8 (typically Windows-1252 or UTF-16). */
    NOT_UTF8,
    /** A quoted field is never closed. */
    UNTERMINATED_QUOTE,
    /** A quote inside an unquoted field, or text after a closing quote. */
    MISPLACED_QUOTE,
    /** A line has more or fewer fields than the header. */
    RAGGED_ROW,
    /** A number column holds something that is not a number. */
    NOT_A_NUMBER,
    /** NaN or Infinity. */
    NOT_FINITE,
    /** A number beyond 15 integer digits or 20 decimals. */
    NUMBER_OUT_OF_RANGE,
    /** A decimal comma (1,5) where a decimal point is expected. */
    DECIMAL_COMMA,
    /** A thousands separator (1,234.50 or 1 234). */
    THOUSANDS_SEPARATOR,
    /** A code column (account, instrument_type, option_type) holds an unknown code. */
    UNKNOWN_CODE,
    /** A date that is not an ISO date (YYYY-MM-DD) or does not exist. */
    INVALID_DATE,
    /** An expiry before the portfolio's as-of date. */
    EXPIRED,
    /** A value longer than its column allows. */
    FIELD_TOO_LONG,
    /** A value containing a NUL character. */
    NUL_CHARACTER,
    /** A position_id used by an earlier line. */
    DUPLICATE_POSITION_ID,
    /** A field rule of the engine's position contract: required, positive, applies only to options... */
    INVALID_FIELD,
    /** A column name or a value that looks like it identifies a client. */
    CLIENT_IDENTIFIER,
    /** The upload is larger than the size limit (HTTP 413). */
    FILE_TOO_LARGE,
    /** The upload has more positions than the row limit (HTTP 413). */
    TOO_MANY_ROWS,
    /** The file cannot be read as the format it claims (damaged XLSX, JSON syntax error...). */
    UNREADABLE_FILE,
    /** A metadata field (label, as-of date, firm category, collateral) is missing or wrong. */
    INVALID_METADATA
}
