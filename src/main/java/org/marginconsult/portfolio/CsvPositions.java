package org.marginconsult.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a CSV portfolio (RFC 4180, UTF-8 with or without byte order mark, header row, comma) as it
 * streams in, reporting the format's own problems (encoding, quotes, ragged lines, over-long fields)
 * and handing each row to {@link PositionRows}.
 */
final class CsvPositions {

    /** Longest field kept while scanning; longer ones are reported without being held. */
    static final int MAX_FIELD_BYTES = 1024;

    private final PositionRows rows;
    private CsvTokenizer tokenizer;
    private PositionColumn[] columns;
    private int headerCount;
    private boolean headerSeen;
    private boolean utf8Reported;
    private final String[] cells = new String[PositionColumn.all().size()];

    CsvPositions(PositionRows rows) {
        this.rows = rows;
    }

    ReadResult read(InputStream in) throws IOException {
        LimitedInputStream limited = new LimitedInputStream(in, rows.rules().maxBytes());
        tokenizer = new CsvTokenizer(limited, MAX_FIELD_BYTES);
        boolean stoppedEarly = false;
        try {
            tokenizer.read(this::record);
        } catch (UploadTooLargeException e) {
            rows.overLimit();
            rows.findings().error(null, null, ErrorKind.FILE_TOO_LARGE, Limits.tooLargeMessage(rows.rules().maxBytes()));
            stoppedEarly = true;
        } catch (StopReading e) {
            stoppedEarly = true;
        }
        if (tokenizer.isUtf16()) {
            rows.findings().error(null, null, ErrorKind.NOT_UTF8, "The file is UTF-16 encoded: save it as UTF-8"
                    + " ('CSV UTF-8 (Comma delimited)' in Excel).");
        } else if (!stoppedEarly) {
            rows.finish(headerSeen);
        }
        return rows.result();
    }

    /** Thrown from the record handler to stop at an unusable header without reporting an empty file. */
    private static final class StopReading extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopReading() {
            super(null, null, false, false);
        }
    }

    private boolean record(int line, String[] fields, int[] flags, int count) throws IOException {
        int stored = Math.min(count, CsvTokenizer.MAX_STORED_FIELDS);
        if ((flags[stored - 1] & CsvTokenizer.FLAG_UNTERMINATED_QUOTE) != 0) {
            int field = tokenizer.unterminatedQuoteField();
            String column = headerSeen && columns != null && field < columns.length && columns[field] != null
                    ? rows.label(columns[field]) : null;
            rows.findings().error(tokenizer.unterminatedQuoteLine(), column, ErrorKind.UNTERMINATED_QUOTE,
                    "The quoted value that starts on line " + tokenizer.unterminatedQuoteLine() + " is never closed:"
                            + " the rest of the file was read as part of it. Add the missing closing quote (\").");
            headerSeen = true;
            throw new StopReading();
        }
        if (!headerSeen) {
            headerSeen = true;
            for (int i = 0; i < stored; i++) {
                reportEncoding(line, null, flags[i]);
            }
            headerCount = count;
            columns = rows.header(line, fields, stored);
            if (columns == null) {
                throw new StopReading();
            }
            return true;
        }
        if (count != headerCount) {
            rows.findings().error(line, null, ErrorKind.RAGGED_ROW, String.format(Locale.ROOT,
                    "Line %d has %d field%s; the header has %d column%s. Check for a missing or extra comma, or a"
                            + " value with a comma that is not in quotes.",
                    line, count, count == 1 ? "" : "s", headerCount, headerCount == 1 ? "" : "s"));
            return rows.unreadableRow(line);
        }
        Arrays.fill(cells, null);
        int skip = 0;
        for (int i = 0; i < stored; i++) {
            PositionColumn c = i < columns.length ? columns[i] : null;
            int f = flags[i];
            if (c == null) {
                reportEncoding(line, null, f);
                continue;
            }
            cells[c.ordinal()] = fields[i];
            String column = rows.label(c);
            if (reportEncoding(line, column, f)) {
                skip |= 1 << c.ordinal();
            } else if ((f & CsvTokenizer.FLAG_QUOTE_IN_UNQUOTED) != 0) {
                rows.findings().error(line, column, ErrorKind.MISPLACED_QUOTE, "A quote (\") appears inside a value"
                        + " that does not start with one: put the whole value in quotes and double the quote inside"
                        + " (\"\").");
                skip |= 1 << c.ordinal();
            } else if ((f & CsvTokenizer.FLAG_TEXT_AFTER_QUOTE) != 0) {
                rows.findings().error(line, column, ErrorKind.MISPLACED_QUOTE, "Text follows the closing quote of a"
                        + " quoted value: a quoted value must end right before a comma or the end of the line.");
                skip |= 1 << c.ordinal();
            } else if ((f & CsvTokenizer.FLAG_TOO_LONG) != 0) {
                rows.findings().error(line, column, ErrorKind.FIELD_TOO_LONG, String.format(Locale.ROOT,
                        "The value is more than %,d bytes long: %s takes at most %d characters.", MAX_FIELD_BYTES,
                        column, c.maxLength()));
                skip |= 1 << c.ordinal();
            }
        }
        return rows.row(line, cells, skip);
    }

    /** Reports the first byte that is not UTF-8; true when this field has one. */
    private boolean reportEncoding(int line, String column, int flags) {
        if ((flags & CsvTokenizer.FLAG_NOT_UTF8) == 0) {
            return false;
        }
        if (!utf8Reported) {
            utf8Reported = true;
            rows.findings().error(line, column, ErrorKind.NOT_UTF8, String.format(Locale.ROOT,
                    "The file is not UTF-8: line %d holds the byte 0x%02X, which is not valid UTF-8. It was probably"
                            + " saved as Windows-1252 (Excel's plain 'CSV'), which writes accented letters such as é"
                            + " as single bytes. Save it as 'CSV UTF-8' or convert it to UTF-8.",
                    tokenizer.firstBadUtf8Line(), tokenizer.firstBadUtf8Byte()));
        }
        return true;
    }
}
