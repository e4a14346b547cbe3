package org.marginconsult.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How every page, export and filed letter writes a dollar amount: US grouping, two decimals, rounded
 * HALF_UP like the engine's results (amounts that reach a page are already whole cents; the rounding
 * only makes the format's own default, HALF_EVEN, never matter).
 */
public final class Amounts {

    private Amounts() {
    }

    /** {@code 1234567.5} gives {@code 1,234,567.50}; null gives an empty string. */
    public static String format(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        // DecimalFormat is not thread-safe: one a call (cheap next to rendering a page).
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }
}
