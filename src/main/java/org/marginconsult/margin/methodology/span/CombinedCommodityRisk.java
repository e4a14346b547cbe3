package org.marginconsult.margin.methodology.span;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.OptionType;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.Rates;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.pricing.BlackScholesMerton;
import org.marginconsult.margin.pricing.CarryModel;
import org.marginconsult.margin.scenario.Scenario;
import org.marginconsult.margin.scenario.ScenarioGrid;
import org.marginconsult.margin.scenario.ScenarioRevaluer;
import org.marginconsult.margin.scenario.ScannedPositions;

/**
 * SPAN step 1 for one combined commodity: its 16-scenario risk array, scan risk, intra-commodity
 * (calendar) spread charge, delivery-month charge, short option minimum and net option value, as CME
 * SPAN defines them (CME Group, "CME SPAN Methodology Overview"; docs/methodology/span.md section 3).
 *
 * <p>The scenario P&amp;L of every position is kept (gain positive, already multiplied by the scenario's
 * weight, in the order of {@link #grid()}), so a cross-margin calculation can combine exactly these
 * numbers and a user can drill from the scan risk to the positions that drive it. Positions are held
 * sorted by position id, so results do not depend on the order of the input.
 *
 * <p>Scenario prices: SPAN moves every contract of a combined commodity by the same price scan range.
 * The grid expresses that range as a fraction of the front contract's value,
 * {@code PSR / (front price x contract multiplier)}; every position moves by that fraction of its own
 * price, which is CME's equal move exactly for the front month and differs for other months by their
 * price ratio to it (the basis, usually well under 1%). Options are revalued by the shared scenario
 * kernel (Black-76, one day of decay by default); Treasury futures are scanned in price.
 *
 * <p>Immutable once built; amounts in USD as double (rounding happens once, in the result).
 */
public final class CombinedCommodityRisk extends ScannedPositions {

    /** Expiry month key of perpetuals, which have no expiry. */
    private static final int PERPETUAL = Integer.MIN_VALUE;
    /** Deltas smaller than this (reference contracts) are floating-point noise. */
    static final double DELTA_EPSILON = 1e-9;

    private final String code;
    private final CombinedCommodityParameters parameters;
    private final boolean fallback;
    private final double priceScanRange;
    private final double referencePrice;
    private final double netDelta;
    private final double spreads;
    private final double intraSpreadCharge;
    private final double deliveryDelta;
    private final double deliveryCharge;
    private final double shortCalls;
    private final double shortPuts;
    private final double shortOptionMinimum;
    private final double netOptionValue;

    private CombinedCommodityRisk(Builder b) {
        super(b.grid, b.positions, b.pnl);
        this.code = b.code;
        this.parameters = b.parameters;
        this.fallback = b.fallback;
        this.priceScanRange = b.priceScanRange;
        this.referencePrice = b.referencePrice;
        this.netDelta = b.netDelta;
        this.spreads = b.spreads;
        this.intraSpreadCharge = b.intraSpreadCharge;
        this.deliveryDelta = b.deliveryDelta;
        this.deliveryCharge = b.deliveryCharge;
        this.shortCalls = b.shortCalls;
        this.shortPuts = b.shortPuts;
        this.shortOptionMinimum = b.shortOptionMinimum;
        this.netOptionValue = b.netOptionValue;
    }

    private static final class Builder {
        String code;
        CombinedCommodityParameters parameters;
        boolean fallback;
        double priceScanRange;
        double referencePrice;
        ScenarioGrid grid;
        List<Position> positions;
        double[] pnl;
        double netDelta;
        double spreads;
        double intraSpreadCharge;
        double deliveryDelta;
        double deliveryCharge;
        double shortCalls;
        double shortPuts;
        double shortOptionMinimum;
        double netOptionValue;
    }

    /**
     * Scans one combined commodity.
     *
     * @param code       the combined commodity code
     * @param sorted     its positions, valid, sorted by position id, not empty
     * @param parameters the SPAN parameters
     * @param context    valuation date and rates
     * @return the scan
     * @throws IllegalArgumentException when an extreme move would take prices to zero or below
     */
    static CombinedCommodityRisk scan(String code, List<Position> sorted, SpanParameters parameters,
            ValuationContext context) {
        Builder b = new Builder();
        b.code = code;
        b.positions = sorted;

        Position front = frontContract(sorted);
        b.referencePrice = underlyingPrice(front);
        CombinedCommodityParameters cc = parameters.combinedCommodity(code);
        if (cc == null) {
            cc = parameters.fallback(code, b.referencePrice, front.multiplier().doubleValue());
            b.fallback = true;
        }
        b.parameters = cc;
        b.priceScanRange = parameters.priceScanRange(cc);
        double fraction = b.priceScanRange / (b.referencePrice * cc.contractMultiplier());
        if (!(fraction * Math.max(1.0, parameters.extremeMoveMultiple()) < 1.0)) {
            boolean option = front.instrumentType().isOption();
            String field = option ? "underlyingPrice" : "price";
            throw new ScanRangeException(String.format(Locale.ROOT,
                    "combined commodity %s: the front contract %s (position %s) is priced at %s, so a price scan"
                            + " range of $%.2f per contract is %.1f%% of its value and the extreme move of %s ranges"
                            + " would take the price to zero or below. Check the %s of the position (its unit, its"
                            + " underlying); with overrides, lower priceScanRange, priceScanRangeScale or"
                            + " extremeMoveMultiple",
                    code, front.symbol(), front.positionId(),
                    (option ? front.underlyingPrice() : front.price()).toPlainString(), b.priceScanRange,
                    100 * fraction, parameters.extremeMoveMultiple(), field), front.positionId(), field);
        }
        double vsr = parameters.volatilityShocks() ? cc.volatilityScanRange() : 0.0;
        b.grid = ScenarioGrid.span("SPAN " + code, fraction, vsr, cc.volatilityScanMode(),
                parameters.extremeMoveMultiple(), parameters.extremeMoveWeight(), parameters.timeDecayDays());

        revalue(b, context);
        chargesAndDeltas(b, parameters, context);
        return new CombinedCommodityRisk(b);
    }

    private static void revalue(Builder b, ValuationContext context) {
        int n = b.positions.size();
        int s = b.grid.size();
        List<Scenario> scenarios = b.grid.scenarios();
        double[] pnl = new double[n * s];
        double[] scratch = new double[s];
        ScenarioRevaluer revaluer = new ScenarioRevaluer(context);
        for (int i = 0; i < n; i++) {
            Position p = b.positions.get(i);
            Arrays.fill(scratch, 0.0);
            if (p.instrumentType() == InstrumentType.TREASURY_FUTURE) {
                // SPAN scans Treasury futures in price like any future; the shared revaluer would move them by dv01.
                double notional = p.exposureFactor() * p.price().doubleValue();
                for (int j = 0; j < s; j++) {
                    Scenario sc = scenarios.get(j);
                    scratch[j] = notional * sc.priceMove() * sc.weight();
                }
            } else {
                revaluer.accumulate(p, 1.0, b.grid, scratch);
            }
            System.arraycopy(scratch, 0, pnl, i * s, s);
        }
        b.pnl = pnl;
    }

    private static void chargesAndDeltas(Builder b, SpanParameters parameters, ValuationContext context) {
        CombinedCommodityParameters cc = b.parameters;
        LocalDate asOf = context.asOf();
        double r = context.rates().riskFreeRate();
        Map<Integer, Double> deltaByMonth = new TreeMap<>();
        Map<Integer, Double> deliveryDeltaByMonth = new TreeMap<>();
        double shortCalls = 0;
        double shortPuts = 0;
        double nov = 0;
        for (Position p : b.positions) {
            double contracts = p.quantity().doubleValue() * p.multiplier().doubleValue() / cc.contractMultiplier();
            double delta = contracts;
            if (p.instrumentType().isOption()) {
                boolean call = p.optionType() == OptionType.CALL;
                double t = Rates.yearFraction(asOf, p.expiry());
                double q = context.referenceData().resolve(p.underlying()).dividendYield();
                double carry = CarryModel.of(p.instrumentType()).costOfCarry(r, q);
                delta = contracts * BlackScholesMerton.delta(call, p.underlyingPrice().doubleValue(),
                        p.strike().doubleValue(), t, r, carry, p.impliedVol().doubleValue());
                nov += p.exposureFactor() * p.price().doubleValue();
                if (contracts < 0) {
                    if (call) {
                        shortCalls -= contracts;
                    } else {
                        shortPuts -= contracts;
                    }
                }
            }
            int month = p.expiry() == null ? PERPETUAL : p.expiry().getYear() * 12 + p.expiry().getMonthValue() - 1;
            deltaByMonth.merge(month, delta, Double::sum);
            if (p.expiry() != null && ChronoUnit.DAYS.between(asOf, p.expiry()) <= cc.deliveryWindowDays()) {
                deliveryDeltaByMonth.merge(month, delta, Double::sum);
            }
        }
        double longs = 0;
        double shorts = 0;
        double net = 0;
        for (double d : deltaByMonth.values()) {
            if (d > 0) {
                longs += d;
            } else {
                shorts -= d;
            }
            net += d;
        }
        double deliveryDelta = 0;
        for (double d : deliveryDeltaByMonth.values()) {
            deliveryDelta += Math.abs(d);
        }
        b.netDelta = Math.abs(net) < DELTA_EPSILON ? 0.0 : net;
        b.spreads = Math.min(longs, shorts);
        if (b.spreads < DELTA_EPSILON) {
            b.spreads = 0.0;
        }
        b.intraSpreadCharge = b.spreads * cc.intraSpreadRate() * b.priceScanRange;
        b.deliveryDelta = deliveryDelta < DELTA_EPSILON ? 0.0 : deliveryDelta;
        b.deliveryCharge = b.deliveryDelta * cc.deliveryMonthRate() * b.priceScanRange;
        b.shortCalls = shortCalls;
        b.shortPuts = shortPuts;
        b.shortOptionMinimum = Math.max(shortCalls, shortPuts) * cc.shortOptionMinimumRate() * b.priceScanRange;
        b.netOptionValue = nov;
    }

    /** The front contract: earliest expiry (perpetuals first), then highest price, then position id. */
    private static Position frontContract(List<Position> sorted) {
        Position front = sorted.get(0);
        for (Position p : sorted) {
            int byExpiry = compareExpiry(p.expiry(), front.expiry());
            if (byExpiry < 0 || (byExpiry == 0 && underlyingPrice(p) > underlyingPrice(front))) {
                front = p;
            }
        }
        return front;
    }

    private static int compareExpiry(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null ? -1 : 1);
        }
        return a.compareTo(b);
    }

    private static double underlyingPrice(Position p) {
        return p.instrumentType().isOption() ? p.underlyingPrice().doubleValue() : p.price().doubleValue();
    }

    /** The combined commodity code (the positions' underlying, upper case). */
    public String code() {
        return code;
    }

    /** The parameters applied: the table's row, or the fallback row when {@link #usesFallback()}. */
    public CombinedCommodityParameters parameters() {
        return parameters;
    }

    /** True when the parameter table had no row for this combined commodity and the fallback was used. */
    public boolean usesFallback() {
        return fallback;
    }

    /** The price scan range applied, USD per reference contract (after {@link SpanParameters#priceScanRangeScale()}). */
    public double priceScanRange() {
        return priceScanRange;
    }

    /** Price of the front contract, which converts the scan range into the grid's relative move. */
    public double referencePrice() {
        return referencePrice;
    }

    /** Net delta in reference contracts (futures-equivalent, options by their Black-76 delta). */
    public double netDelta() {
        return netDelta;
    }

    /** Number of calendar spreads: min(sum of long month deltas, sum of short month deltas). */
    public double spreads() {
        return spreads;
    }

    /** Intra-commodity spread charge: spreads x intra rate x price scan range. */
    public double intraSpreadCharge() {
        return intraSpreadCharge;
    }

    /** Absolute delta held in delivery months (within the delivery window), reference contracts. */
    public double deliveryDelta() {
        return deliveryDelta;
    }

    /** Delivery-month charge: delivery delta x delivery rate x price scan range. */
    public double deliveryCharge() {
        return deliveryCharge;
    }

    /** Short calls, in reference contracts. */
    public double shortCalls() {
        return shortCalls;
    }

    /** Short puts, in reference contracts. */
    public double shortPuts() {
        return shortPuts;
    }

    /** Short option minimum: max(short calls, short puts) x SOM rate x price scan range. */
    public double shortOptionMinimum() {
        return shortOptionMinimum;
    }

    /** Net option value at the marks: long option value minus short option value, USD. */
    public double netOptionValue() {
        return netOptionValue;
    }
}
