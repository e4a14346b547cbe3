package org.marginconsult.margin.methodology.span;

import java.util.Locale;
import java.util.Objects;

/**
 * An inter-commodity spread credit between two combined commodities (SPAN step 2: "SPAN then seeks
 * risk reducing offsets between combined commodities", CME SPAN methodology overview).
 *
 * <p>Two styles, both in the team fact sheet (margin-methods.md section 3):
 * <ul>
 *   <li>{@link Style#PERCENTAGE}: CME's classic credit. With leg deltas in reference contracts of
 *   opposite sign, spreads = min(|delta A| / ratio A, |delta B| / ratio B), and the credit is
 *   spreads x (ratio A x scan range A + ratio B x scan range B) x rate: a percentage of both legs'
 *   outright margins (CME's corn/soybean example: 2:1 at 55%).</li>
 *   <li>{@link Style#SCANNING}: per scenario, the pair's loss is the losing leg's loss minus rate x the
 *   gaining leg's gain; the credit is the sum of the two scan risks minus the pair's worst loss.</li>
 * </ul>
 * Immutable. Example: {@code of(4, "ES", 3, "NQ", 2, PERCENTAGE, 0.70)} gives 70% of the outright
 * margins of 3 ES against 2 NQ for every such spread the account holds.
 *
 * @param priority lower first; spreads consume the legs' deltas in this order (ties by legs' codes)
 * @param legA     first combined commodity code
 * @param ratioA   reference contracts of leg A per spread
 * @param legB     second combined commodity code
 * @param ratioB   reference contracts of leg B per spread
 * @param style    percentage or scanning
 * @param rate     credit rate in [0, 1]
 * @param source   where the values come from
 */
public record InterCommoditySpread(int priority, String legA, double ratioA, String legB, double ratioB,
        Style style, double rate, String source) {

    /** How the credit is computed. */
    public enum Style {
        /** A percentage of both legs' outright margins per delta-matched spread. */
        PERCENTAGE,
        /** Per scenario: loss leg - rate x gain leg. */
        SCANNING
    }

    /** Checks the legs differ, ratios are positive and the rate lies in [0, 1]. */
    public InterCommoditySpread {
        Objects.requireNonNull(legA, "legA");
        Objects.requireNonNull(legB, "legB");
        Objects.requireNonNull(style, "style");
        legA = legA.trim().toUpperCase(Locale.ROOT);
        legB = legB.trim().toUpperCase(Locale.ROOT);
        if (legA.equals(legB)) {
            throw new IllegalArgumentException("inter-commodity spread legs must differ, got " + legA + " twice");
        }
        if (!(ratioA > 0) || !(ratioB > 0) || Double.isInfinite(ratioA) || Double.isInfinite(ratioB)) {
            throw new IllegalArgumentException("inter-commodity spread " + legA + "/" + legB
                    + ": ratios must be positive, got " + ratioA + ":" + ratioB);
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("inter-commodity spread " + legA + "/" + legB
                    + ": rate must be between 0 and 1, got " + rate);
        }
        source = source == null ? "" : source;
    }

    /** A spread without a source note. */
    public static InterCommoditySpread of(int priority, String legA, double ratioA, String legB, double ratioB,
            Style style, double rate) {
        return new InterCommoditySpread(priority, legA, ratioA, legB, ratioB, style, rate, "");
    }

    /** The spread's name as shown in results, e.g. "ES/NQ 3:2". */
    public String name() {
        return legA + "/" + legB + " " + fmt(ratioA) + ":" + fmt(ratioB);
    }

    /** A copy with another rate. */
    public InterCommoditySpread withRate(double value) {
        return new InterCommoditySpread(priority, legA, ratioA, legB, ratioB, style, value, source);
    }

    /** A copy with another style. */
    public InterCommoditySpread withStyle(Style value) {
        return new InterCommoditySpread(priority, legA, ratioA, legB, ratioB, value, rate, source);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
