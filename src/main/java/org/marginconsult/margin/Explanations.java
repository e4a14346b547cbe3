package org.marginconsult.margin;

import java.util.Locale;

/**
 * Number wording shared by the methodologies' breakdown lines ({@link BreakdownLine#description()}), so that
 * every rule's explanation states a rate the same way. Stateless.
 */
public final class Explanations {

    private Explanations() {
    }

    /**
     * A fraction as a percentage with up to four significant digits and no trailing zeros.
     *
     * @param fraction the rate as a decimal (0.75 = 75%)
     * @return e.g. "75%", "2.5%", "0.375%"
     */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.4g%%", 100 * fraction).replaceAll("\\.?0+%$", "%");
    }
}
