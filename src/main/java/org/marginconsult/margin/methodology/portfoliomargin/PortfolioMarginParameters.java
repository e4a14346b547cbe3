package org.marginconsult.margin.methodology.portfoliomargin;

import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.marginconsult.margin.ParameterSet;
import org.marginconsult.margin.VersionedId;
import org.marginconsult.margin.methodology.ParameterOverrides;
import org.marginconsult.margin.reference.ProductClass;

/**
 * The parameters of {@link PortfolioMargin}: the valuation range per product class, the number of
 * points, the offset percentage of each product group, the per-contract minimum and the what-if
 * switches.
 *
 * <p>Defaults ({@link #defaults()}) follow FINRA Rule 4210(g) and SEC Release 34-46576: ten equidistant
 * points (five a side, no zero); -8%/+6% for high-capitalisation broad-based indices, +/-10% for other
 * broad-based indices, +/-15% for narrow-based indices, equities and ETFs outside those groups; gains
 * offsetting losses between class groups of one product group at 90% (high-cap diversified), 75%
 * (non-high-cap diversified) and 50% (narrow-based), the team reference's figures for 17 CFR
 * 240.15c3-1a(b)(1)(v)(C), shipped as a documented default; $0.375 x multiplier per option or future contract. Crypto ETFs take the equity range (the
 * rule has no crypto class; brokers add house overlays).
 *
 * <p>Immutable; the {@code with...} methods return copies for what-ifs.
 *
 * @param id                 parameter set id, recorded in every result
 * @param version            parameter set version
 * @param ranges             down and up range per product class (every class has one)
 * @param pointsPerSide      valuation points on each side (5: ten points in all)
 * @param productGroupOffset share of gains that offsets losses between class groups of the same product
 *                           class; a class without an entry forms no product group (each class group alone)
 * @param minimumPerContract dollars per unit of multiplier per option contract ($0.375: $37.50 for 100)
 * @param volatilityShift    relative vol shift; 0 = none (the rule's grid), otherwise every point is also
 *                           valued at vol x (1 + shift) and vol x (1 - shift)
 * @param timeDecayDays      days of option time decay at every point (0 in the rule)
 * @param treasuryRates      Treasuries, which 4210(g)'s grid does not margin, are charged under the
 *                           strategy-based rule for US government obligations (FINRA Rule 4210(e)(2)(A)):
 *                           rate of market value by remaining maturity, keyed by the lower bound in years
 *                           (0: 1%, 1: 2%, 3: 3%, 5: 4%, 10: 5%, 20: 6% by default: our reading of the rule, a
 *                           documented default)
 */
public record PortfolioMarginParameters(
        String id,
        String version,
        Map<ProductClass, PriceRange> ranges,
        int pointsPerSide,
        Map<ProductClass, Double> productGroupOffset,
        double minimumPerContract,
        double volatilityShift,
        int timeDecayDays,
        NavigableMap<Double, Double> treasuryRates) implements ParameterSet {

    /** Id of the shipped parameter set. */
    public static final String DEFAULT_ID = "FINRA-4210G-DEFAULTS";
    /** Version of the shipped parameter set. */
    public static final String DEFAULT_VERSION = "2026.1";

    /**
     * The valuation range of a product class, as positive fractions.
     *
     * @param down largest down move (0.08 = -8%)
     * @param up   largest up move (0.06 = +6%)
     */
    public record PriceRange(double down, double up) {
        /** Checks the moves are in (0, 1). */
        public PriceRange {
            if (!(down > 0 && down < 1) || !(up > 0 && up < 10)) {
                throw new IllegalArgumentException("a price range needs a down move in (0, 1) and a positive up move,"
                        + " got -" + down + "/+" + up);
            }
        }
    }

    /** Checks every value and copies the maps. */
    public PortfolioMarginParameters {
        if (id == null || id.isBlank() || version == null || version.isBlank()) {
            throw new IllegalArgumentException("portfolio margin parameters need an id and a version");
        }
        Objects.requireNonNull(ranges, "ranges");
        Objects.requireNonNull(productGroupOffset, "productGroupOffset");
        EnumMap<ProductClass, PriceRange> r = new EnumMap<>(ProductClass.class);
        r.putAll(ranges);
        for (ProductClass c : ProductClass.values()) {
            if (r.get(c) == null) {
                throw new IllegalArgumentException("no price range for product class " + c);
            }
        }
        EnumMap<ProductClass, Double> o = new EnumMap<>(ProductClass.class);
        for (Map.Entry<ProductClass, Double> e : productGroupOffset.entrySet()) {
            double v = Objects.requireNonNull(e.getValue(), e.getKey().name());
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("offset of product class " + e.getKey() + " must be between 0 and 1, got "
                        + v);
            }
            o.put(e.getKey(), v);
        }
        if (pointsPerSide < 1 || pointsPerSide > 50) {
            throw new IllegalArgumentException("pointsPerSide must be between 1 and 50, got " + pointsPerSide);
        }
        if (!(minimumPerContract >= 0) || Double.isInfinite(minimumPerContract)) {
            throw new IllegalArgumentException("minimumPerContract must be zero or positive, got " + minimumPerContract);
        }
        if (!(volatilityShift >= 0 && volatilityShift < 1)) {
            throw new IllegalArgumentException("volatilityShift must be in [0, 1), got " + volatilityShift);
        }
        if (timeDecayDays < 0 || timeDecayDays > 366) {
            throw new IllegalArgumentException("timeDecayDays must be between 0 and 366, got " + timeDecayDays);
        }
        Objects.requireNonNull(treasuryRates, "treasuryRates");
        TreeMap<Double, Double> t = new TreeMap<>();
        for (Map.Entry<Double, Double> e : treasuryRates.entrySet()) {
            double years = Objects.requireNonNull(e.getKey(), "treasury maturity");
            double rate = Objects.requireNonNull(e.getValue(), "treasury rate");
            if (!(years >= 0) || Double.isInfinite(years) || !(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("treasury rate from " + years + " years must have a maturity >= 0 and a"
                        + " rate between 0 and 1, got " + rate);
            }
            t.put(years, rate);
        }
        if (!t.containsKey(0.0)) {
            throw new IllegalArgumentException("treasury rates must start at 0 years");
        }
        ranges = java.util.Collections.unmodifiableMap(r);
        productGroupOffset = java.util.Collections.unmodifiableMap(o);
        treasuryRates = java.util.Collections.unmodifiableNavigableMap(t);
    }

    /** The shipped parameter set (FINRA Rule 4210(g) as restated in docs/methodology/portfolio-margin.md). */
    public static PortfolioMarginParameters defaults() {
        EnumMap<ProductClass, PriceRange> ranges = new EnumMap<>(ProductClass.class);
        ranges.put(ProductClass.HIGH_CAP_BROAD_INDEX, new PriceRange(0.08, 0.06));
        ranges.put(ProductClass.OTHER_BROAD_INDEX, new PriceRange(0.10, 0.10));
        ranges.put(ProductClass.NARROW_INDEX, new PriceRange(0.15, 0.15));
        ranges.put(ProductClass.SINGLE_EQUITY, new PriceRange(0.15, 0.15));
        ranges.put(ProductClass.CRYPTO, new PriceRange(0.15, 0.15));
        ranges.put(ProductClass.RATES_TENOR_BUCKET, new PriceRange(0.15, 0.15));
        EnumMap<ProductClass, Double> offsets = new EnumMap<>(ProductClass.class);
        offsets.put(ProductClass.HIGH_CAP_BROAD_INDEX, 0.90);
        offsets.put(ProductClass.OTHER_BROAD_INDEX, 0.75);
        offsets.put(ProductClass.NARROW_INDEX, 0.50);
        TreeMap<Double, Double> treasury = new TreeMap<>(Map.of(0.0, 0.01, 1.0, 0.02, 3.0, 0.03, 5.0, 0.04, 10.0, 0.05,
                20.0, 0.06));
        return new PortfolioMarginParameters(DEFAULT_ID, DEFAULT_VERSION, ranges, 5, offsets, 0.375, 0.0, 0, treasury);
    }

    /**
     * The strategy-based rate of a Treasury with the given remaining maturity.
     *
     * @param years remaining maturity in years (days / 365)
     * @return the rate of market value
     */
    public double treasuryRate(double years) {
        return treasuryRates.floorEntry(Math.max(0.0, years)).getValue();
    }

    /** The range of a product class. */
    public PriceRange range(ProductClass productClass) {
        return ranges.get(productClass);
    }

    /** True when class groups of this product class offset each other (a product group). */
    public boolean formsProductGroup(ProductClass productClass) {
        return productGroupOffset.containsKey(productClass);
    }

    @Override
    public VersionedId parameterSetId() {
        return new VersionedId(id, version);
    }

    @Override
    public String canonicalForm() {
        StringBuilder sb = new StringBuilder(512);
        for (Map.Entry<ProductClass, PriceRange> e : ranges.entrySet()) {
            sb.append("range.").append(e.getKey()).append('=').append(e.getValue().down()).append(',')
                    .append(e.getValue().up()).append(';');
        }
        for (Map.Entry<ProductClass, Double> e : productGroupOffset.entrySet()) {
            sb.append("offset.").append(e.getKey()).append('=').append(e.getValue()).append(';');
        }
        return sb.append("pointsPerSide=").append(pointsPerSide).append(";minimumPerContract=")
                .append(minimumPerContract).append(";volatilityShift=").append(volatilityShift)
                .append(";timeDecayDays=").append(timeDecayDays).append(";treasuryRates=").append(treasuryRates)
                .toString();
    }

    private static final Set<String> KEYS = Set.of("ranges", "pointsPerSide", "productGroupOffset",
            "minimumPerContract", "volatilityShift", "timeDecayDays", "treasuryRates");

    /**
     * A copy with what-if overrides from the API's {@code parameters} object: {@code ranges} as an object
     * of product classes to {@code {"down": 0.2, "up": 0.2}}; {@code productGroupOffset} as an object of
     * product classes to a share in [0, 1]; {@code pointsPerSide}, {@code minimumPerContract},
     * {@code volatilityShift}, {@code timeDecayDays} by name; {@code treasuryRates} as an object of lower
     * bounds in years to rates, replacing the schedule. The version gets the suffix {@code +override}.
     *
     * <p>Example: {@code {"ranges": {"SINGLE_EQUITY": {"down": 0.2, "up": 0.2}}, "volatilityShift": 0.25}}.
     *
     * @param overrides the overrides; null or empty returns this set unchanged
     * @return the overridden parameters
     * @throws ParameterOverrides.InvalidParametersException with one error per bad field
     */
    public PortfolioMarginParameters withOverrides(Map<String, ?> overrides) {
        ParameterOverrides o = ParameterOverrides.of("parameters", overrides);
        if (o.isEmpty()) {
            return this;
        }
        o.rejectUnknown(KEYS);
        EnumMap<ProductClass, PriceRange> r = new EnumMap<>(ranges);
        ParameterOverrides rs = o.object("ranges");
        if (rs != null) {
            for (String key : rs.keys()) {
                ProductClass c = productClass(rs, key);
                ParameterOverrides range = rs.object(key);
                if (c == null || range == null) {
                    continue;
                }
                range.rejectUnknown(Set.of("down", "up"));
                try {
                    r.put(c, new PriceRange(range.number("down", r.get(c).down()), range.number("up", r.get(c).up())));
                } catch (IllegalArgumentException e) {
                    range.refused(e);
                }
            }
        }
        EnumMap<ProductClass, Double> off = new EnumMap<>(ProductClass.class);
        off.putAll(productGroupOffset);
        ParameterOverrides os = o.object("productGroupOffset");
        if (os != null) {
            for (String key : os.keys()) {
                ProductClass c = productClass(os, key);
                if (c != null) {
                    off.put(c, os.number(key, off.getOrDefault(c, 0.0)));
                }
            }
        }
        int points = o.integer("pointsPerSide", pointsPerSide);
        double minimum = o.number("minimumPerContract", minimumPerContract);
        double shift = o.number("volatilityShift", volatilityShift);
        int decay = o.integer("timeDecayDays", timeDecayDays);
        NavigableMap<Double, Double> treasury = treasuryRates;
        ParameterOverrides ts = o.object("treasuryRates");
        if (ts != null) {
            TreeMap<Double, Double> t = new TreeMap<>();
            for (String key : ts.keys()) {
                try {
                    t.put(Double.parseDouble(key.trim()), ts.number(key, 0));
                } catch (NumberFormatException e) {
                    ts.error(key, "must be a maturity in years (the lower bound of the band)");
                }
            }
            treasury = t;
        }
        PortfolioMarginParameters result = this;
        if (o.valid()) {
            try {
                result = new PortfolioMarginParameters(id, version + "+override", r, points, off, minimum, shift, decay,
                        treasury);
            } catch (IllegalArgumentException e) {
                o.refused(e);
            }
        }
        o.throwIfInvalid();
        return result;
    }

    private static ProductClass productClass(ParameterOverrides o, String key) {
        for (ProductClass c : ProductClass.values()) {
            if (c.name().equalsIgnoreCase(key.trim())) {
                return c;
            }
        }
        o.error(key, "unknown product class; one of " + java.util.Arrays.toString(ProductClass.values()));
        return null;
    }

    /** A copy with another id and version. */
    public PortfolioMarginParameters withIdentity(String newId, String newVersion) {
        return new PortfolioMarginParameters(newId, newVersion, ranges, pointsPerSide, productGroupOffset,
                minimumPerContract, volatilityShift, timeDecayDays, treasuryRates);
    }

    /** A copy with another range for one product class. */
    public PortfolioMarginParameters withRange(ProductClass productClass, double down, double up) {
        EnumMap<ProductClass, PriceRange> r = new EnumMap<>(ranges);
        r.put(productClass, new PriceRange(down, up));
        return new PortfolioMarginParameters(id, version, r, pointsPerSide, productGroupOffset, minimumPerContract,
                volatilityShift, timeDecayDays, treasuryRates);
    }

    /** A copy with another number of points per side. */
    public PortfolioMarginParameters withPointsPerSide(int points) {
        return new PortfolioMarginParameters(id, version, ranges, points, productGroupOffset, minimumPerContract,
                volatilityShift, timeDecayDays, treasuryRates);
    }

    /** A copy with another offset for a product class (a class without one forms no product group). */
    public PortfolioMarginParameters withProductGroupOffset(ProductClass productClass, double offset) {
        EnumMap<ProductClass, Double> o = new EnumMap<>(ProductClass.class);
        o.putAll(productGroupOffset);
        o.put(productClass, offset);
        return new PortfolioMarginParameters(id, version, ranges, pointsPerSide, o, minimumPerContract,
                volatilityShift, timeDecayDays, treasuryRates);
    }

    /** A copy with another per-contract minimum (dollars per unit of multiplier). */
    public PortfolioMarginParameters withMinimumPerContract(double minimum) {
        return new PortfolioMarginParameters(id, version, ranges, pointsPerSide, productGroupOffset, minimum,
                volatilityShift, timeDecayDays, treasuryRates);
    }

    /** A copy with a relative volatility shift at every point (0 = none). */
    public PortfolioMarginParameters withVolatilityShift(double shift) {
        return new PortfolioMarginParameters(id, version, ranges, pointsPerSide, productGroupOffset,
                minimumPerContract, shift, timeDecayDays, treasuryRates);
    }

    /** A copy with days of option time decay at every point (0 = none). */
    public PortfolioMarginParameters withTimeDecayDays(int days) {
        return new PortfolioMarginParameters(id, version, ranges, pointsPerSide, productGroupOffset,
                minimumPerContract, volatilityShift, days, treasuryRates);
    }
}
