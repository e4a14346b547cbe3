package org.marginconsult.margin;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 over a canonical text of a calculation's inputs, so a result can be reproduced and two
 * results compared: the positions (each in a fixed field order, numbers without trailing zeros,
 * sorted so that the portfolio's order does not matter), the methodology id and version, the
 * parameter set's canonical form and the valuation context (date, rate, reference data version).
 */
public final class InputHash {

    private InputHash() {
    }

    /**
     * Hashes the inputs of one calculation.
     *
     * @param positions   the portfolio, any order
     * @param methodology methodology id and version
     * @param parameters  the parameters applied
     * @param context     valuation context
     * @return lowercase hex SHA-256
     */
    public static String of(List<Position> positions, VersionedId methodology, ParameterSet parameters,
            ValuationContext context) {
        List<String> rows = new ArrayList<>(positions.size());
        for (Position p : positions) {
            rows.add(canonical(p));
        }
        rows.sort(null);
        StringBuilder text = new StringBuilder(64 * rows.size() + 256);
        text.append("methodology=").append(methodology.id()).append(' ').append(methodology.version()).append('\n');
        text.append("parameters=").append(parameters.parameterSetId()).append(':')
                .append(parameters.canonicalForm()).append('\n');
        text.append(context.canonicalForm()).append('\n');
        for (String row : rows) {
            text.append(row).append('\n');
        }
        return sha256(text);
    }

    /**
     * The canonical one-line form of a position.
     *
     * @param p the position
     * @return fields in record order separated by '|', numbers in plain form without trailing zeros
     */
    public static String canonical(Position p) {
        return String.join("|", s(p.positionId()), s(p.account()), s(p.instrumentType()), s(p.symbol()),
                s(p.underlying()), n(p.quantity()), n(p.multiplier()), n(p.price()), n(p.underlyingPrice()),
                s(p.optionType()), n(p.strike()), s(p.expiry()), n(p.impliedVol()), n(p.dv01()), s(p.currency()));
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String n(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    /** SHA-256 of the text's UTF-8 bytes, encoded here to keep the library free of java.nio. */
    static String sha256(CharSequence text) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        byte[] buffer = new byte[4096];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (n > buffer.length - 4) {
                digest.update(buffer, 0, n);
                n = 0;
            }
            if (cp < 0x80) {
                buffer[n++] = (byte) cp;
            } else if (cp < 0x800) {
                buffer[n++] = (byte) (0xC0 | (cp >> 6));
                buffer[n++] = (byte) (0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                buffer[n++] = (byte) (0xE0 | (cp >> 12));
                buffer[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buffer[n++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                buffer[n++] = (byte) (0xF0 | (cp >> 18));
                buffer[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buffer[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buffer[n++] = (byte) (0x80 | (cp & 0x3F));
            }
        }
        digest.update(buffer, 0, n);
        return HexFormat.of().formatHex(digest.digest());
    }
}
