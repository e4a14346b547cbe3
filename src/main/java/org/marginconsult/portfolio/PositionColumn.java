package org.marginconsult.portfolio;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a portfolio file, in template order, with the name a file uses (snake_case), the
 * name JSON uses (camelCase, as {@link org.marginconsult.margin.Position}'s components), what a cell
 * holds and whether the header must have it. The meaning of each field is the engine's contract in
 * docs/portfolio-format.md; this type only knows how a file spells it.
 */
public enum PositionColumn {
    POSITION_ID("position_id", "positionId", Kind.TEXT, 64, true),
    ACCOUNT("account", "account", Kind.CODE, 32, true),
    INSTRUMENT_TYPE("instrument_type", "instrumentType", Kind.CODE, 32, true),
    SYMBOL("symbol", "symbol", Kind.TEXT, 64, true),
    UNDERLYING("underlying", "underlying", Kind.TEXT, 32, true),
    QUANTITY("quantity", "quantity", Kind.DECIMAL, 40, true),
    MULTIPLIER("multiplier", "multiplier", Kind.DECIMAL, 40, true),
    PRICE("price", "price", Kind.DECIMAL, 40, true),
    UNDERLYING_PRICE("underlying_price", "underlyingPrice", Kind.DECIMAL, 40, false),
    OPTION_TYPE("option_type", "optionType", Kind.CODE, 32, false),
    STRIKE("strike", "strike", Kind.DECIMAL, 40, false),
    EXPIRY("expiry", "expiry", Kind.DATE, 32, false),
    IMPLIED_VOL("implied_vol", "impliedVol", Kind.DECIMAL, 40, false),
    DV01("dv01", "dv01", Kind.DECIMAL, 40, false),
    CURRENCY("currency", "currency", Kind.TEXT, 3, true);

    /** What a cell of the column holds. */
    enum Kind { TEXT, CODE, DECIMAL, DATE }

    private static final List<PositionColumn> ALL = List.of(values());

    private final String fileName;
    private final String jsonName;
    private final Kind kind;
    private final int maxLength;
    private final boolean required;

    PositionColumn(String fileName, String jsonName, Kind kind, int maxLength, boolean required) {
        this.fileName = fileName;
        this.jsonName = jsonName;
        this.kind = kind;
        this.maxLength = maxLength;
        this.required = required;
    }

    /** The header name in CSV and XLSX files, e.g. {@code implied_vol}. */
    public String fileName() {
        return fileName;
    }

    /** The field name in JSON, e.g. {@code impliedVol}. */
    public String jsonName() {
        return jsonName;
    }

    Kind kind() {
        return kind;
    }

    /** The longest value accepted, in characters. */
    public int maxLength() {
        return maxLength;
    }

    /** True when a file's header must contain the column; optional columns may be left out. */
    public boolean required() {
        return required;
    }

    /** Every column, in template order. */
    public static List<PositionColumn> all() {
        return ALL;
    }

    /** The header line of the template: every column name, comma-separated. */
    public static String headerLine() {
        return String.join(",", ALL.stream().map(PositionColumn::fileName).toList());
    }

    /**
     * The column a header cell names. Case, surrounding spaces and the separator style are forgiven
     * ({@code Implied Vol}, {@code implied-vol} and {@code impliedVol} all mean {@code implied_vol}).
     */
    static Optional<PositionColumn> byHeader(String header) {
        String key = normalise(header);
        return Arrays.stream(values()).filter(c -> c.fileName.equals(key)).findFirst();
    }

    /** The column a JSON field names (camelCase), exactly. */
    static Optional<PositionColumn> byJsonName(String name) {
        return Arrays.stream(values()).filter(c -> c.jsonName.equals(name)).findFirst();
    }

    /** Lowercase snake_case form of a header cell: {@code "Implied Vol"} and {@code "impliedVol"} give {@code implied_vol}. */
    static String normalise(String header) {
        String s = header.strip();
        StringBuilder out = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(s.charAt(i - 1))) {
                out.append('_');
            }
            if (c == ' ' || c == '-' || c == '.') {
                out.append('_');
            } else {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString().toLowerCase(Locale.ROOT).replaceAll("_+", "_");
    }

    /**
     * The known name closest to an unknown one (edit distance at most a third of the name's length,
     * and at most 3), for "did you mean" hints.
     */
    static Optional<String> closest(String unknown, boolean json) {
        String key = json ? unknown : normalise(unknown);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (PositionColumn c : values()) {
            String name = json ? c.jsonName : c.fileName;
            int d = editDistance(key.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = name;
            }
        }
        int allowed = Math.min(3, Math.max(1, key.length() / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
