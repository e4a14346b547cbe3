package org.marginconsult.portfolio;

/**
 * Text that a spreadsheet could mistake for a formula. Such values are stored exactly as uploaded
 * (the database and the pages treat them as text, and pages escape them); only when written back to
 * a CSV file do they get a leading apostrophe, the OWASP advice against CSV injection, so that
 * opening the export in Excel shows the text instead of running it.
 */
final class SafeText {

    private SafeText() {
    }

    /** True when the value starts with =, +, -, @, a tab or a carriage return. */
    static boolean startsLikeFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** The value as a CSV field: apostrophe-prefixed if it starts like a formula, quoted if needed. */
    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        String v = startsLikeFormula(value) ? "'" + value : value;
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
