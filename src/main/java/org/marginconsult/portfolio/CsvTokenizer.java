package org.marginconsult.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits an RFC 4180 file (comma, double quote, CRLF or LF) into records, one at a time, working on
 * bytes so it knows the exact line where each record starts and can say which field of which line
 * holds a byte that is not UTF-8, a NUL, or a stray quote.
 *
 * <p>Written by hand rather than with a CSV library because the errors must name the line where a
 * quoted field opened, and because a field is capped at {@link #maxFieldBytes} while scanning: a
 * missing closing quote in a 100 MB file must not turn the rest of the file into one string in memory.
 * Memory is one read buffer, one field buffer and the current record.
 */
final class CsvTokenizer {

    /** Receives each record. Arrays are reused after the call returns. */
    interface RecordHandler {
        /**
         * @param line   physical line (1-based) where the record starts
         * @param fields the fields, decoded from UTF-8 (malformed bytes replaced)
         * @param flags  one bit set of {@code FLAG_*} per field
         * @param count  number of fields in this record (may exceed the arrays' length when
         *               {@link #FLAG_MORE_FIELDS} is set on the last stored field)
         * @return false to stop reading
         */
        boolean record(int line, String[] fields, int[] flags, int count) throws IOException;
    }

    static final int FLAG_TOO_LONG = 1;
    static final int FLAG_NUL = 2;
    static final int FLAG_NOT_UTF8 = 4;
    static final int FLAG_QUOTE_IN_UNQUOTED = 8;
    static final int FLAG_TEXT_AFTER_QUOTE = 16;
    static final int FLAG_UNTERMINATED_QUOTE = 32;
    static final int FLAG_QUOTED = 64;

    /** Records with more fields than this keep only the count of the rest. */
    static final int MAX_STORED_FIELDS = 256;

    private static final int START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_SEEN = 3;

    private final InputStream in;
    private final int maxFieldBytes;

    private final byte[] field;
    private int fieldLength;
    private int fieldFlags;
    private boolean fieldNonAscii;

    private final String[] fields = new String[MAX_STORED_FIELDS];
    private final int[] flags = new int[MAX_STORED_FIELDS];
    private int count;

    /** Line and offset in that line of the first byte that is not UTF-8, or 0 when none was seen. */
    private int badUtf8Line;
    private int badUtf8Byte;
    private int quoteOpenedLine;
    /** Physical line where the record being read started. */
    private int recordLine;
    private int quoteOpenedField;
    private boolean utf16;

    /**
     * @param in            the file, read to its end unless the handler stops
     * @param maxFieldBytes longest field kept; longer fields are cut and flagged {@link #FLAG_TOO_LONG}
     */
    CsvTokenizer(InputStream in, int maxFieldBytes) {
        this.in = in;
        this.maxFieldBytes = maxFieldBytes;
        this.field = new byte[maxFieldBytes];
    }

    /** The first line holding a byte that is not UTF-8, or 0. */
    int firstBadUtf8Line() {
        return badUtf8Line;
    }

    /** The value of that byte. */
    int firstBadUtf8Byte() {
        return badUtf8Byte;
    }

    /** True when the file starts with a UTF-16 byte order mark (and nothing was read). */
    boolean isUtf16() {
        return utf16;
    }

    /** Line where the quoted field that never closed was opened, or 0. */
    int unterminatedQuoteLine() {
        return quoteOpenedLine;
    }

    /** Index of the field that never closed. */
    int unterminatedQuoteField() {
        return quoteOpenedField;
    }

    /**
     * Reads records until the end of the file or until the handler returns false.
     *
     * @return the number of bytes read
     */
    long read(RecordHandler handler) throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int line = 1;
        recordLine = 1;
        int state = START;
        boolean previousCr = false;
        boolean first = true;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            int i = 0;
            if (first) {
                first = false;
                n = fillAtLeast(buf, n, 3);
                total = n;
                if (n >= 2 && ((buf[0] == (byte) 0xFF && buf[1] == (byte) 0xFE) || (buf[0] == (byte) 0xFE && buf[1] == (byte) 0xFF))) {
                    utf16 = true;
                    return total;
                }
                if (n >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
                    i = 3;
                }
            }
            for (; i < n; i++) {
                byte b = buf[i];
                if (b == '\n' && previousCr) {
                    previousCr = false;
                    if (state == QUOTED) {
                        append(b);
                    }
                    continue;
                }
                previousCr = b == '\r';
                switch (state) {
                    case START -> {
                        if (b != '"' && b != ',' && b != '\n' && b != '\r') {
                            i = appendRun(buf, i, n) - 1;
                            state = UNQUOTED;
                            continue;
                        }
                        if (b == '"') {
                            state = QUOTED;
                            fieldFlags |= FLAG_QUOTED;
                            quoteOpenedLine = line;
                            quoteOpenedField = count;
                        } else if (b == ',') {
                            endField();
                        } else if (b == '\n' || b == '\r') {
                            endField();
                            if (!endRecord(handler)) {
                                return total;
                            }
                            line++;
                            recordLine = line;
                        } else {
                            append(b);
                            state = UNQUOTED;
                        }
                    }
                    case UNQUOTED -> {
                        if (b != '"' && b != ',' && b != '\n' && b != '\r') {
                            i = appendRun(buf, i, n) - 1;
                            continue;
                        }
                        if (b == ',') {
                            endField();
                            state = START;
                        } else if (b == '\n' || b == '\r') {
                            endField();
                            if (!endRecord(handler)) {
                                return total;
                            }
                            line++;
                            recordLine = line;
                            state = START;
                        } else {
                            if (b == '"') {
                                fieldFlags |= FLAG_QUOTE_IN_UNQUOTED;
                            }
                            append(b);
                        }
                    }
                    case QUOTED -> {
                        if (b == '"') {
                            state = QUOTE_SEEN;
                        } else {
                            if (b == '\n' || b == '\r') {
                                line++;
                            }
                            append(b);
                        }
                    }
                    default -> {
                        if (b == '"') {
                            append(b);
                            state = QUOTED;
                        } else if (b == ',') {
                            endField();
                            state = START;
                        } else if (b == '\n' || b == '\r') {
                            endField();
                            if (!endRecord(handler)) {
                                return total;
                            }
                            line++;
                            recordLine = line;
                            state = START;
                        } else {
                            fieldFlags |= FLAG_TEXT_AFTER_QUOTE;
                            append(b);
                            state = UNQUOTED;
                        }
                    }
                }
            }
        }
        if (first) {
            return 0;
        }
        if (state == QUOTED) {
            fieldFlags |= FLAG_UNTERMINATED_QUOTE;
            endField();
            endRecord(handler);
        } else {
            quoteOpenedLine = 0;
            if (state != START || count > 0) {
                endField();
                endRecord(handler);
            }
        }
        return total;
    }

    private int fillAtLeast(byte[] buf, int n, int wanted) throws IOException {
        while (n < wanted) {
            int more = in.read(buf, n, buf.length - n);
            if (more <= 0) {
                break;
            }
            n += more;
        }
        return n;
    }

    /**
     * Appends the bytes from {@code from} up to the next comma, quote or line break (or the end of the
     * buffer) in one copy, noting NULs and non-ASCII bytes on the way.
     *
     * @return the index of the byte that stopped the run
     */
    private int appendRun(byte[] buf, int from, int end) {
        int j = from;
        boolean nonAscii = false;
        boolean nul = false;
        while (j < end) {
            byte c = buf[j];
            if (c == ',' || c == '\n' || c == '\r' || c == '"') {
                break;
            }
            if (c <= 0) {
                if (c == 0) {
                    nul = true;
                } else {
                    nonAscii = true;
                }
            }
            j++;
        }
        int length = j - from;
        int room = maxFieldBytes - fieldLength;
        if (length > room) {
            fieldFlags |= FLAG_TOO_LONG;
        }
        int copied = Math.min(length, room);
        if (copied > 0) {
            System.arraycopy(buf, from, field, fieldLength, copied);
            fieldLength += copied;
        }
        if (nul) {
            fieldFlags |= FLAG_NUL;
        }
        if (nonAscii) {
            fieldNonAscii = true;
        }
        return j;
    }

    private void append(byte b) {
        if (b == 0) {
            fieldFlags |= FLAG_NUL;
        }
        if (b < 0) {
            fieldNonAscii = true;
        }
        if (fieldLength < maxFieldBytes) {
            field[fieldLength++] = b;
        } else {
            fieldFlags |= FLAG_TOO_LONG;
        }
    }

    private void endField() {
        if (count < MAX_STORED_FIELDS) {
            int f = fieldFlags;
            String value;
            if (fieldNonAscii) {
                int bad = firstInvalidUtf8(field, fieldLength, (f & FLAG_TOO_LONG) != 0);
                if (bad >= 0) {
                    f |= FLAG_NOT_UTF8;
                    if (badUtf8Line == 0) {
                        badUtf8Line = recordLine;
                        badUtf8Byte = field[bad] & 0xFF;
                    }
                }
                value = new String(field, 0, fieldLength, StandardCharsets.UTF_8);
            } else {
                value = new String(field, 0, fieldLength, StandardCharsets.ISO_8859_1);
            }
            fields[count] = value;
            flags[count] = f;
        }
        count++;
        fieldLength = 0;
        fieldFlags = 0;
        fieldNonAscii = false;
    }

    private boolean endRecord(RecordHandler handler) throws IOException {
        int c = count;
        count = 0;
        if (c == 1 && fields[0].isEmpty() && (flags[0] & FLAG_QUOTED) == 0) {
            return true;
        }
        return handler.record(recordLine, fields, flags, c);
    }

    /**
     * Index of the first byte that does not belong to a well-formed UTF-8 sequence, or -1.
     *
     * @param truncated the bytes were cut at the field limit, so a sequence cut at the end is fine
     */
    static int firstInvalidUtf8(byte[] b, int length, boolean truncated) {
        int i = 0;
        while (i < length) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + need >= length) {
                return truncated ? -1 : i;
            }
            int cp = c & (0x3F >> need);
            for (int k = 1; k <= need; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return i;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return i;
            }
            i += need + 1;
        }
        return -1;
    }
}
