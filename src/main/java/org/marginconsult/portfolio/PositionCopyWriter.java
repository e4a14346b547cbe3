package org.marginconsult.portfolio;

import org.marginconsult.margin.Position;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Writes positions as rows of {@code portfolio_position} in PostgreSQL's binary COPY format, 64 KB at a
 * time, for {@link PositionStore#copyIn}. Binary rather than text: the server then stores numbers and
 * dates as they come instead of parsing them from text, which is most of its work per row.
 *
 * <p>Format (PostgreSQL documentation, "COPY", binary format): the signature {@code PGCOPY\n\377\r\n\0},
 * two 32-bit zeros (flags, header extension), then per row a 16-bit field count and, per field, a 32-bit
 * length (-1 for null) and the value in the type's binary form; a 16-bit -1 ends the data. Big-endian.
 * {@code numeric} is sent as base-10000 digits: count, weight (power of 10000 of the first digit), sign
 * and display scale, which keeps the scale written ({@code 271.40} stays {@code 271.40}); {@code date} as
 * days since 2000-01-01.
 */
final class PositionCopyWriter implements PositionSink {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final short FIELDS = 17;
    private static final int FLUSH_AT = 60 * 1024;
    /** 2000-01-01, day zero of PostgreSQL dates. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final int NUMERIC_NEGATIVE = 0x4000;

    private final OutputStream out;
    private final long portfolioId;
    private final byte[] buffer = new byte[FLUSH_AT + 16 * 1024];
    private int length;
    private long rows;
    /** Base-10000 digits of the number being written. */
    private final short[] numericDigits = new short[16];

    PositionCopyWriter(OutputStream out, long portfolioId) {
        this.out = out;
        this.portfolioId = portfolioId;
        System.arraycopy(SIGNATURE, 0, buffer, 0, SIGNATURE.length);
        length = SIGNATURE.length;
        int32(0);
        int32(0);
    }

    /**
     * Appends one row. Numbers are encoded from the uploader's text when it is a plain decimal (the
     * reader has checked it), codes as the enum's name.
     */
    @Override
    public void accept(int line, Position p, Cells cells) throws IOException {
        int16(FIELDS);
        int32(8);
        int64(portfolioId);
        int32(4);
        int32(line);
        text(p.positionId());
        ascii(p.account().name());
        ascii(p.instrumentType().name());
        text(p.symbol());
        text(p.underlying());
        numeric(p.quantity(), cells.text(PositionColumn.QUANTITY));
        numeric(p.multiplier(), cells.text(PositionColumn.MULTIPLIER));
        numeric(p.price(), cells.text(PositionColumn.PRICE));
        numeric(p.underlyingPrice(), cells.text(PositionColumn.UNDERLYING_PRICE));
        if (p.optionType() == null) {
            int32(-1);
        } else {
            ascii(p.optionType().name());
        }
        numeric(p.strike(), cells.text(PositionColumn.STRIKE));
        date(p.expiry());
        numeric(p.impliedVol(), cells.text(PositionColumn.IMPLIED_VOL));
        numeric(p.dv01(), cells.text(PositionColumn.DV01));
        text(p.currency());
        rows++;
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    /**
     * Ends the data and writes what is buffered.
     *
     * @return the number of rows written
     */
    long finish() throws IOException {
        int16((short) -1);
        flush();
        out.flush();
        return rows;
    }

    private void flush() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
    }

    private void int16(short value) {
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void int32(int value) {
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void int64(long value) {
        int32((int) (value >>> 32));
        int32((int) value);
    }

    private void date(LocalDate value) {
        if (value == null) {
            int32(-1);
        } else {
            int32(4);
            int32((int) (value.toEpochDay() - POSTGRES_EPOCH_DAY));
        }
    }

    /** A string of plain ASCII (codes, enum names), length-prefixed. */
    @SuppressWarnings("deprecation")
    private void ascii(String s) {
        int32(s.length());
        s.getBytes(0, s.length(), buffer, length);
        length += s.length();
    }

    /** Text as UTF-8, length-prefixed. */
    private void text(String s) {
        if (s == null) {
            int32(-1);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                int32(utf8.length);
                System.arraycopy(utf8, 0, buffer, length, utf8.length);
                length += utf8.length;
                return;
            }
        }
        ascii(s);
    }

    /**
     * A numeric: from the text written when it is a plain decimal ({@code -12.50}), otherwise from the
     * value's plain form ({@code 1e3} written gives {@code 1000}). Re-checking the short text costs less
     * than {@code toPlainString} on every cell: encoding every value from {@code toPlainString} measured
     * 1.43 to 1.61 times {@code psql \copy} (median of three rounds, three runs) against 1.31 to 1.36 for
     * this (docs/performance.md, 2026-11-21).
     */
    private void numeric(BigDecimal value, String written) {
        if (value == null) {
            int32(-1);
            return;
        }
        String plain = written != null && CellParser.simpleDecimal(written) != null ? written : value.toPlainString();
        int start = 0;
        boolean negative = false;
        char first = plain.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            start = 1;
        }
        int point = plain.indexOf('.', start);
        int integerEnd = point < 0 ? plain.length() : point;
        int scale = point < 0 ? 0 : plain.length() - point - 1;
        while (start < integerEnd && plain.charAt(start) == '0') {
            start++;
        }
        int integerDigits = integerEnd - start;
        int integerGroups = (integerDigits + 3) / 4;
        int fractionGroups = (scale + 3) / 4;
        int count = 0;
        // Integer part: the first group takes what is left over from groups of four.
        int position = start;
        for (int g = 0; g < integerGroups; g++) {
            int take = g == 0 ? integerDigits - 4 * (integerGroups - 1) : 4;
            int digit = 0;
            for (int k = 0; k < take; k++) {
                digit = digit * 10 + (plain.charAt(position++) - '0');
            }
            numericDigits[count++] = (short) digit;
        }
        // Fraction part: groups of four, the last one padded with zeros on the right.
        position = integerEnd + 1;
        for (int g = 0; g < fractionGroups; g++) {
            int digit = 0;
            for (int k = 0; k < 4; k++) {
                digit = digit * 10 + (position < plain.length() ? plain.charAt(position) - '0' : 0);
                position++;
            }
            numericDigits[count++] = (short) digit;
        }
        int weight = integerGroups - 1;
        int from = 0;
        while (from < count && numericDigits[from] == 0) {
            from++;
            weight--;
        }
        int to = count;
        while (to > from && numericDigits[to - 1] == 0) {
            to--;
        }
        int digits = to - from;
        if (digits == 0) {
            weight = 0;
            negative = false;
        }
        int32(8 + 2 * digits);
        int16((short) digits);
        int16((short) weight);
        int16((short) (negative ? NUMERIC_NEGATIVE : 0));
        int16((short) scale);
        for (int i = from; i < to; i++) {
            int16(numericDigits[i]);
        }
    }
}
