package org.marginconsult.portfolio;

/**
 * One reason an upload was refused, located as precisely as the format allows.
 *
 * @param line    CSV: the physical line where the record starts (the header is line 1); XLSX: the
 *                sheet's row number as Excel shows it; JSON: the 1-based index of the position in
 *                {@code positions}; null when the problem concerns the whole file or the metadata
 * @param column  the column (CSV/XLSX header name, JSON field name) or metadata field; null when the
 *                problem concerns a whole line or the whole file
 * @param message what is wrong and what was expected, in words a risk manager acts on
 * @param code    stable machine-readable kind, one of {@link ErrorKind}
 */
public record UploadError(Integer line, String column, String message, ErrorKind code) {

    static UploadError ofFile(ErrorKind kind, String message) {
        return new UploadError(null, null, message, kind);
    }

    static UploadError at(int line, String column, ErrorKind kind, String message) {
        return new UploadError(line, column, message, kind);
    }
}
