package org.marginconsult.portfolio;

import org.marginconsult.margin.Position;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Streams positions into {@code portfolio_position} through PostgreSQL's COPY protocol (text format),
 * 64 KB at a time. COPY is several times faster than batched inserts for a million rows and, on the
 * upload's connection, part of its transaction: the portfolio is stored whole or not at all.
 */
final class PositionCopyWriter implements PositionSink {

    static final String COPY_SQL = "COPY portfolio_position (portfolio_id, line_no, position_id, account,"
            + " instrument_type, symbol, underlying, quantity, multiplier, price, underlying_price, option_type,"
            + " strike, expiry, implied_vol, dv01, currency) FROM STDIN";

    private static final int FLUSH_AT = 60 * 1024;

    private final CopyIn copy;
    private final byte[] portfolioId;
    private final byte[] buffer = new byte[FLUSH_AT + 16 * 1024];
    private int length;
    private long rows;

    PositionCopyWriter(CopyIn copy, long portfolioId) {
        this.copy = copy;
        this.portfolioId = Long.toString(portfolioId).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void accept(int line, Position p) throws java.io.IOException {
        write(portfolioId);
        tab();
        ascii(Integer.toString(line));
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
        number(p.quantity());
        tab();
        number(p.multiplier());
        tab();
        number(p.price());
        tab();
        number(p.underlyingPrice());
        tab();
        if (p.optionType() == null) {
            nul();
        } else {
            ascii(p.optionType().name());
        }
        tab();
        number(p.strike());
        tab();
        date(p.expiry());
        tab();
        number(p.impliedVol());
        tab();
        number(p.dv01());
        tab();
        text(p.currency());
        buffer[length++] = '\n';
        rows++;
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends what is buffered and ends the COPY. */
    long finish() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
        copy.endCopy();
        return rows;
    }

    /** Abandons the COPY; the transaction is then rolled back by the caller. */
    void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // The transaction is being rolled back anyway; the COPY dies with it.
        }
    }

    private void flush() throws java.io.IOException {
        try {
            copy.writeToCopy(buffer, 0, length);
        } catch (SQLException e) {
            throw new java.io.IOException("COPY into portfolio_position failed", e);
        }
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

    private void number(BigDecimal value) {
        if (value == null) {
            nul();
        } else {
            ascii(value.toPlainString());
        }
    }

    private void date(LocalDate value) {
        if (value == null) {
            nul();
        } else {
            ascii(value.toString());
        }
    }

    /** Text in COPY's escaping: backslash, tab, newline and carriage return become backslash sequences. */
    private void text(String s) {
        if (s == null) {
            nul();
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
