package org.marginconsult.margin.methodology.strategy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.marginconsult.margin.methodology.strategy.PairingOptimiser.SpreadUnits;

/**
 * Combines pairs of same-expiry vertical spreads into the three- and four-leg spreads that FINRA Rule
 * 4210(f)(2) (Regulatory Notice 12-44) and Cboe Rule 10.3 margin at their maximum loss over all
 * strikes, when that is less than the two spreads' maximum losses added up. With all legs on one
 * expiry and multiplier, the four legs (or three, the short strike doubled) must form:
 * <ul>
 * <li>a long butterfly or condor: calls only or puts only, the two longs outside the two shorts
 * (L1 &lt; S1 &lt;= S2 &lt; L2), from a debit spread and a credit spread;</li>
 * <li>a short iron butterfly or condor: long put &lt; short put &lt;= short call &lt; long call, from a
 * put credit spread and a call credit spread;</li>
 * <li>a short box: a call credit spread and a put credit spread on the same two strikes.</li>
 * </ul>
 * Intervals need not be equal: the requirement is the combination's maximum loss whatever its shape.
 * Only these pairs can save anything (two debit spreads lose nothing; the other mixes lose in the same
 * place), so the candidates form a bipartite graph: call debit and put credit spreads on one side,
 * call credit and put debit spreads on the other. Each edge saves the difference of maximum losses
 * per unit, and a maximum-weight b-matching (a min-cost flow) chooses the combinations.
 */
final class ComplexSpreads {

    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

    private ComplexSpreads() {
    }

    /**
     * Forms the complex spreads and adds them, and every spread left over, to {@code out}.
     *
     * @param spreads same-expiry vertical spreads of one multiplier class
     * @param rules   the rules to price the strategies
     * @param out     where the strategies go
     */
    static void form(List<SpreadUnits> spreads, StrategyRules rules, List<Strategy> out) {
        Map<LocalDate, List<SpreadUnits>> byExpiry = new TreeMap<>();
        for (SpreadUnits s : spreads) {
            byExpiry.computeIfAbsent(s.shortLeg().expiry(), k -> new ArrayList<>()).add(s);
        }
        for (List<SpreadUnits> group : byExpiry.values()) {
            formGroup(group, rules, out);
        }
    }

    /** Call spread whose long strike is below its short strike (a debit spread); puts the other way. */
    static boolean isDebit(SpreadUnits s) {
        int c = s.longLeg().strike().compareTo(s.shortLeg().strike());
        return s.shortLeg().isCall() ? c < 0 : c > 0;
    }

    /** Call debit and put credit spreads are on the left of the candidate graph. */
    static boolean isLeft(SpreadUnits s) {
        return s.shortLeg().isCall() == isDebit(s);
    }

    private static void formGroup(List<SpreadUnits> group, StrategyRules rules, List<Strategy> out) {
        int n = group.size();
        List<int[]> edges = new ArrayList<>();
        List<StrategyKind> kinds = new ArrayList<>();
        List<Long> savings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!isLeft(group.get(i))) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if (isLeft(group.get(j))) {
                    continue;
                }
                StrategyKind kind = combination(group.get(i), group.get(j));
                if (kind == null) {
                    continue;
                }
                long saving = saving(group.get(i), group.get(j));
                if (saving > 0) {
                    edges.add(new int[] {i, j});
                    kinds.add(kind);
                    savings.add(saving);
                }
            }
        }
        long[] used = new long[n];
        if (!edges.isEmpty()) {
            MinCostFlow flow = new MinCostFlow(n + 2, 2 * n + edges.size() + 1);
            int alone = n;
            int spare = n + 1;
            long left = 0;
            long right = 0;
            for (int i = 0; i < n; i++) {
                long units = group.get(i).units();
                if (isLeft(group.get(i))) {
                    flow.supply(i, units);
                    flow.addArc(i, alone, units, 0);
                    left += units;
                } else {
                    flow.supply(i, -units);
                    flow.addArc(spare, i, units, 0);
                    right += units;
                }
            }
            flow.supply(alone, -left);
            flow.supply(spare, right);
            flow.addArc(spare, alone, MinCostFlow.INFINITE, 0);
            int[] arcs = new int[edges.size()];
            for (int e = 0; e < edges.size(); e++) {
                arcs[e] = flow.addArc(edges.get(e)[0], edges.get(e)[1], MinCostFlow.INFINITE, -savings.get(e));
            }
            flow.run();
            for (int e = 0; e < edges.size(); e++) {
                long units = flow.flow(arcs[e]);
                if (units > 0) {
                    SpreadUnits a = group.get(edges.get(e)[0]);
                    SpreadUnits b = group.get(edges.get(e)[1]);
                    out.add(rules.complexSpread(kinds.get(e), legs(a, b, units)));
                    used[edges.get(e)[0]] += units;
                    used[edges.get(e)[1]] += units;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            long left = group.get(i).units() - used[i];
            if (left > 0) {
                SpreadUnits s = group.get(i);
                out.add(rules.spread(s.shortLeg(), s.longLeg(), left));
            }
        }
    }

    /**
     * The complex spread formed by a left spread (call debit or put credit) and a right spread (call
     * credit or put debit) of the same expiry, or null when their legs form none.
     */
    static StrategyKind combination(SpreadUnits left, SpreadUnits right) {
        Leg ls = left.shortLeg();
        Leg ll = left.longLeg();
        Leg rs = right.shortLeg();
        Leg rl = right.longLeg();
        if (ls.kind() == rs.kind()) {
            BigDecimal lowLong = ll.strike().min(rl.strike());
            BigDecimal highLong = ll.strike().max(rl.strike());
            BigDecimal lowShort = ls.strike().min(rs.strike());
            BigDecimal highShort = ls.strike().max(rs.strike());
            if (lowLong.compareTo(lowShort) < 0 && highShort.compareTo(highLong) < 0) {
                return lowShort.compareTo(highShort) == 0 ? StrategyKind.LONG_BUTTERFLY : StrategyKind.LONG_CONDOR;
            }
            return null;
        }
        if (ls.isPut() && rs.isCall()) {
            BigDecimal longPut = ll.strike();
            BigDecimal shortPut = ls.strike();
            BigDecimal shortCall = rs.strike();
            BigDecimal longCall = rl.strike();
            if (shortPut.compareTo(shortCall) <= 0) {
                return shortPut.compareTo(shortCall) == 0 ? StrategyKind.SHORT_IRON_BUTTERFLY
                        : StrategyKind.SHORT_IRON_CONDOR;
            }
            if (longPut.compareTo(shortCall) == 0 && shortPut.compareTo(longCall) == 0) {
                return StrategyKind.SHORT_BOX;
            }
        }
        return null;
    }

    /** The complex spread two same-expiry spreads form, in either order, or null. */
    static StrategyKind combinationOf(SpreadUnits a, SpreadUnits b) {
        if (isLeft(a) == isLeft(b)) {
            return null;
        }
        return isLeft(a) ? combination(a, b) : combination(b, a);
    }

    /** What one unit of the combination saves over its two spreads, in micro-dollars. */
    private static long saving(SpreadUnits a, SpreadUnits b) {
        return savingMicros(a, b, RoundingMode.HALF_UP);
    }

    /**
     * What one unit of the combination saves over its two spreads, in micro-dollars rounded up: never
     * below the true saving, as a lower bound on the requirement needs.
     */
    static long savingAtLeast(SpreadUnits a, SpreadUnits b) {
        return savingMicros(a, b, RoundingMode.CEILING);
    }

    private static long savingMicros(SpreadUnits a, SpreadUnits b, RoundingMode rounding) {
        BigDecimal separate = StrategyRules.maximumLoss(legs(a, 1)).add(StrategyRules.maximumLoss(legs(b, 1)));
        BigDecimal together = StrategyRules.maximumLoss(legs(a, b, 1));
        return separate.subtract(together).multiply(MICROS).setScale(0, rounding).longValueExact();
    }

    private static List<StrategyLeg> legs(SpreadUnits s, long units) {
        return List.of(StrategyLeg.contracts(s.shortLeg(), units), StrategyLeg.contracts(s.longLeg(), units));
    }

    static List<StrategyLeg> legs(SpreadUnits a, SpreadUnits b, long units) {
        List<StrategyLeg> legs = new ArrayList<>(4);
        legs.add(StrategyLeg.contracts(a.longLeg(), units));
        if (a.shortLeg().equals(b.shortLeg())) {
            legs.add(StrategyLeg.contracts(a.shortLeg(), 2 * units));
        } else {
            legs.add(StrategyLeg.contracts(a.shortLeg(), units));
            legs.add(StrategyLeg.contracts(b.shortLeg(), units));
        }
        legs.add(StrategyLeg.contracts(b.longLeg(), units));
        return StrategyRules.sorted(legs);
    }
}
