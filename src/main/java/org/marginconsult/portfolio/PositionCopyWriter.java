package org.marginconsult.portfolio;

import org.marginconsult.margin.Position;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Writes positions as rows of {@code portfolio_position} in PostgreSQL's COPY text format (tab-separated,
 * {@code \N} for null, backslash escapes), 64 KB at a time. An upload is written to a temporary file
 * while it is read and checked; {@link PositionStore#copyIn} then replays the file into the table with
 * COPY, several times faster than batched inserts, inside the transaction that stores the portfolio.
 */
final class PositionCopyWriter implements PositionSink {

    private static final int FLUSH_AT = 60 * 1024;

    private final OutputStream out;
    private final byte[] portfolioId;
    private final byte[] buffer = new byte[FLUSH_AT + 16 * 1024];
    private int length;
    private long rows;

    PositionCopyWriter(OutputStream out, long portfolioId) {
        this.out = out;
        this.portfolioId = Long.toString(portfolioId).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Appends one row. Numbers and dates are written as the uploader wrote them (the reader has checked
     * they are plain or scientific decimals and ISO dates, which PostgreSQL reads exactly as BigDecimal
     * and LocalDate do); codes are written as the enum's name.
     */
    @Override
    public void accept(int line, Position p, Cells cells) throws IOException {
        write(portfolioId);
        tab();
        digits(line);
        tab();
        text(p.positionId());
        tab();
        ascii(p.account().name());
        tab();
        ascii(p.instrumentType().name());
        tab();
        text(p.symbol());
        tab();
        text(p.underlying());
        tab();
        number(p.quantity(), cells.text(PositionColumn.QUANTITY));
        tab();
        number(p.multiplier(), cells.text(PositionColumn.MULTIPLIER));
        tab();
        number(p.price(), cells.text(PositionColumn.PRICE));
        tab();
        number(p.underlyingPrice(), cells.text(PositionColumn.UNDERLYING_PRICE));
        tab();
        if (p.optionType() == null) {
            nul();
        } else {
            ascii(p.optionType().name());
        }
        tab();
        number(p.strike(), cells.text(PositionColumn.STRIKE));
        tab();
        if (p.expiry() == null) {
            nul();
        } else {
            ascii(cells.text(PositionColumn.EXPIRY));
        }
        tab();
        number(p.impliedVol(), cells.text(PositionColumn.IMPLIED_VOL));
        tab();
        number(p.dv01(), cells.text(PositionColumn.DV01));
        tab();
        text(p.currency());
        buffer[length++] = '\n';
        rows++;
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    /**
     * Writes what is buffered.
     *
     * @return the number of rows written
     */
    long finish() throws IOException {
        flush();
        out.flush();
        return rows;
    }

    private void flush() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
    }

    private void tab() {
        buffer[length++] = '\t';
    }

    private void nul() {
        buffer[length++] = '\\';
        buffer[length++] = 'N';
    }

    private void write(byte[] bytes) {
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    /** Copies an ASCII string (codes, digits, dates) byte for byte, which the JDK does as one array copy. */
    @SuppressWarnings("deprecation")
    private void ascii(String s) {
        s.getBytes(0, s.length(), buffer, length);
        length += s.length();
    }

    private void number(BigDecimal value, String written) {
        if (value == null) {
            nul();
        } else {
            ascii(written);
        }
    }

    /** A non-negative int in decimal, straight into the buffer. */
    private void digits(int value) {
        int start = length;
        do {
            buffer[length++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = t;
        }
    }

    /** Text in COPY's escaping: backslash, tab, newline and carriage return become backslash sequences. */
    private void text(String s) {
        if (s == null) {
            nul();
            return;
        }
        if (isPlainAscii(s)) {
            ascii(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                utf8(s.substring(i));
                return;
            }
            escapeAscii(c);
        }
    }

    /** ASCII without the characters COPY escapes. */
    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == '\\' || c < ' ') {
                return false;
            }
        }
        return true;
    }

    private void escapeAscii(char c) {
        switch (c) {
            case '\\' -> {
                buffer[length++] = '\\';
                buffer[length++] = '\\';
            }
            case '\t' -> {
                buffer[length++] = '\\';
                buffer[length++] = 't';
            }
            case '\n' -> {
                buffer[length++] = '\\';
                buffer[length++] = 'n';
            }
            case '\r' -> {
                buffer[length++] = '\\';
                buffer[length++] = 'r';
            }
            default -> buffer[length++] = (byte) c;
        }
    }

    private void utf8(String rest) {
        for (byte b : rest.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0) {
                escapeAscii((char) b);
            } else {
                buffer[length++] = b;
            }
        }
    }
}
