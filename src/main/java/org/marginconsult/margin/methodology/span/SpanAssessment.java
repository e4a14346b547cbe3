package org.marginconsult.margin.methodology.span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole SPAN calculation of a futures account in double, before rounding: each combined
 * commodity's scan ({@link CombinedCommodityRisk}), the inter-commodity spread credits (SPAN step 2),
 * each combined commodity's risk requirement, and the account's maintenance and initial requirement.
 *
 * <p>Rule (CME SPAN; docs/methodology/span.md): per combined commodity, risk requirement =
 * max(scan risk + intra-commodity charge + delivery-month charge - inter-commodity credit, short
 * option minimum); maintenance = max(0, sum of (risk requirement - net option value)); initial =
 * maintenance x the HRP ratio (1.10) for heightened-risk-profile accounts, x 1 otherwise.
 *
 * <p>Immutable. {@link Span#assess} builds it; {@link Span#calculate} rounds it into a
 * {@link org.marginconsult.margin.MarginResult}.
 */
public final class SpanAssessment {

    /**
     * One inter-commodity spread as applied.
     *
     * @param spread  the spread definition
     * @param spreads number of spreads formed (percentage style), or 1 for a scanning-style pair
     * @param creditA credit given to leg A, USD
     * @param creditB credit given to leg B, USD
     */
    public record SpreadCredit(InterCommoditySpread spread, double spreads, double creditA, double creditB) {
        /** Credit of both legs. */
        public double total() {
            return creditA + creditB;
        }
    }

    /**
     * The requirement of one combined commodity, USD, each term as the rule names it.
     *
     * @param code                     combined commodity code
     * @param scanRisk                 largest weighted scenario loss
     * @param intraSpreadCharge        calendar spread charge
     * @param deliveryCharge           delivery-month charge
     * @param interCommodityCredit     credits from inter-commodity spreads (positive number, subtracted)
     * @param shortOptionMinimum       the short option minimum
     * @param shortOptionMinimumUplift amount by which the short option minimum exceeded the risk it replaces
     * @param riskRequirement          max(scan + intra + delivery - credit, SOM)
     * @param netOptionValue           long minus short option value at the marks
     */
    public record CombinedCommodityRequirement(String code, double scanRisk, double intraSpreadCharge,
            double deliveryCharge, double interCommodityCredit, double shortOptionMinimum,
            double shortOptionMinimumUplift, double riskRequirement, double netOptionValue) {
    }

    private final SpanParameters parameters;
    private final List<CombinedCommodityRisk> combinedCommodities;
    private final List<SpreadCredit> credits;
    private final List<CombinedCommodityRequirement> requirements;
    private final double netOptionValueBeyondRisk;
    private final double maintenance;
    private final double initial;

    SpanAssessment(SpanParameters parameters, List<CombinedCommodityRisk> combinedCommodities) {
        this.parameters = parameters;
        this.combinedCommodities = List.copyOf(combinedCommodities);
        Map<String, CombinedCommodityRisk> byCode = new HashMap<>();
        Map<String, Double> remainingDelta = new HashMap<>();
        Map<String, Double> remainingScan = new HashMap<>();
        Map<String, Double> credit = new HashMap<>();
        for (CombinedCommodityRisk cc : combinedCommodities) {
            byCode.put(cc.code(), cc);
            remainingDelta.put(cc.code(), cc.netDelta());
            remainingScan.put(cc.code(), cc.scanRisk());
            credit.put(cc.code(), 0.0);
        }
        List<SpreadCredit> applied = new ArrayList<>();
        Set<String> inScanningSpread = new HashSet<>();
        for (InterCommoditySpread spread : parameters.interCommoditySpreads()) {
            CombinedCommodityRisk a = byCode.get(spread.legA());
            CombinedCommodityRisk b = byCode.get(spread.legB());
            if (a == null || b == null) {
                continue;
            }
            SpreadCredit c = switch (spread.style()) {
                case PERCENTAGE -> percentage(spread, a, b, remainingDelta, remainingScan);
                case SCANNING -> scanning(spread, a, b, remainingDelta, remainingScan, inScanningSpread);
            };
            if (c != null && c.total() > 0) {
                applied.add(c);
                credit.merge(a.code(), c.creditA(), Double::sum);
                credit.merge(b.code(), c.creditB(), Double::sum);
            }
        }
        this.credits = List.copyOf(applied);

        List<CombinedCommodityRequirement> reqs = new ArrayList<>();
        double sum = 0;
        for (CombinedCommodityRisk cc : combinedCommodities) {
            double inter = credit.get(cc.code());
            double risk = cc.scanRisk() + cc.intraSpreadCharge() + cc.deliveryCharge() - inter;
            double som = cc.shortOptionMinimum();
            double uplift = Math.max(0.0, som - risk);
            double requirement = risk + uplift;
            reqs.add(new CombinedCommodityRequirement(cc.code(), cc.scanRisk(), cc.intraSpreadCharge(),
                    cc.deliveryCharge(), inter, som, uplift, requirement, cc.netOptionValue()));
            sum += requirement - cc.netOptionValue();
        }
        this.requirements = List.copyOf(reqs);
        this.maintenance = Math.max(0.0, sum);
        this.netOptionValueBeyondRisk = this.maintenance - sum;
        double ratio = parameters.heightenedRiskProfile() ? parameters.hrpInitialRatio() : 1.0;
        this.initial = this.maintenance * ratio;
    }

    private static SpreadCredit percentage(InterCommoditySpread spread, CombinedCommodityRisk a,
            CombinedCommodityRisk b, Map<String, Double> remainingDelta, Map<String, Double> remainingScan) {
        double da = remainingDelta.get(a.code());
        double db = remainingDelta.get(b.code());
        if (da == 0 || db == 0 || Math.signum(da) == Math.signum(db)) {
            return null;
        }
        double n = Math.min(Math.abs(da) / spread.ratioA(), Math.abs(db) / spread.ratioB());
        double creditA = Math.min(n * spread.ratioA() * a.priceScanRange() * spread.rate(), remainingScan.get(a.code()));
        double creditB = Math.min(n * spread.ratioB() * b.priceScanRange() * spread.rate(), remainingScan.get(b.code()));
        remainingDelta.put(a.code(), reduce(da, n * spread.ratioA()));
        remainingDelta.put(b.code(), reduce(db, n * spread.ratioB()));
        remainingScan.put(a.code(), remainingScan.get(a.code()) - creditA);
        remainingScan.put(b.code(), remainingScan.get(b.code()) - creditB);
        return new SpreadCredit(spread, n, creditA, creditB);
    }

    private static double reduce(double delta, double used) {
        double left = Math.abs(delta) - used;
        return left < CombinedCommodityRisk.DELTA_EPSILON ? 0.0 : Math.signum(delta) * left;
    }

    private static SpreadCredit scanning(InterCommoditySpread spread, CombinedCommodityRisk a, CombinedCommodityRisk b,
            Map<String, Double> remainingDelta, Map<String, Double> remainingScan, Set<String> inScanningSpread) {
        if (inScanningSpread.contains(a.code()) || inScanningSpread.contains(b.code())) {
            return null;
        }
        double[] pa = a.scenarioPnl();
        double[] pb = b.scenarioPnl();
        double pairScan = 0;
        for (int s = 0; s < pa.length; s++) {
            double lossA = -pa[s];
            double lossB = -pb[s];
            double losses = Math.max(lossA, 0) + Math.max(lossB, 0);
            double gains = Math.max(-lossA, 0) + Math.max(-lossB, 0);
            pairScan = Math.max(pairScan, losses - spread.rate() * gains);
        }
        double scans = a.scanRisk() + b.scanRisk();
        double total = Math.max(0.0, scans - pairScan);
        if (total == 0) {
            return null;
        }
        double creditA = Math.min(total * a.scanRisk() / scans, remainingScan.get(a.code()));
        double creditB = Math.min(total - total * a.scanRisk() / scans, remainingScan.get(b.code()));
        inScanningSpread.add(a.code());
        inScanningSpread.add(b.code());
        remainingDelta.put(a.code(), 0.0);
        remainingDelta.put(b.code(), 0.0);
        remainingScan.put(a.code(), remainingScan.get(a.code()) - creditA);
        remainingScan.put(b.code(), remainingScan.get(b.code()) - creditB);
        return new SpreadCredit(spread, 1, creditA, creditB);
    }

    /** The parameters applied. */
    public SpanParameters parameters() {
        return parameters;
    }

    /** Each combined commodity's scan, sorted by code. */
    public List<CombinedCommodityRisk> combinedCommodities() {
        return combinedCommodities;
    }

    /**
     * One combined commodity's scan.
     *
     * @param code the combined commodity code
     * @return the scan, or null when the account holds nothing in it
     */
    public CombinedCommodityRisk combinedCommodity(String code) {
        for (CombinedCommodityRisk cc : combinedCommodities) {
            if (cc.code().equals(code)) {
                return cc;
            }
        }
        return null;
    }

    /** The inter-commodity spread credits applied, in priority order. */
    public List<SpreadCredit> credits() {
        return credits;
    }

    /** Each combined commodity's requirement terms, sorted by code. */
    public List<CombinedCommodityRequirement> requirements() {
        return requirements;
    }

    /** Long option value in excess of all risk, which the zero floor of the account does not pay out. */
    public double netOptionValueBeyondRisk() {
        return netOptionValueBeyondRisk;
    }

    /** Maintenance requirement, USD, not rounded. */
    public double maintenance() {
        return maintenance;
    }

    /** Initial requirement, USD, not rounded: maintenance x HRP ratio (or x 1). */
    public double initial() {
        return initial;
    }
}
