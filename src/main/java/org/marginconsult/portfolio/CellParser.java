package org.marginconsult.portfolio;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns one cell's text into a typed value, or explains why it cannot: a number written with a
 * decimal comma, a thousands separator, NaN, a date in US order... Values are echoed in messages
 * (cut to 40 characters) so the reader finds the cell; client identifiers never reach this class
 * (see {@link ClientIdentifierGuard}).
 */
final class CellParser {

    /** Receives the reason a cell was refused. */
    interface Problems {
        void add(ErrorKind kind, String message);
    }

    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_DECIMALS = 20;

    private static final Pattern THOUSANDS_COMMA = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d*,\\d+");
    private static final Pattern DOT_THOUSANDS_DECIMAL_COMMA = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern SPACE_THOUSANDS = Pattern.compile("[+-]?\\d{1,3}([ \\u00A0\\u202F']\\d{3})+([.,]\\d+)?");
    /** Each enum's constants by name, so the common case (the exact name) costs one lookup. */
    private static final ClassValue<java.util.Map<String, Object>> NAMES = new ClassValue<>() {
        @Override
        protected java.util.Map<String, Object> computeValue(Class<?> type) {
            java.util.Map<String, Object> names = new java.util.HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                names.put(((Enum<?>) constant).name(), constant);
            }
            return java.util.Map.copyOf(names);
        }
    };

    private CellParser() {
    }

    /**
     * A decimal in plain or scientific notation with a point as decimal separator.
     *
     * @return the value, or null when the cell is empty or refused (then {@code problems} was told)
     */
    static BigDecimal decimal(String s, String column, Problems problems) {
        if (s.isEmpty()) {
            return null;
        }
        if (isPlainNumber(s)) {
            BigDecimal value;
            try {
                value = new BigDecimal(s);
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add(ErrorKind.NUMBER_OUT_OF_RANGE, quote(s) + " is out of range: " + column
                        + " takes at most " + MAX_INTEGER_DIGITS + " digits before the decimal point.");
                return null;
            }
            if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
                problems.add(ErrorKind.NUMBER_OUT_OF_RANGE, quote(s) + " is too large: " + column
                        + " takes at most " + MAX_INTEGER_DIGITS + " digits before the decimal point.");
                return null;
            }
            if (value.scale() > MAX_DECIMALS) {
                problems.add(ErrorKind.NUMBER_OUT_OF_RANGE, quote(s) + " has too many decimal places: " + column
                        + " takes at most " + MAX_DECIMALS + ".");
                return null;
            }
            return value;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        if (unsigned.equals("nan") || unsigned.equals("inf") || unsigned.equals("infinity") || unsigned.equals("∞")
                || unsigned.equals("#num!") || unsigned.equals("#div/0!")) {
            problems.add(ErrorKind.NOT_FINITE, quote(s) + " is not a finite number: " + column
                    + " expects a decimal such as 1250.75.");
            return null;
        }
        if (THOUSANDS_COMMA.matcher(s).matches()) {
            String without = s.replace(",", "");
            if (s.indexOf('.') < 0 && s.indexOf(',') == s.lastIndexOf(',')) {
                problems.add(ErrorKind.THOUSANDS_SEPARATOR, quote(s) + " contains a comma: write " + without
                        + " if it is a thousands separator, or " + s.replace(',', '.')
                        + " if it is a decimal comma (" + column + " takes a point for decimals and no separators).");
            } else {
                problems.add(ErrorKind.THOUSANDS_SEPARATOR, quote(s) + " contains thousands separators: write "
                        + without + " (" + column + " takes no separators and a point for decimals).");
            }
            return null;
        }
        if (DECIMAL_COMMA.matcher(s).matches()) {
            problems.add(ErrorKind.DECIMAL_COMMA, quote(s) + " uses a decimal comma: write " + s.replace(',', '.')
                    + " (" + column + " takes a point for decimals).");
            return null;
        }
        if (DOT_THOUSANDS_DECIMAL_COMMA.matcher(s).matches()) {
            problems.add(ErrorKind.DECIMAL_COMMA, quote(s) + " uses a decimal comma and dots between thousands: write "
                    + s.replace(".", "").replace(',', '.') + " (" + column + " takes a point for decimals and no separators).");
            return null;
        }
        if (SPACE_THOUSANDS.matcher(s).matches()) {
            problems.add(ErrorKind.THOUSANDS_SEPARATOR, quote(s) + " contains thousands separators: write "
                    + s.replaceAll("[ \\u00A0\\u202F']", "").replace(',', '.') + " (" + column
                    + " takes no separators and a point for decimals).");
            return null;
        }
        problems.add(ErrorKind.NOT_A_NUMBER, quote(s) + " is not a number: " + column
                + " expects a decimal such as -25 or 1250.75 (a point for decimals, no separators).");
        return null;
    }

    /**
     * An ISO 8601 calendar date, YYYY-MM-DD, between 1900 and 2199.
     *
     * @return the date, or null when empty or refused
     */
    static LocalDate date(String s, String column, Problems problems) {
        if (s.isEmpty()) {
            return null;
        }
        if (isIsoDateShape(s)) {
            try {
                LocalDate date = LocalDate.of(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
                if (date.getYear() >= 1900 && date.getYear() < 2200) {
                    return date;
                }
                problems.add(ErrorKind.INVALID_DATE, quote(s) + " is outside the years 1900 to 2199 that " + column
                        + " accepts.");
                return null;
            } catch (DateTimeException e) {
                problems.add(ErrorKind.INVALID_DATE, quote(s) + " is not a date that exists: " + column
                        + " expects YYYY-MM-DD, e.g. 2026-12-18.");
                return null;
            }
        }
        problems.add(ErrorKind.INVALID_DATE, quote(s) + " is not an ISO date: " + column
                + " expects YYYY-MM-DD, e.g. 2026-12-18.");
        return null;
    }

    /**
     * One of an enum's constant names, ignoring case; {@code C}/{@code P} are read as CALL/PUT by the caller's aliases.
     *
     * @return the constant, or null when empty or refused
     */
    static <E extends Enum<E>> E code(String s, Class<E> type, String column, Problems problems) {
        if (s.isEmpty()) {
            return null;
        }
        Object exact = NAMES.get(type).get(s);
        if (exact != null) {
            return type.cast(exact);
        }
        String key = s.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(key)) {
                return constant;
            }
        }
        String expected = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        String hint = "";
        int best = Integer.MAX_VALUE;
        for (E constant : type.getEnumConstants()) {
            int d = PositionColumn.editDistance(key, constant.name());
            if (d < best && d <= Math.max(1, constant.name().length() / 3)) {
                best = d;
                hint = " Did you mean " + constant.name() + "?";
            }
        }
        problems.add(ErrorKind.UNKNOWN_CODE, quote(s) + " is not a valid " + column + ": expected one of " + expected
                + "." + hint);
        return null;
    }

    /** YYYY-MM-DD: ten characters, digits and two dashes. */
    static boolean isIsoDateShape(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }

    /** The value without surrounding white space; plain ASCII values that need no change are returned as they are. */
    static String strip(String s) {
        int n = s.length();
        if (n == 0) {
            return s;
        }
        char first = s.charAt(0);
        char last = s.charAt(n - 1);
        if (first > ' ' && first < 0x7F && last > ' ' && last < 0x7F) {
            return s;
        }
        return s.strip();
    }

    /** Digits with an optional sign, one optional point and an optional exponent; at least one digit. */
    static boolean isPlainNumber(String s) {
        int i = 0;
        int n = s.length();
        if (n == 0) {
            return false;
        }
        char c = s.charAt(0);
        if (c == '+' || c == '-') {
            i++;
        }
        int digits = 0;
        boolean point = false;
        for (; i < n; i++) {
            c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (c != 'e' && c != 'E') {
            return false;
        }
        i++;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int exponentDigits = 0;
        for (; i < n; i++) {
            c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            exponentDigits++;
        }
        return exponentDigits > 0;
    }

    /** The value in single quotes, cut to 40 characters, control characters shown as '?'. */
    static String quote(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        StringBuilder out = new StringBuilder(cut.length() + 2).append('\'');
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.append('\'').toString();
    }
}
