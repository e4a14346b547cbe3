package org.marginconsult.margin.methodology.span;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.marginconsult.margin.ParameterSet;
import org.marginconsult.margin.VersionedId;
import org.marginconsult.margin.methodology.ParameterOverrides;
import org.marginconsult.margin.scenario.VolShiftKind;

/**
 * The full parameter set of {@link Span}: scenario shape, what-if switches, the combined commodity
 * table and the inter-commodity spreads.
 *
 * <p>Follows CME SPAN (CME Group, "CME SPAN Methodology Overview"; L. McMillan, <i>Options as a
 * Strategic Investment</i>, ch. 34): 14 scenarios at 0, +/-1/3, +/-2/3, +/-1 price scan range with
 * volatility up and down, and two extreme moves of {@code extremeMoveMultiple} scan ranges with
 * volatility unchanged counted at {@code extremeMoveWeight}; initial = {@code hrpInitialRatio} x
 * maintenance for heightened-risk-profile accounts (CME performance-bond advisories).
 *
 * <p>Immutable; every {@code with...} method returns a copy, so a caller overrides one field for a
 * what-if and keeps the rest. {@link SpanDefaults#parameters()} gives the shipped set; the docs
 * (docs/methodology/span.md) state the source of each default.
 *
 * @param id                    parameter set id, recorded in every result
 * @param version               parameter set version, recorded in every result
 * @param extremeMoveMultiple   X: the extreme scenarios move X price scan ranges (default 2)
 * @param extremeMoveWeight     w: share of the extreme scenarios' loss that counts (default 0.35)
 * @param volatilityShocks      false turns the volatility scan off (vol up and down both use today's vol)
 * @param timeDecayDays         calendar days of time decay in option scenarios (default 1; 0 = off)
 * @param priceScanRangeScale   multiplies every combined commodity's price scan range (default 1)
 * @param fallbackPriceScanFraction scan range, as a fraction of the front contract's value, of a combined
 *                              commodity missing from the table (default 0.15; the result carries a warning)
 * @param heightenedRiskProfile true for an HRP account (initial = hrpInitialRatio x maintenance)
 * @param hrpInitialRatio       initial / maintenance for HRP accounts (default 1.10)
 * @param combinedCommodities   parameters per combined commodity code
 * @param interCommoditySpreads the spreads, applied in priority order
 */
public record SpanParameters(
        String id,
        String version,
        double extremeMoveMultiple,
        double extremeMoveWeight,
        boolean volatilityShocks,
        int timeDecayDays,
        double priceScanRangeScale,
        double fallbackPriceScanFraction,
        boolean heightenedRiskProfile,
        double hrpInitialRatio,
        Map<String, CombinedCommodityParameters> combinedCommodities,
        List<InterCommoditySpread> interCommoditySpreads) implements ParameterSet {

    /** Checks every value and copies the table and spreads into sorted unmodifiable collections. */
    public SpanParameters {
        if (id == null || id.isBlank() || version == null || version.isBlank()) {
            throw new IllegalArgumentException("SPAN parameters need an id and a version");
        }
        if (!(extremeMoveMultiple > 0) || Double.isInfinite(extremeMoveMultiple)) {
            throw new IllegalArgumentException("extremeMoveMultiple must be positive, got " + extremeMoveMultiple);
        }
        if (!(extremeMoveWeight > 0 && extremeMoveWeight <= 1)) {
            throw new IllegalArgumentException("extremeMoveWeight must be above 0 and at most 1, got " + extremeMoveWeight);
        }
        if (timeDecayDays < 0 || timeDecayDays > 366) {
            throw new IllegalArgumentException("timeDecayDays must be between 0 and 366, got " + timeDecayDays);
        }
        if (!(priceScanRangeScale > 0) || Double.isInfinite(priceScanRangeScale)) {
            throw new IllegalArgumentException("priceScanRangeScale must be positive, got " + priceScanRangeScale);
        }
        if (!(fallbackPriceScanFraction > 0 && fallbackPriceScanFraction < 1)) {
            throw new IllegalArgumentException("fallbackPriceScanFraction must be above 0 and below 1, got "
                    + fallbackPriceScanFraction);
        }
        if (!(hrpInitialRatio >= 1) || Double.isInfinite(hrpInitialRatio)) {
            throw new IllegalArgumentException("hrpInitialRatio must be at least 1, got " + hrpInitialRatio);
        }
        Objects.requireNonNull(combinedCommodities, "combinedCommodities");
        Objects.requireNonNull(interCommoditySpreads, "interCommoditySpreads");
        TreeMap<String, CombinedCommodityParameters> table = new TreeMap<>();
        for (Map.Entry<String, CombinedCommodityParameters> e : combinedCommodities.entrySet()) {
            String key = e.getKey().trim().toUpperCase(Locale.ROOT);
            CombinedCommodityParameters cc = Objects.requireNonNull(e.getValue(), key);
            if (!cc.code().equals(key)) {
                throw new IllegalArgumentException("combined commodity " + key + " holds parameters for " + cc.code());
            }
            table.put(key, cc);
        }
        List<InterCommoditySpread> spreads = new ArrayList<>(interCommoditySpreads);
        spreads.sort(SPREAD_ORDER);
        combinedCommodities = Collections.unmodifiableSortedMap(table);
        interCommoditySpreads = List.copyOf(spreads);
    }

    private static final Comparator<InterCommoditySpread> SPREAD_ORDER = Comparator
            .comparingInt(InterCommoditySpread::priority)
            .thenComparing(InterCommoditySpread::legA)
            .thenComparing(InterCommoditySpread::legB);

    /**
     * The parameters of one combined commodity, if the table has a row for it.
     *
     * @param code the combined commodity code (a position's underlying), any case
     * @return the row, or null when the table has none (see {@link #fallback})
     */
    public CombinedCommodityParameters combinedCommodity(String code) {
        return combinedCommodities.get(code.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * Parameters for a combined commodity missing from the table: a price scan range of
     * {@code fallbackPriceScanFraction} of one contract's value at {@code referencePrice}, the volatility
     * scan and rates of an equity index row. The caller must report a warning when it uses them.
     *
     * @param code               the combined commodity code
     * @param referencePrice     price of the front contract
     * @param contractMultiplier multiplier of the front contract
     * @return the fallback row
     */
    public CombinedCommodityParameters fallback(String code, double referencePrice, double contractMultiplier) {
        return new CombinedCommodityParameters(code, contractMultiplier,
                fallbackPriceScanFraction * referencePrice * contractMultiplier, 0.35,
                VolShiftKind.RELATIVE, 0.05, 0.0, 0, 0.10,
                "fallback: not in parameter set " + id + " " + version + "; scan range "
                        + fallbackPriceScanFraction + " of the front contract's value");
    }

    /** The price scan range of a combined commodity in USD per reference contract, after the scale. */
    public double priceScanRange(CombinedCommodityParameters cc) {
        return cc.priceScanRange() * priceScanRangeScale;
    }

    @Override
    public VersionedId parameterSetId() {
        return new VersionedId(id, version);
    }

    @Override
    public String canonicalForm() {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("extremeMoveMultiple=").append(extremeMoveMultiple)
                .append(";extremeMoveWeight=").append(extremeMoveWeight)
                .append(";volatilityShocks=").append(volatilityShocks)
                .append(";timeDecayDays=").append(timeDecayDays)
                .append(";priceScanRangeScale=").append(priceScanRangeScale)
                .append(";fallbackPriceScanFraction=").append(fallbackPriceScanFraction)
                .append(";heightenedRiskProfile=").append(heightenedRiskProfile)
                .append(";hrpInitialRatio=").append(hrpInitialRatio);
        for (CombinedCommodityParameters cc : combinedCommodities.values()) {
            sb.append(";cc=").append(cc.code()).append(',').append(cc.contractMultiplier()).append(',')
                    .append(cc.priceScanRange()).append(',').append(cc.volatilityScanRange()).append(',')
                    .append(cc.volatilityScanMode()).append(',').append(cc.intraSpreadRate()).append(',')
                    .append(cc.deliveryMonthRate()).append(',').append(cc.deliveryWindowDays()).append(',')
                    .append(cc.shortOptionMinimumRate());
        }
        for (InterCommoditySpread s : interCommoditySpreads) {
            sb.append(";spread=").append(s.priority()).append(',').append(s.legA()).append(',').append(s.ratioA())
                    .append(',').append(s.legB()).append(',').append(s.ratioB()).append(',').append(s.style())
                    .append(',').append(s.rate());
        }
        return sb.toString();
    }

    /** A copy with another fallback scan fraction for combined commodities missing from the table. */
    public SpanParameters withFallbackPriceScanFraction(double fraction) {
        return new SpanParameters(id, version, extremeMoveMultiple, extremeMoveWeight, volatilityShocks,
                timeDecayDays, priceScanRangeScale, fraction, heightenedRiskProfile, hrpInitialRatio,
                combinedCommodities, interCommoditySpreads);
    }

    private static final Set<String> KEYS = Set.of("extremeMoveMultiple", "extremeMoveWeight", "volatilityShocks",
            "timeDecayDays", "priceScanRangeScale", "fallbackPriceScanFraction", "heightenedRiskProfile",
            "hrpInitialRatio", "combinedCommodities", "interCommoditySpreads");
    private static final Set<String> CC_KEYS = Set.of("contractMultiplier", "priceScanRange", "volatilityScanRange",
            "volatilityScanMode", "intraSpreadRate", "deliveryMonthRate", "deliveryWindowDays",
            "shortOptionMinimumRate", "source");
    private static final Set<String> SPREAD_KEYS = Set.of("priority", "legA", "ratioA", "legB", "ratioB", "style",
            "rate", "source");

    /**
     * A copy with what-if overrides from the API's {@code parameters} object: any top-level field by its
     * name; {@code combinedCommodities} as an object of codes to objects of
     * {@link CombinedCommodityParameters} fields (a new code needs {@code contractMultiplier} and
     * {@code priceScanRange}); {@code interCommoditySpreads} as a list that replaces the table's spreads
     * (an empty list turns credits off). The version gets the suffix {@code +override}.
     *
     * <p>Example: {@code {"extremeMoveMultiple": 3, "extremeMoveWeight": 0.33, "volatilityShocks": false,
     * "combinedCommodities": {"ES": {"priceScanRange": 15000}}}}.
     *
     * @param overrides the overrides; null or empty returns this set unchanged
     * @return the overridden parameters
     * @throws ParameterOverrides.InvalidParametersException with one error per bad field
     */
    public SpanParameters withOverrides(Map<String, ?> overrides) {
        ParameterOverrides o = ParameterOverrides.of("parameters", overrides);
        if (o.isEmpty()) {
            return this;
        }
        o.rejectUnknown(KEYS);
        double x = o.number("extremeMoveMultiple", extremeMoveMultiple);
        double w = o.number("extremeMoveWeight", extremeMoveWeight);
        boolean vol = o.bool("volatilityShocks", volatilityShocks);
        int decay = o.integer("timeDecayDays", timeDecayDays);
        double scale = o.number("priceScanRangeScale", priceScanRangeScale);
        double fallback = o.number("fallbackPriceScanFraction", fallbackPriceScanFraction);
        boolean hrp = o.bool("heightenedRiskProfile", heightenedRiskProfile);
        double ratio = o.number("hrpInitialRatio", hrpInitialRatio);
        TreeMap<String, CombinedCommodityParameters> table = new TreeMap<>(combinedCommodities);
        ParameterOverrides ccs = o.object("combinedCommodities");
        if (ccs != null) {
            for (String key : ccs.keys()) {
                ParameterOverrides c = ccs.object(key);
                if (c == null) {
                    continue;
                }
                c.rejectUnknown(CC_KEYS);
                String code = key.trim().toUpperCase(Locale.ROOT);
                CombinedCommodityParameters base = table.get(code);
                if (base == null && (!c.has("contractMultiplier") || !c.has("priceScanRange"))) {
                    ccs.error(key, "a combined commodity not in the table needs contractMultiplier and priceScanRange");
                    continue;
                }
                if (base == null) {
                    base = new CombinedCommodityParameters(code, 1, 1, 0.35, VolShiftKind.RELATIVE, 0.05, 0, 0, 0.10,
                            "override");
                }
                try {
                    table.put(code, new CombinedCommodityParameters(code,
                            c.number("contractMultiplier", base.contractMultiplier()),
                            c.number("priceScanRange", base.priceScanRange()),
                            c.number("volatilityScanRange", base.volatilityScanRange()),
                            c.choice("volatilityScanMode", VolShiftKind.class, base.volatilityScanMode()),
                            c.number("intraSpreadRate", base.intraSpreadRate()),
                            c.number("deliveryMonthRate", base.deliveryMonthRate()),
                            c.integer("deliveryWindowDays", base.deliveryWindowDays()),
                            c.number("shortOptionMinimumRate", base.shortOptionMinimumRate()),
                            c.text("source", "override of " + base.source())));
                } catch (IllegalArgumentException e) {
                    c.refused(e);
                }
            }
        }
        List<InterCommoditySpread> spreads = interCommoditySpreads;
        List<ParameterOverrides> list = o.objects("interCommoditySpreads");
        if (list != null) {
            spreads = new ArrayList<>();
            for (ParameterOverrides sp : list) {
                sp.rejectUnknown(SPREAD_KEYS);
                for (String required : List.of("legA", "ratioA", "legB", "ratioB", "style", "rate")) {
                    if (!sp.has(required)) {
                        sp.error(required, "is required for an inter-commodity spread");
                    }
                }
                try {
                    spreads.add(new InterCommoditySpread(sp.integer("priority", spreads.size() + 1),
                            sp.text("legA", "?A"), sp.number("ratioA", 1), sp.text("legB", "?B"),
                            sp.number("ratioB", 1), sp.choice("style", InterCommoditySpread.Style.class,
                                    InterCommoditySpread.Style.PERCENTAGE), sp.number("rate", 0),
                            sp.text("source", "override")));
                } catch (IllegalArgumentException e) {
                    sp.refused(e);
                }
            }
        }
        SpanParameters result = this;
        if (o.valid()) {
            try {
                result = new SpanParameters(id, version + "+override", x, w, vol, decay, scale, fallback, hrp, ratio,
                        table, spreads);
            } catch (IllegalArgumentException e) {
                o.refused(e);
            }
        }
        o.throwIfInvalid();
        return result;
    }

    /** A copy with another id and version (an edited parameter set is a new version). */
    public SpanParameters withIdentity(String newId, String newVersion) {
        return new SpanParameters(newId, newVersion, extremeMoveMultiple, extremeMoveWeight, volatilityShocks,
                timeDecayDays, priceScanRangeScale, fallbackPriceScanFraction, heightenedRiskProfile, hrpInitialRatio,
                combinedCommodities, interCommoditySpreads);
    }

    /** A copy with another extreme move: X scan ranges counted at weight w. */
    public SpanParameters withExtremeMove(double multiple, double weight) {
        return new SpanParameters(id, version, multiple, weight, volatilityShocks, timeDecayDays,
                priceScanRangeScale, fallbackPriceScanFraction, heightenedRiskProfile, hrpInitialRatio,
                combinedCommodities, interCommoditySpreads);
    }

    /** A copy with the volatility scan on or off. */
    public SpanParameters withVolatilityShocks(boolean on) {
        return new SpanParameters(id, version, extremeMoveMultiple, extremeMoveWeight, on, timeDecayDays,
                priceScanRangeScale, fallbackPriceScanFraction, heightenedRiskProfile, hrpInitialRatio,
                combinedCommodities, interCommoditySpreads);
    }

    /** A copy with another number of days of option time decay (0 turns decay off). */
    public SpanParameters withTimeDecayDays(int days) {
        return new SpanParameters(id, version, extremeMoveMultiple, extremeMoveWeight, volatilityShocks, days,
                priceScanRangeScale, fallbackPriceScanFraction, heightenedRiskProfile, hrpInitialRatio,
                combinedCommodities, interCommoditySpreads);
    }

    /** A copy whose price scan ranges are all multiplied by {@code scale}. */
    public SpanParameters withPriceScanRangeScale(double scale) {
        return new SpanParameters(id, version, extremeMoveMultiple, extremeMoveWeight, volatilityShocks,
                timeDecayDays, scale, fallbackPriceScanFraction, heightenedRiskProfile, hrpInitialRatio,
                combinedCommodities, interCommoditySpreads);
    }

    /** A copy for an account with or without a heightened risk profile. */
    public SpanParameters withHeightenedRiskProfile(boolean hrp) {
        return new SpanParameters(id, version, extremeMoveMultiple, extremeMoveWeight, volatilityShocks,
                timeDecayDays, priceScanRangeScale, fallbackPriceScanFraction, hrp, hrpInitialRatio,
                combinedCommodities, interCommoditySpreads);
    }

    /** A copy with another HRP initial-to-maintenance ratio. */
    public SpanParameters withHrpInitialRatio(double ratio) {
        return new SpanParameters(id, version, extremeMoveMultiple, extremeMoveWeight, volatilityShocks,
                timeDecayDays, priceScanRangeScale, fallbackPriceScanFraction, heightenedRiskProfile, ratio,
                combinedCommodities, interCommoditySpreads);
    }

    /** A copy with one combined commodity added or replaced. */
    public SpanParameters withCombinedCommodity(CombinedCommodityParameters cc) {
        TreeMap<String, CombinedCommodityParameters> table = new TreeMap<>(combinedCommodities);
        table.put(cc.code(), cc);
        return new SpanParameters(id, version, extremeMoveMultiple, extremeMoveWeight, volatilityShocks,
                timeDecayDays, priceScanRangeScale, fallbackPriceScanFraction, heightenedRiskProfile, hrpInitialRatio,
                table, interCommoditySpreads);
    }

    /** A copy with another list of inter-commodity spreads (empty: no credits). */
    public SpanParameters withInterCommoditySpreads(List<InterCommoditySpread> spreads) {
        return new SpanParameters(id, version, extremeMoveMultiple, extremeMoveWeight, volatilityShocks,
                timeDecayDays, priceScanRangeScale, fallbackPriceScanFraction, heightenedRiskProfile, hrpInitialRatio,
                combinedCommodities, spreads);
    }
}
