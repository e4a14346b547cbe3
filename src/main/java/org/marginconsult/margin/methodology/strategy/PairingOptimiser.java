package org.marginconsult.margin.methodology.strategy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pairs the legs of one underlying into the strategies of least total requirement.
 *
 * <p>The two-leg strategies (vertical, calendar and diagonal spreads, short straddles and strangles,
 * covered calls) and the single legs form a min-cost flow problem, solved exactly by
 * {@link MinCostFlow}: each unit of flow from the source to the sink is one pairing, and its cost is
 * the pairing's requirement minus the requirements of its legs on their own. The network is sparse:
 * <ul>
 * <li>Spreads are arcs from each long call to each short call it may cover (and from each short put to
 * each long put that may cover it): the long expires at or after the short, and the arc costs the
 * spread's maximum loss (a call spread's long-strike excess, a put spread's short-strike excess) plus
 * what paying the long in full adds, less the short's uncovered requirement. Arcs that would save
 * nothing are left out, which keeps the network sparse where strikes are far apart.</li>
 * <li>Straddles run through two chains of the shorts ordered by uncovered requirement: one where the put
 * is the larger requirement (enter at the put, pay it, walk down, pay the call's premium) and one where
 * the call is (pay the put's premium, walk up, pay the call's requirement), so a pair costs
 * max(N_call, N_put) + the other's premium.</li>
 * <li>The stock covers short calls directly, paying only what counting the stock at the strike adds.</li>
 * </ul>
 * Arc costs are micro-dollars, so the comparison is exact for prices with up to four decimals.
 *
 * <p>Three- and four-leg spreads (butterflies, condors, iron butterflies and condors, short boxes)
 * are then formed from the chosen same-expiry vertical spreads by a maximum matching per expiry and
 * interval, since each saves exactly one interval x multiplier over its two spreads. No polynomial
 * algorithm is known for choosing two-, three- and four-leg spreads jointly (Matsypura &amp; Timkovsky,
 * Networks 2012); see docs/methodology/strategy-based.md for what this means for the total.
 *
 * <p>Not thread-safe: one instance per thread (instances are cheap).
 */
final class PairingOptimiser {

    /** Which requirement the costs of the network are taken from. */
    enum Basis {
        /** Regulation T initial requirement. */
        INITIAL,
        /** FINRA Rule 4210 maintenance requirement. */
        MAINTENANCE
    }

    private static final double MICROS = 1_000_000d;

    private final StrategyRules rules;
    private final double nakedFraction;
    private final double broadFraction;
    private final double minimumFraction;
    private final double longDatedFraction;
    private final double initialLoanFraction;
    private final double maintenanceLoanFraction;

    private final boolean complexSpreads;

    /** Statistics of the last call, for performance measurement. */
    int lastAugmentations;

    PairingOptimiser(StrategyRules rules) {
        this(rules, true);
    }

    /**
     * @param rules          the rules pricing each strategy
     * @param complexSpreads whether to combine spreads into butterflies, condors and boxes (off only to
     *                       test the two-leg pairing on its own)
     */
    PairingOptimiser(StrategyRules rules, boolean complexSpreads) {
        this.rules = rules.quiet();
        this.complexSpreads = complexSpreads;
        StrategyBasedParameters p = rules.parameters();
        nakedFraction = p.nakedUnderlyingFraction().doubleValue();
        broadFraction = p.nakedBroadIndexFraction().doubleValue();
        minimumFraction = p.nakedMinimumFraction().doubleValue();
        longDatedFraction = p.longDatedOptionFraction().doubleValue();
        initialLoanFraction = 1 - p.longEquityInitial().doubleValue();
        maintenanceLoanFraction = 1 - p.longEquityMaintenance().doubleValue();
    }

    /**
     * True when the initial and maintenance pairings can differ: only the cost of covering an
     * in-the-money short call with stock depends on the basis.
     *
     * @param book the underlying's legs
     * @return whether the pairing must be found separately for maintenance
     */
    static boolean basisMatters(UnderlyingBook book) {
        Leg stock = book.stock();
        if (stock == null || stock.isShort()) {
            return false;
        }
        for (Leg o : book.options()) {
            if (o.isCall() && o.isShort() && stock.price().compareTo(o.strike()) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The strategies of least total requirement on the given basis.
     *
     * @param book  the underlying's legs
     * @param basis initial or maintenance
     * @return the strategies, in canonical order
     */
    List<Strategy> pair(UnderlyingBook book, Basis basis) {
        lastAugmentations = 0;
        List<Strategy> out = new ArrayList<>();
        Leg stock = book.stock();
        BigDecimal stockLeft = stock == null ? BigDecimal.ZERO : stock.quantity().abs();
        Map<BigDecimal, List<Leg>> byMultiplier = new TreeMap<>();
        for (Leg o : book.options()) {
            byMultiplier.computeIfAbsent(o.multiplier().stripTrailingZeros(), k -> new ArrayList<>()).add(o);
        }
        BigDecimal coverClass = stock != null && !stock.isShort() ? coverClass(byMultiplier) : null;
        for (Map.Entry<BigDecimal, List<Leg>> e : byMultiplier.entrySet()) {
            boolean covers = e.getKey().equals(coverClass);
            long units = covers ? stockLeft.divideToIntegralValue(e.getKey()).longValueExact() : 0;
            long used = pairClass(e.getValue(), covers ? stock : null, units, basis, out);
            stockLeft = stockLeft.subtract(e.getKey().multiply(BigDecimal.valueOf(used)));
        }
        if (stockLeft.signum() > 0) {
            out.add(stock.isShort() ? rules.shortStock(stock, stockLeft) : rules.longStock(stock, stockLeft));
        }
        out.sort(STRATEGY_ORDER);
        return out;
    }

    /** The multiplier class with the most short call contracts (ties: the smaller multiplier). */
    private static BigDecimal coverClass(Map<BigDecimal, List<Leg>> byMultiplier) {
        BigDecimal best = null;
        long bestShortCalls = 0;
        for (Map.Entry<BigDecimal, List<Leg>> e : byMultiplier.entrySet()) {
            long shortCalls = 0;
            for (Leg o : e.getValue()) {
                if (o.isCall() && o.isShort()) {
                    shortCalls += o.contracts();
                }
            }
            if (shortCalls > bestShortCalls) {
                best = e.getKey();
                bestShortCalls = shortCalls;
            }
        }
        return best;
    }

    /**
     * Pairs the options of one multiplier (and the stock, if it covers this class); returns stock units
     * used. Two proposals are priced exactly and the cheaper kept (the first on a tie): the exact two-leg
     * optimum with complex spreads formed from its spreads, and the complex spreads of an optimistic
     * pairing (credit spreads priced as if free, so that every spread a combination could use is
     * considered) with everything else paired exactly around them.
     */
    private long pairClass(List<Leg> legs, Leg stock, long stockUnits, Basis basis, List<Strategy> out) {
        List<Strategy> exact = new ArrayList<>();
        long used = solveClass(legs, stock, stockUnits, basis, false, exact);
        if (!complexSpreads || !mayCombine(legs)) {
            out.addAll(exact);
            return used;
        }
        List<Strategy> optimistic = new ArrayList<>();
        solveClass(legs, stock, stockUnits, basis, true, optimistic);
        List<Strategy> combinations = optimistic.stream().filter(x -> isComplex(x.kind())).toList();
        if (combinations.isEmpty()) {
            out.addAll(exact);
            return used;
        }
        List<Strategy> alternative = new ArrayList<>(combinations);
        long usedAlternative = solveClass(residual(legs, combinations), stock, stockUnits, basis, false, alternative);
        BigDecimal exactTotal = total(exact, basis).add(stockAlone(stock, stockUnits - used, legs, basis));
        BigDecimal alternativeTotal = total(alternative, basis)
                .add(stockAlone(stock, stockUnits - usedAlternative, legs, basis));
        if (alternativeTotal.compareTo(exactTotal) < 0) {
            out.addAll(alternative);
            return usedAlternative;
        }
        out.addAll(exact);
        return used;
    }

    static boolean isComplex(StrategyKind kind) {
        return switch (kind) {
            case LONG_BUTTERFLY, LONG_CONDOR, SHORT_IRON_BUTTERFLY, SHORT_IRON_CONDOR, SHORT_BOX -> true;
            default -> false;
        };
    }

    /** A complex spread needs a long and at least three legs on one expiry. */
    private static boolean mayCombine(List<Leg> legs) {
        Map<java.time.LocalDate, int[]> counts = new TreeMap<>();
        for (Leg l : legs) {
            int[] c = counts.computeIfAbsent(l.expiry(), k -> new int[2]);
            c[l.isShort() ? 1 : 0]++;
        }
        for (int[] c : counts.values()) {
            if (c[0] >= 1 && c[1] >= 1 && c[0] + c[1] >= 3) {
                return true;
            }
        }
        return false;
    }

    /** The legs with the contracts the given strategies hold taken out. */
    private static List<Leg> residual(List<Leg> legs, List<Strategy> taken) {
        Map<Leg, Long> used = new java.util.IdentityHashMap<>();
        for (Strategy s : taken) {
            for (StrategyLeg part : s.legs()) {
                used.merge(part.leg(), part.quantity().abs().longValueExact(), Long::sum);
            }
        }
        List<Leg> out = new ArrayList<>(legs.size());
        for (Leg l : legs) {
            long left = l.contracts() - used.getOrDefault(l, 0L);
            if (left > 0) {
                out.add(left == l.contracts() ? l : new Leg(l.kind(), l.underlying(), l.strike(), l.expiry(),
                        l.multiplier(), l.price(), l.underlyingPrice(), BigDecimal.valueOf(l.isShort() ? -left : left),
                        l.longDated(), l.broadIndex(), l.positionIds()));
            }
        }
        return out;
    }

    private static BigDecimal total(List<Strategy> strategies, Basis basis) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Strategy x : strategies) {
            sum = sum.add(basis == Basis.INITIAL ? x.initial() : x.maintenance());
        }
        return sum;
    }

    /** What the stock units left uncovering cost on their own (only the difference between proposals matters). */
    private BigDecimal stockAlone(Leg stock, long units, List<Leg> legs, Basis basis) {
        if (stock == null || units <= 0) {
            return BigDecimal.ZERO;
        }
        Strategy alone = rules.longStock(stock, legs.get(0).multiplier().multiply(BigDecimal.valueOf(units)));
        return basis == Basis.INITIAL ? alone.initial() : alone.maintenance();
    }

    private long solveClass(List<Leg> legs, Leg stock, long stockUnits, Basis basis, boolean optimistic,
            List<Strategy> out) {
        Network net = new Network(legs, stock, stockUnits, basis, optimistic);
        lastAugmentations += net.solve();
        List<SpreadUnits> sameExpirySpreads = new ArrayList<>();
        long stockUsed = 0;
        for (Pair pr : net.decompose()) {
            Leg a = pr.a() < 0 ? stock : legs.get(pr.a());
            Leg b = legs.get(pr.b());
            if (pr.a() < 0) {
                out.add(rules.coveredCall(stock, b, pr.units()));
                stockUsed += pr.units();
            } else if (a.isCall()) {
                addSpread(b, a, pr.units(), sameExpirySpreads, out);
            } else if (b.isPut()) {
                addSpread(a, b, pr.units(), sameExpirySpreads, out);
            } else {
                out.add(rules.straddle(b, a, pr.units()));
            }
        }
        if (complexSpreads) {
            ComplexSpreads.form(sameExpirySpreads, rules, out);
        } else {
            for (SpreadUnits x : sameExpirySpreads) {
                out.add(rules.spread(x.shortLeg(), x.longLeg(), x.units()));
            }
        }
        for (int i = 0; i < legs.size(); i++) {
            long left = net.unpaired(i);
            if (left > 0) {
                Leg l = legs.get(i);
                out.add(l.isShort() ? rules.shortOption(l, left) : rules.longOption(l, left));
            }
        }
        return stockUsed;
    }

    private void addSpread(Leg shortLeg, Leg longLeg, long units, List<SpreadUnits> sameExpiry, List<Strategy> out) {
        if (shortLeg.expiry().equals(longLeg.expiry())) {
            sameExpiry.add(new SpreadUnits(shortLeg, longLeg, units));
        } else {
            out.add(rules.spread(shortLeg, longLeg, units));
        }
    }

    /** A number of identical vertical spreads chosen by the flow. */
    record SpreadUnits(Leg shortLeg, Leg longLeg, long units) {
    }

    /** {@code a} is the leg index at the source side (-1 for the stock), {@code b} at the sink side. */
    private record Pair(int a, int b, long units) {
    }

    long micros(double dollars) {
        return Math.round(dollars * MICROS);
    }

    double uncovered(Leg o) {
        double p = o.price().doubleValue();
        double u = o.underlyingPrice().doubleValue();
        double k = o.strike().doubleValue();
        double otm = Math.max(0, o.isCall() ? k - u : u - k);
        double f = o.broadIndex() ? broadFraction : nakedFraction;
        double x = o.isCall() ? u : k;
        return Math.max(p + f * u - otm, p + minimumFraction * x) * o.multiplier().doubleValue();
    }

    double premium(Leg o) {
        return o.price().doubleValue() * o.multiplier().doubleValue();
    }

    /** Extra cost of a long option paid in full in a spread over its cost on its own. */
    double spreadSurcharge(Leg o) {
        return o.longDated() ? premium(o) * (1 - longDatedFraction) : 0;
    }

    /**
     * The flow network of one multiplier class, as a transportation problem: every long call, short put
     * and covered-call stock unit (a supply) ends either at a partner (a short call or a long put, a
     * demand) or at the "on its own" sink; every demand not met by a partner is met by the "on its own"
     * source, whose supply otherwise goes to that sink. Arc costs are what a pairing adds to the two legs' stand-alone requirements, in
     * micro-dollars, so the least-cost flow is the pairing of least total requirement.
     */
    private final class Network {
        private final List<Leg> legs;
        private final MinCostFlow flow;
        private final int[] aloneArc;
        private final int stockNode;
        private final int aloneSink;

        Network(List<Leg> legs, Leg stock, long stockUnits, Basis basis, boolean optimistic) {
            this.legs = legs;
            int n = legs.size();
            boolean longCall = false;
            boolean shortCall = false;
            boolean longPut = false;
            boolean shortPut = false;
            for (Leg l : legs) {
                if (l.isCall()) {
                    longCall |= !l.isShort();
                    shortCall |= l.isShort();
                } else {
                    longPut |= !l.isShort();
                    shortPut |= l.isShort();
                }
            }
            boolean straddles = !optimistic && shortCall && shortPut;
            boolean covers = !optimistic && stock != null && stockUnits > 0 && shortCall;
            int nodes = n;
            TreeSet<Long> requirementLevels = new TreeSet<>();
            long[] uncoveredMicros = new long[n];
            for (int i = 0; i < n; i++) {
                Leg l = legs.get(i);
                if (l.isShort()) {
                    uncoveredMicros[i] = micros(uncovered(l));
                    requirementLevels.add(uncoveredMicros[i]);
                }
            }
            Long[] levels = requirementLevels.toArray(new Long[0]);
            int putLargerBase = nodes;
            int callLargerBase = nodes + levels.length;
            if (straddles) {
                nodes += 2 * levels.length;
            }
            stockNode = covers ? nodes++ : -1;
            aloneSink = nodes++;
            int aloneSource = nodes++;
            flow = new MinCostFlow(nodes, 8 * nodes);
            aloneArc = new int[n];
            if (longCall && shortCall || longPut && shortPut) {
                addSpreadArcs(uncoveredMicros, optimistic);
            }
            if (straddles) {
                for (int r = 1; r < levels.length; r++) {
                    flow.addArc(putLargerBase + r, putLargerBase + r - 1, MinCostFlow.INFINITE, 0);
                    flow.addArc(callLargerBase + r - 1, callLargerBase + r, MinCostFlow.INFINITE, 0);
                }
            }
            long supplies = 0;
            long demands = 0;
            if (covers) {
                flow.supply(stockNode, stockUnits);
                supplies += stockUnits;
                flow.addArc(stockNode, aloneSink, stockUnits, 0);
            }
            double loanFraction = basis == Basis.INITIAL ? initialLoanFraction : maintenanceLoanFraction;
            for (int v = 0; v < n; v++) {
                Leg l = legs.get(v);
                long q = l.contracts();
                long nakedSaving = uncoveredMicros[v];
                if (l.isCall() && !l.isShort()) {
                    flow.supply(v, q);
                    supplies += q;
                    aloneArc[v] = flow.addArc(v, aloneSink, q, 0);
                } else if (l.isCall()) {
                    flow.supply(v, -q);
                    aloneArc[v] = flow.addArc(aloneSource, v, q, 0);
                    demands += q;
                    if (straddles) {
                        int r = rank(levels, uncoveredMicros[v]);
                        flow.addArc(putLargerBase + r, v, q, micros(premium(l)) - nakedSaving);
                        flow.addArc(callLargerBase + r, v, q, 0);
                    }
                    if (covers) {
                        double itm = Math.max(0, stock.price().doubleValue() - l.strike().doubleValue());
                        flow.addArc(stockNode, v, q,
                                micros(loanFraction * itm * l.multiplier().doubleValue()) - nakedSaving);
                    }
                } else if (l.isShort()) {
                    flow.supply(v, q);
                    supplies += q;
                    aloneArc[v] = flow.addArc(v, aloneSink, q, 0);
                    if (straddles) {
                        int r = rank(levels, uncoveredMicros[v]);
                        flow.addArc(v, putLargerBase + r, q, 0);
                        flow.addArc(v, callLargerBase + r, q, micros(premium(l)) - nakedSaving);
                    }
                } else {
                    flow.supply(v, -q);
                    aloneArc[v] = flow.addArc(aloneSource, v, q, 0);
                    demands += q;
                }
            }
            flow.supply(aloneSink, -supplies);
            flow.supply(aloneSource, demands);
            flow.addArc(aloneSource, aloneSink, MinCostFlow.INFINITE, 0);
        }

        /**
         * One arc from each long to each short of its type that it may cover (same type, long expiring at or
         * after the short), costing the spread's maximum loss plus the long's paid-in-full surcharge less the
         * short's uncovered requirement. Arcs that cost nothing or more are left out: a pairing that saves
         * nothing is never needed, since both legs can always stand alone. An optimistic network prices
         * every same-expiry spread at (next to) nil, narrower spreads first, and has no calendars.
         */
        private void addSpreadArcs(long[] uncoveredMicros, boolean optimistic) {
            int n = legs.size();
            for (int l = 0; l < n; l++) {
                Leg lo = legs.get(l);
                if (lo.isShort()) {
                    continue;
                }
                long surcharge = micros(spreadSurcharge(lo));
                for (int sh = 0; sh < n; sh++) {
                    Leg so = legs.get(sh);
                    if (!so.isShort() || so.kind() != lo.kind() || lo.expiry().isBefore(so.expiry())) {
                        continue;
                    }
                    long cost;
                    if (optimistic) {
                        if (!lo.expiry().equals(so.expiry())) {
                            continue;
                        }
                        cost = Math.abs(l - sh) + surcharge - uncoveredMicros[sh];
                    } else {
                        double width = lo.isCall() ? lo.strike().doubleValue() - so.strike().doubleValue()
                                : so.strike().doubleValue() - lo.strike().doubleValue();
                        cost = micros(Math.max(0, width) * lo.multiplier().doubleValue()) + surcharge
                                - uncoveredMicros[sh];
                        if (cost >= 0) {
                            continue;
                        }
                    }
                    long cap = Math.min(lo.contracts(), so.contracts());
                    if (lo.isCall()) {
                        flow.addArc(l, sh, cap, cost);
                    } else {
                        flow.addArc(sh, l, cap, cost);
                    }
                }
            }
        }

        int solve() {
            return flow.run();
        }

        /** Contracts of leg {@code i} left on their own. */
        long unpaired(int i) {
            return flow.flow(aloneArc[i]);
        }

        /**
         * Splits the flow leaving each supply (legs and stock) into paths that end at a partner; the
         * path's first and last nodes are the two legs paired (or the stock and a short call).
         */
        List<Pair> decompose() {
            Map<Long, Long> units = new LinkedHashMap<>();
            int[] current = new int[flow.nodeCount()];
            int[] onPath = new int[flow.nodeCount()];
            for (int v = 0; v < current.length; v++) {
                current[v] = flow.firstArc(v);
                onPath[v] = -1;
            }
            List<Integer> path = new ArrayList<>();
            int n = legs.size();
            for (int origin = -1; origin < n; origin++) {
                int start = origin < 0 ? stockNode : origin;
                if (start < 0 || (origin >= 0 && legs.get(origin).isShort() == legs.get(origin).isCall())) {
                    continue;
                }
                while (true) {
                    for (int a : path) {
                        onPath[flow.target(a)] = -1;
                    }
                    path.clear();
                    int u = start;
                    onPath[start] = 0;
                    while (u == start || u >= n) {
                        int a = current[u];
                        while (a >= 0 && (!flow.isForward(a) || flow.flow(a) <= 0 || flow.target(a) == aloneSink)) {
                            a = flow.nextArc(a);
                        }
                        current[u] = a;
                        if (a < 0) {
                            break;
                        }
                        int v = flow.target(a);
                        path.add(a);
                        if (onPath[v] >= 0) {
                            // A circulation (it costs nothing in an optimal flow): cancel it and walk on.
                            int from = onPath[v];
                            long amount = Long.MAX_VALUE;
                            for (int i = from; i < path.size(); i++) {
                                amount = Math.min(amount, flow.flow(path.get(i)));
                            }
                            for (int i = path.size() - 1; i >= from; i--) {
                                flow.consume(path.get(i), amount);
                                if (i > from) {
                                    onPath[flow.target(path.get(i - 1))] = -1;
                                }
                                path.remove(i);
                            }
                            onPath[v] = from;
                            u = v;
                            continue;
                        }
                        onPath[v] = path.size();
                        u = v;
                    }
                    onPath[start] = -1;
                    if (path.isEmpty()) {
                        break;
                    }
                    if (u >= n || u == start) {
                        throw new IllegalStateException("flow is not conserved at node " + u);
                    }
                    long amount = Long.MAX_VALUE;
                    for (int a : path) {
                        amount = Math.min(amount, flow.flow(a));
                    }
                    for (int a : path) {
                        flow.consume(a, amount);
                    }
                    units.merge(((long) origin << 32) ^ (u & 0xffffffffL), amount, Long::sum);
                }
            }
            List<Pair> pairs = new ArrayList<>(units.size());
            for (Map.Entry<Long, Long> e : units.entrySet()) {
                pairs.add(new Pair((int) (e.getKey() >> 32), (int) (long) e.getKey(), e.getValue()));
            }
            return pairs;
        }

        private int rank(Long[] levels, long value) {
            int lo = 0;
            int hi = levels.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (levels[mid] < value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** Canonical order of strategies: kind, then legs. */
    static final Comparator<Strategy> STRATEGY_ORDER = (x, y) -> {
        int c = x.kind().compareTo(y.kind());
        if (c != 0) {
            return c;
        }
        int n = Math.min(x.legs().size(), y.legs().size());
        for (int i = 0; i < n; i++) {
            c = LegOrder.STRATEGY_LEGS.compare(x.legs().get(i), y.legs().get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.legs().size(), y.legs().size());
    };

    static BigDecimal scale6(BigDecimal v) {
        return v.setScale(6, RoundingMode.HALF_UP);
    }
}
