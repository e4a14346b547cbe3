package org.marginconsult.margin.methodology.strategy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pairs the legs of one underlying into the strategies of least total requirement (FINRA Rule 4210(f)(2),
 * Cboe Rule 10.3: the rules price each strategy; the customer is entitled to the cheapest pairing).
 *
 * <p>The two-leg strategies (vertical, calendar and diagonal spreads, short straddles and strangles,
 * covered calls) and the single legs form a min-cost flow problem, solved exactly by
 * {@link MinCostFlow}: each unit of flow from a supply to a demand is one pairing, and its cost is the
 * pairing's requirement minus the requirements of its legs on their own. The network is sparse:
 * <ul>
 * <li>Spreads are one arc per (long, short) pair that saves something; in classes with many pairs per
 * cell they run through a grid of (expiry, strike) cells per option type instead: a long call's unit may move
 * to earlier expiries and higher strikes for free and to lower strikes at the step x multiplier, so its
 * cheapest path to a short call costs the spread's maximum loss plus what paying the long in full adds,
 * less the short's uncovered requirement (puts the other way round, from the short to the long).</li>
 * <li>Straddles run through two chains of the shorts ordered by uncovered requirement: one where the put
 * is the larger requirement (enter at the put, pay it, walk down, pay the call's premium) and one where
 * the call is (pay the put's premium, walk up, pay the call's requirement), so a pair costs
 * max(N_call, N_put) + the other's premium.</li>
 * <li>The stock covers short calls directly, paying only what counting the stock at the strike adds.</li>
 * </ul>
 * Arc costs are micro-dollars, so the comparison is exact for prices with up to four decimals.
 *
 * <p>Three- and four-leg spreads (butterflies, condors, iron butterflies and condors, short boxes) are
 * chosen by a branch and bound ({@link Search}) on top of the flow for classes of up to
 * {@link #LAGRANGIAN_LEGS} series, and where it does not close, or above that size up to
 * {@link #DECOMPOSITION_LEGS} series, by the decomposition by expiry ({@link ExpiryDecomposition}): its
 * bound proves the pairing minimal or not, its expiry programs' complex spreads are built into candidate
 * pairings. No polynomial algorithm is known for choosing two-, three- and four-leg spreads jointly
 * (Matsypura &amp; Timkovsky, Networks 2012). See docs/methodology/strategy-based.md.
 *
 * <p>Not thread-safe: one instance per thread (instances are cheap).
 */
final class PairingOptimiser {

    /** True when the last call's total is not proven minimal (a class too large, or no bound reached its total). */
    boolean lastUnproven() {
        return lastUnproven > 0 || lastGap.signum() > 0;
    }

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

    /** Whether classes of up to {@link #SEARCH_LEGS} series get the Lagrangian bound too (to test it). */
    private final boolean lagrangianEverywhere;

    /** Statistics of the last call, for performance measurement. */
    int lastAugmentations;

    /** Branch-and-bound nodes visited by the last call. */
    int lastNodes;

    /**
     * By how much the last call's total may exceed the minimum, over the classes that got a bound not
     * reaching their total (classes too large for any bound are not counted).
     */
    BigDecimal lastGap = BigDecimal.ZERO;

    /** Classes of the last call whose pairing no bound proved minimal (too large, or the limits reached). */
    int lastUnproven;

    /** Of those, the classes with no lower bound at all (above {@link #DECOMPOSITION_LEGS} series). */
    int lastUnbounded;

    /**
     * The root lower bounds of the last call's searched classes, added up (a class closed before its
     * root bound counts at its total): equal to {@link #lastTotal} when every root bound closed its class.
     */
    BigDecimal lastRootBound = BigDecimal.ZERO;

    /** The totals of the last call's classes that got a lower bound (searched or decomposed), added up. */
    BigDecimal lastTotal = BigDecimal.ZERO;

    /**
     * The proven lower bounds of the same classes, added up (each at most its total): equal to
     * {@link #lastTotal} when every one of them is proven minimal.
     */
    BigDecimal lastBound = BigDecimal.ZERO;

    /** Rounds of {@link #improve} per class: {@link #IMPROVE_ROUNDS}, or none to see what they add. */
    int improveRounds = IMPROVE_ROUNDS;

    /** Sweeps over linked pairs of expiries per class: {@link #NEIGHBOURHOOD_SWEEPS}, or none to see what they add. */
    int neighbourhoodSweeps = NEIGHBOURHOOD_SWEEPS;

    /** Rounds of {@link #improve} that lowered a class's total in the last call. */
    int lastImprovements;

    /** Sweeps over linked pairs of expiries that lowered the total in the last {@link #pair} call. */
    int lastNeighbourhoodSweeps;

    /** Subgradient steps of the decomposition by expiry in the last call. */
    int lastDecompositionSteps;

    /** Which classes get the decomposition by expiry ({@link ExpiryDecomposition}). */
    enum Decomposition {
        /** None: version 1.3's pairing (to compare with it). */
        NONE,
        /**
         * Classes the branch and bound leaves unproven and classes above {@link #LAGRANGIAN_LEGS}, up to
         * {@link #DECOMPOSITION_LEGS} series (the methodology).
         */
        LARGE,
        /** Every class, instead of the branch and bound (to test the bound on its own against the brute force). */
        ONLY
    }

    private final Decomposition decomposition;

    PairingOptimiser(StrategyRules rules) {
        this(rules, true);
    }

    /**
     * @param rules          the rules pricing each strategy
     * @param complexSpreads whether to combine spreads into butterflies, condors and boxes (off only to
     *                       test the two-leg pairing on its own)
     */
    PairingOptimiser(StrategyRules rules, boolean complexSpreads) {
        this(rules, complexSpreads, false);
    }

    /**
     * @param rules                the rules pricing each strategy
     * @param complexSpreads       whether to combine spreads into butterflies, condors and boxes
     * @param lagrangianEverywhere whether small classes get the Lagrangian bound as well (on only to test it
     *                             against the brute force, where small classes are all it can check)
     */
    PairingOptimiser(StrategyRules rules, boolean complexSpreads, boolean lagrangianEverywhere) {
        this(rules, complexSpreads, lagrangianEverywhere, Decomposition.LARGE);
    }

    /**
     * @param rules                the rules pricing each strategy
     * @param complexSpreads       whether to combine spreads into butterflies, condors and boxes
     * @param lagrangianEverywhere whether small classes get the Lagrangian bound as well
     * @param decomposition        which classes get the decomposition by expiry ({@link Decomposition#LARGE}
     *                             in the methodology; the others only to test or compare)
     */
    PairingOptimiser(StrategyRules rules, boolean complexSpreads, boolean lagrangianEverywhere,
            Decomposition decomposition) {
        this.decomposition = decomposition;
        this.rules = rules.quiet();
        this.complexSpreads = complexSpreads;
        this.lagrangianEverywhere = lagrangianEverywhere;
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
        lastNodes = 0;
        lastGap = BigDecimal.ZERO;
        lastUnproven = 0;
        lastUnbounded = 0;
        lastRootBound = BigDecimal.ZERO;
        lastTotal = BigDecimal.ZERO;
        lastBound = BigDecimal.ZERO;
        lastDecompositionSteps = 0;
        lastImprovements = 0;
        lastNeighbourhoodSweeps = 0;
        List<Strategy> out = new ArrayList<>();
        Leg stock = book.stock();
        BigDecimal stockLeft = stock == null ? BigDecimal.ZERO : stock.quantity().abs();
        if (basis == Basis.INITIAL) {
            keptInitial.clear();
            keepInitial = basisMatters(book);
        }
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
     * used. The exact two-leg optimum, with complex spreads formed from its spreads, is the first
     * incumbent; where three or more legs of one expiry may combine, a branch and bound over the complex
     * spreads ({@link Search}) proves it minimal or finds the pairing that is.
     */
    private long pairClass(List<Leg> legs, Leg stock, long stockUnits, Basis basis, List<Strategy> out) {
        List<Strategy> exact = new ArrayList<>();
        long used = solveClass(legs, stock, stockUnits, basis, Mode.EXACT, null, exact, true);
        if (!complexSpreads || !mayCombine(legs)) {
            out.addAll(exact);
            return used;
        }
        Search search = new Search(legs, stock, stockUnits, basis);
        search.offer(exact, used);
        boolean searched = decomposition != Decomposition.ONLY && legs.size() <= LAGRANGIAN_LEGS;
        BigDecimal bound = null;
        if (searched) {
            search.run();
            lastRootBound = lastRootBound.add(search.rootBound == null ? search.bestTotal : search.rootBound);
            bound = search.proven() ? search.bestTotal : search.openBound;
        }
        boolean decompose = decomposition == Decomposition.ONLY
                || decomposition == Decomposition.LARGE && legs.size() <= DECOMPOSITION_LEGS;
        if ((bound == null || bound.compareTo(search.bestTotal) < 0) && decompose) {
            BigDecimal d = decompose(search, legs, stock, stockUnits, basis);
            bound = bound == null ? d : bound.max(d);
        }
        if (bound != null) {
            lastTotal = lastTotal.add(search.bestTotal);
            lastBound = lastBound.add(bound.min(search.bestTotal));
        }
        if (bound == null || bound.compareTo(search.bestTotal) < 0) {
            lastUnproven++;
            if (bound != null) {
                lastGap = lastGap.add(search.bestTotal.subtract(bound));
            } else {
                lastUnbounded++;
            }
        }
        out.addAll(search.best);
        return search.bestUsed;
    }

    /**
     * The decomposition by expiry ({@link ExpiryDecomposition}) of one class: its bound, and the pairings
     * built around its expiry programs' complex spreads offered to the search as candidates.
     */
    private BigDecimal decompose(Search search, List<Leg> legs, Leg stock, long stockUnits, Basis basis) {
        ExpiryDecomposition d = new ExpiryDecomposition(this, rules, legs, stock, stockUnits, basis);
        BigDecimal base = search.baseline(legs);
        long b = d.bound(relative(search.bestTotal, base), kept -> {
            List<Strategy> candidate = new ArrayList<>();
            long u = pairAround(legs, stock, stockUnits, basis, kept, candidate);
            search.offer(candidate, u);
            return relative(search.bestTotal, base);
        }, DECOMPOSITION_STEPS, EXPIRY_NODE_LIMIT, REPAIR_EVERY);
        lastDecompositionSteps += d.steps;
        improve(search, d, legs, stock, stockUnits, basis, base, b);
        return base.add(BigDecimal.valueOf(b).movePointLeft(6));
    }

    /**
     * Searches for a cheaper pairing of a class the decomposition left above its bound, while it stays above
     * and the total falls (docs/methodology/strategy-based.md 4.2, "Improving an unproven pairing"). First
     * sweeps over the pairs of expiries that a strategy of the best pairing links (version 1.6): the two
     * expiries' contracts solved again as one program around every other complex spread of the pairing.
     * Then alternates the two halves of the pairing (version 1.5): each expiry's strategies solved exactly
     * around the best pairing's strategies between expiries. After each, everything outside the complex spreads
     * kept is paired exactly again. Each candidate is a pairing the rules allow, priced by the rules, kept only
     * if cheaper.
     */
    private void improve(Search search, ExpiryDecomposition d, List<Leg> legs, Leg stock, long stockUnits, Basis basis,
            BigDecimal base, long bound) {
        for (int sweep = 0; relative(search.bestTotal, base) > bound && sweep < neighbourhoodSweeps; sweep++) {
            BigDecimal before = search.bestTotal;
            boolean[][] linked = d.linkedExpiries(search.best);
            for (int x = 0; x < linked.length; x++) {
                for (int y = x + 1; y < linked.length; y++) {
                    if (linked[x][y]) {
                        List<Strategy> candidate = new ArrayList<>();
                        long u = pairAround(legs, stock, stockUnits, basis,
                                d.complexSpreadsAroundPair(search.best, x, y, EXPIRY_NODE_LIMIT), candidate);
                        search.offer(candidate, u);
                    }
                }
            }
            if (search.bestTotal.compareTo(before) >= 0) {
                break;
            }
            lastNeighbourhoodSweeps++;
        }
        for (int round = 0; relative(search.bestTotal, base) > bound && round < improveRounds; round++) {
            BigDecimal before = search.bestTotal;
            List<Strategy> candidate = new ArrayList<>();
            long u = pairAround(legs, stock, stockUnits, basis, d.complexSpreadsAround(search.best, EXPIRY_NODE_LIMIT),
                    candidate);
            search.offer(candidate, u);
            if (search.bestTotal.compareTo(before) >= 0) {
                break;
            }
            lastImprovements++;
        }
    }

    /** A total less the legs on their own, in micro-dollars rounded up. */
    private static long relative(BigDecimal total, BigDecimal base) {
        return total.subtract(base).movePointRight(6).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /**
     * Branch and bound over the complex spreads of one multiplier class.
     *
     * <p>A node fixes some complex spreads (whole units) and forbids some same-expiry vertical spreads
     * from being part of any complex spread. Its lower bound is a relaxed flow on the legs left: every
     * complex spread is two same-expiry vertical spreads, and combining them saves exactly min(w1, w2) x m
     * (w the spreads' strike widths: for a butterfly or condor the debit and credit widths, for an iron
     * butterfly, condor or box the two credit widths), never more than half of w1 + w2; so crediting every
     * spread arc that is not forbidden with half its width prices every complex spread at or below its true
     * requirement, and the relaxed flow is at or below every pairing of the node. Its upper bound is the
     * exact two-leg pairing of the legs left with complex spreads formed from it (any feasible pairing).
     * A node whose bound is not below the best total found is closed; otherwise the relaxed flow uses a
     * credited spread s, and the node splits into one child per complex spread s can form with another
     * spread of the legs left (one unit fixed) and one child where s is forbidden, which between them
     * cover every pairing of the node. A node whose relaxed flow uses no credit is closed by its bound,
     * which is then the cost of a two-leg pairing. The search stops after {@link #NODE_LIMIT} nodes; the
     * result is then the best found, and {@link #lastGap} says by how much it may exceed the minimum.
     */
    private final class Search {
        private final List<Leg> legs;
        private final Leg stock;
        private final long stockUnits;
        private final Basis basis;
        private List<Strategy> best;
        private long bestUsed;
        private BigDecimal bestTotal;
        private BigDecimal openBound;
        private BigDecimal rootBound;
        private int nodes;
        private final boolean lagrangian;
        private final int nodeLimit;
        /** The last node's best multipliers, by spread key in {@link #legs} indices: the next node's start. */
        private final Map<Long, Double> multipliers = new HashMap<>();

        Search(List<Leg> legs, Leg stock, long stockUnits, Basis basis) {
            this.legs = legs;
            this.stock = stock;
            this.stockUnits = stockUnits;
            this.basis = basis;
            this.lagrangian = legs.size() > SEARCH_LEGS || lagrangianEverywhere;
            this.nodeLimit = lagrangian ? LAGRANGIAN_NODE_LIMIT : NODE_LIMIT;
        }

        /** Whether the search ended with the best total proven minimal (every node closed). */
        boolean proven() {
            return openBound == null || openBound.compareTo(bestTotal) >= 0;
        }

        void offer(List<Strategy> strategies, long used) {
            BigDecimal t = total(strategies, basis).add(stockAlone(stock, stockUnits - used, legs, basis));
            if (bestTotal == null || t.compareTo(bestTotal) < 0) {
                best = strategies;
                bestUsed = used;
                bestTotal = t;
            }
        }

        void run() {
            long[] left = new long[legs.size()];
            for (int i = 0; i < left.length; i++) {
                left[i] = legs.get(i).contracts();
            }
            node(left, List.of(), new HashSet<>(), 0, null);
            lastNodes += nodes;
        }

        /**
         * @param depth       0 at the root
         * @param parentBound the parent's lower bound, which holds for this node too (null at the root)
         */
        private void node(long[] left, List<Strategy> fixed, Set<Long> forbidden, int depth,
                BigDecimal parentBound) {
            if (nodes++ >= nodeLimit) {
                if (openBound == null || parentBound.compareTo(openBound) < 0) {
                    openBound = parentBound;
                }
                return;
            }
            int[] index = new int[legs.size()];
            List<Leg> residual = residual(left, index);
            BigDecimal fixedCost = total(fixed, basis);
            List<long[]> used = new ArrayList<>();
            BigDecimal bound = lagrangian ? lagrangianBound(residual, index, forbidden, fixedCost, used, depth)
                    : relaxedBound(residual, index, forbidden, fixedCost, used);
            if (depth == 0) {
                rootBound = bound;
            }
            if (bound.compareTo(bestTotal) >= 0) {
                return;
            }
            if (depth == 0) {
                offerOptimistic();
                if (bound.compareTo(bestTotal) >= 0) {
                    return;
                }
            }
            long[] branch = null;
            for (long[] u : used) {
                if (branch == null || u[2] > branch[2]) {
                    branch = u;
                }
            }
            if (branch == null) {
                return;
            }
            int longLeg = (int) branch[0];
            int shortLeg = (int) branch[1];
            SpreadUnits s = new SpreadUnits(legs.get(shortLeg), legs.get(longLeg), 1);
            for (int k = 0; k < legs.size(); k++) {
                Leg lk = legs.get(k);
                if (left[k] == 0 || lk.isShort() || !lk.expiry().equals(s.shortLeg().expiry())) {
                    continue;
                }
                for (int j = 0; j < legs.size(); j++) {
                    Leg lj = legs.get(j);
                    if (left[j] == 0 || !lj.isShort() || lj.kind() != lk.kind() || !lj.expiry().equals(lk.expiry())
                            || (k == longLeg && j == shortLeg) || forbidden.contains(key(k, j))) {
                        continue;
                    }
                    SpreadUnits s2 = new SpreadUnits(lj, lk, 1);
                    StrategyKind kind = ComplexSpreads.combinationOf(s, s2);
                    if (kind == null) {
                        continue;
                    }
                    long[] next = left.clone();
                    next[longLeg]--;
                    next[shortLeg]--;
                    next[k]--;
                    next[j]--;
                    if (next[longLeg] < 0 || next[shortLeg] < 0 || next[k] < 0 || next[j] < 0) {
                        continue;
                    }
                    List<Strategy> withIt = new ArrayList<>(fixed);
                    withIt.add(rules.complexSpread(kind, ComplexSpreads.legs(
                            ComplexSpreads.isLeft(s) ? s : s2, ComplexSpreads.isLeft(s) ? s2 : s, 1)));
                    List<Leg> rest = residual(next, new int[legs.size()]);
                    List<Strategy> candidate = new ArrayList<>(withIt);
                    long u = solveClass(rest, stock, stockUnits, basis, Mode.EXACT, null, candidate);
                    offer(merged(candidate), u);
                    node(next, withIt, forbidden, depth + 1, bound);
                }
            }
            Set<Long> more = new HashSet<>(forbidden);
            more.add(key(longLeg, shortLeg));
            node(left, fixed, more, depth + 1, bound);
        }

        /** The complex spreads of an optimistic pairing with everything else paired exactly around them. */
        private void offerOptimistic() {
            List<Strategy> optimistic = new ArrayList<>();
            solveClass(legs, stock, stockUnits, basis, Mode.OPTIMISTIC, null, optimistic);
            List<Strategy> combinations = optimistic.stream().filter(x -> isComplex(x.kind())).toList();
            if (!combinations.isEmpty()) {
                List<Strategy> alternative = new ArrayList<>(combinations);
                long u = solveClass(PairingOptimiser.residual(legs, combinations), stock, stockUnits, basis, Mode.EXACT,
                        null, alternative);
                offer(alternative, u);
            }
        }

        /**
         * Fixed cost + the legs left on their own + the relaxed flow's cost; {@code used}, when given,
         * receives the credited spreads the relaxed flow uses as {long leg, short leg, credit} in
         * {@link #legs} indices.
         */
        private BigDecimal relaxedBound(List<Leg> residual, int[] index, Set<Long> forbidden,
                BigDecimal fixedCost, List<long[]> used) {
            Credit credit = (l, sh) -> forbidden.contains(key(index[l], index[sh])) ? 0 : halfWidth(residual.get(l),
                    residual.get(sh));
            Network net = new Network(residual, stock, stockUnits, basis, Mode.RELAXED, credit);
            net.solve();
            BigDecimal bound = fixedCost.add(baseline(residual))
                    .add(BigDecimal.valueOf(net.cost()).movePointLeft(6));
            if (used != null) {
                for (Pair pr : net.decompose()) {
                    if (pr.a() < 0) {
                        continue;
                    }
                    Leg a = residual.get(pr.a());
                    Leg b = residual.get(pr.b());
                    Leg longLeg = a.isShort() ? b : a;
                    Leg shortLeg = a.isShort() ? a : b;
                    if (a.kind() != b.kind() || !a.expiry().equals(b.expiry())) {
                        continue;
                    }
                    int li = index[a.isShort() ? pr.b() : pr.a()];
                    int si = index[a.isShort() ? pr.a() : pr.b()];
                    long c = forbidden.contains(key(li, si)) ? 0 : halfWidth(longLeg, shortLeg);
                    if (c > 0) {
                        used.add(new long[] {li, si, c});
                    }
                }
            }
            return bound;
        }

        /**
         * A Lagrangian lower bound on every pairing of the node (docs/methodology/strategy-based.md 4.2).
         * Every complex spread is a left spread s (call debit, put credit) and a right spread t (call
         * credit, put debit) of one expiry combined, saving g(s, t); at most u(s, t) = the smaller of their
         * contracts are combined. With a multiplier a(s) &gt;= 0 per spread, any pairing of the node with
         * spread units x and combinations y costs c(x) - sum g y = [c(x) - sum a x] + sum y (a(s) + a(t) -
         * g) + sum a (x - sum y) &gt;= F(a) - sum u max(0, g - a(s) - a(t)), where F(a) is the least-cost
         * two-leg flow with each same-expiry spread arc credited a: the bound holds for every a &gt;= 0.
         * The multipliers are improved by subgradient steps (the subgradient at s is the units of the
         * combinations whose constraint is violated, less the units of s the flow uses), starting from
         * the previous node's; the best bound met is returned. {@code used} receives the spreads to branch
         * on: those the best flow uses with a credit, or else the one whose violated combinations weigh
         * most.
         */
        private BigDecimal lagrangianBound(List<Leg> residual, int[] index, Set<Long> forbidden,
                BigDecimal fixedCost, List<long[]> used, int depth) {
            int n = residual.size();
            List<int[]> spreads = new ArrayList<>();
            Map<Long, Integer> spreadOf = new HashMap<>();
            for (int l = 0; l < n; l++) {
                Leg lo = residual.get(l);
                if (lo.isShort()) {
                    continue;
                }
                for (int sh = 0; sh < n; sh++) {
                    Leg so = residual.get(sh);
                    if (!so.isShort() || so.kind() != lo.kind() || !so.expiry().equals(lo.expiry())
                            || forbidden.contains(key(index[l], index[sh]))) {
                        continue;
                    }
                    spreadOf.put(key(l, sh), spreads.size());
                    spreads.add(new int[] {l, sh});
                }
            }
            int count = spreads.size();
            List<int[]> pairs = new ArrayList<>();
            List<long[]> pairData = new ArrayList<>();
            double[] ceiling = new double[count];
            for (int s = 0; s < count; s++) {
                SpreadUnits a = unit(residual, spreads.get(s));
                if (!ComplexSpreads.isLeft(a)) {
                    continue;
                }
                for (int t = 0; t < count; t++) {
                    SpreadUnits b = unit(residual, spreads.get(t));
                    if (ComplexSpreads.isLeft(b) || !a.shortLeg().expiry().equals(b.shortLeg().expiry())
                            || ComplexSpreads.combination(a, b) == null) {
                        continue;
                    }
                    long g = ComplexSpreads.savingAtLeast(a, b);
                    if (g <= 0) {
                        continue;
                    }
                    long u = Math.min(Math.min(a.longLeg().contracts(), a.shortLeg().contracts()),
                            Math.min(b.longLeg().contracts(), b.shortLeg().contracts()));
                    if (spreads.get(s)[1] == spreads.get(t)[1]) {
                        u = Math.min(u, a.shortLeg().contracts() / 2);
                    }
                    if (u <= 0) {
                        continue;
                    }
                    pairs.add(new int[] {s, t});
                    pairData.add(new long[] {g, u});
                    ceiling[s] = Math.max(ceiling[s], g);
                    ceiling[t] = Math.max(ceiling[t], g);
                }
            }
            double[] alpha = new double[count];
            for (int s = 0; s < count; s++) {
                int[] sp = spreads.get(s);
                Double start = multipliers.get(key(index[sp[0]], index[sp[1]]));
                alpha[s] = start != null ? Math.min(start, ceiling[s]) : ceiling[s] / 2;
            }
            BigDecimal base = fixedCost.add(baseline(residual));
            long target = bestTotal.subtract(base).movePointRight(6).setScale(0, RoundingMode.CEILING).longValueExact();
            long bestBound = Long.MIN_VALUE;
            long[] bestAlpha = null;
            long[] bestUnits = null;
            double theta = 1.0;
            int stale = 0;
            int iterations = pairs.isEmpty() ? 1 : depth == 0 ? ROOT_ITERATIONS : NODE_ITERATIONS;
            for (int it = 0; it < iterations; it++) {
                long[] credit = new long[count];
                for (int s = 0; s < count; s++) {
                    credit[s] = (long) Math.floor(alpha[s]);
                }
                Network net = new Network(residual, stock, stockUnits, basis, Mode.RELAXED, (l, sh) -> {
                    Integer s = spreadOf.get(key(l, sh));
                    return s == null ? 0 : credit[s];
                });
                lastAugmentations += net.solve();
                long value = net.cost();
                long[] units = new long[count];
                for (Pair pr : net.decompose()) {
                    if (pr.a() < 0) {
                        continue;
                    }
                    Leg a = residual.get(pr.a());
                    int l = a.isShort() ? pr.b() : pr.a();
                    int sh = a.isShort() ? pr.a() : pr.b();
                    Integer s = spreadOf.get(key(l, sh));
                    if (s != null) {
                        units[s] += pr.units();
                    }
                }
                double[] direction = new double[count];
                for (int s = 0; s < count; s++) {
                    direction[s] = -units[s];
                }
                for (int p = 0; p < pairs.size(); p++) {
                    int[] st = pairs.get(p);
                    long violation = pairData.get(p)[0] - credit[st[0]] - credit[st[1]];
                    if (violation > 0) {
                        value -= pairData.get(p)[1] * violation;
                        direction[st[0]] += pairData.get(p)[1];
                        direction[st[1]] += pairData.get(p)[1];
                    }
                }
                if (value > bestBound) {
                    bestBound = value;
                    bestAlpha = credit;
                    bestUnits = units;
                    stale = 0;
                } else if (++stale >= 3) {
                    theta /= 2;
                    stale = 0;
                }
                if (bestBound >= target) {
                    break;
                }
                double norm = 0;
                for (int s = 0; s < count; s++) {
                    if ((direction[s] < 0 && alpha[s] <= 0) || (direction[s] > 0 && alpha[s] >= ceiling[s])) {
                        direction[s] = 0;
                    }
                    norm += direction[s] * direction[s];
                }
                if (norm == 0) {
                    break;
                }
                double step = theta * Math.max(target - value, 1) / norm;
                for (int s = 0; s < count; s++) {
                    alpha[s] = Math.max(0, Math.min(ceiling[s], alpha[s] + step * direction[s]));
                }
            }
            for (int s = 0; s < count; s++) {
                int[] sp = spreads.get(s);
                multipliers.put(key(index[sp[0]], index[sp[1]]), (double) bestAlpha[s]);
                if (bestUnits[s] > 0 && bestAlpha[s] > 0) {
                    used.add(new long[] {index[sp[0]], index[sp[1]], bestAlpha[s] * bestUnits[s]});
                }
            }
            if (used.isEmpty()) {
                long[] weight = new long[count];
                for (int p = 0; p < pairs.size(); p++) {
                    int[] st = pairs.get(p);
                    long violation = pairData.get(p)[0] - bestAlpha[st[0]] - bestAlpha[st[1]];
                    if (violation > 0) {
                        weight[st[0]] += pairData.get(p)[1] * violation;
                        weight[st[1]] += pairData.get(p)[1] * violation;
                    }
                }
                int heaviest = -1;
                for (int s = 0; s < count; s++) {
                    if (weight[s] > 0 && (heaviest < 0 || weight[s] > weight[heaviest])) {
                        heaviest = s;
                    }
                }
                if (heaviest >= 0) {
                    int[] sp = spreads.get(heaviest);
                    used.add(new long[] {index[sp[0]], index[sp[1]], weight[heaviest]});
                }
            }
            return base.add(BigDecimal.valueOf(bestBound).movePointLeft(6));
        }

        private static SpreadUnits unit(List<Leg> residual, int[] spread) {
            return new SpreadUnits(residual.get(spread[1]), residual.get(spread[0]), 1);
        }

        /** Every leg left, and the stock units, on their own. */
        private BigDecimal baseline(List<Leg> residual) {
            BigDecimal sum = stockAlone(stock, stockUnits, legs, basis);
            for (Leg l : residual) {
                Strategy alone = l.isShort() ? rules.shortOption(l, l.contracts()) : rules.longOption(l, l.contracts());
                sum = sum.add(basis == Basis.INITIAL ? alone.initial() : alone.maintenance());
            }
            return sum;
        }

        /** The legs with contracts left, as legs of those quantities; {@code index} maps back to {@link #legs}. */
        private List<Leg> residual(long[] left, int[] index) {
            List<Leg> out = new ArrayList<>(legs.size());
            for (int i = 0; i < left.length; i++) {
                if (left[i] > 0) {
                    Leg l = legs.get(i);
                    index[out.size()] = i;
                    out.add(left[i] == l.contracts() ? l : l.withContracts(left[i]));
                }
            }
            return out;
        }

        private static long key(int longLeg, int shortLeg) {
            return ((long) longLeg << 32) | shortLeg;
        }
    }

    /** Identical one-unit complex spreads fixed by the search, merged into one strategy each. */
    private List<Strategy> merged(List<Strategy> strategies) {
        Map<String, Strategy> first = new LinkedHashMap<>();
        Map<String, Long> units = new HashMap<>();
        List<Strategy> out = new ArrayList<>();
        for (Strategy s : strategies) {
            if (!isComplex(s.kind())) {
                out.add(s);
                continue;
            }
            StringBuilder k = new StringBuilder(s.kind().name());
            long unit = Long.MAX_VALUE;
            for (StrategyLeg part : s.legs()) {
                k.append('|').append(part.leg().label()).append(':').append(part.leg().expiry());
                unit = Math.min(unit, part.quantity().abs().longValueExact());
            }
            String key = k.toString();
            first.putIfAbsent(key, s);
            units.merge(key, unit, Long::sum);
        }
        for (Map.Entry<String, Strategy> e : first.entrySet()) {
            Strategy s = e.getValue();
            long n = units.get(e.getKey());
            long unit = s.legs().stream().mapToLong(p -> p.quantity().abs().longValueExact()).min().orElseThrow();
            List<StrategyLeg> parts = new ArrayList<>();
            for (StrategyLeg part : s.legs()) {
                parts.add(StrategyLeg.contracts(part.leg(), part.quantity().abs().longValueExact() / unit * n));
            }
            out.add(rules.complexSpread(s.kind(), parts));
        }
        return out;
    }

    /** Half a same-expiry spread's strike width times the multiplier, in micro-dollars, rounded up. */
    private long halfWidth(Leg longLeg, Leg shortLeg) {
        long w = micros(Math.abs(longLeg.strike().doubleValue() - shortLeg.strike().doubleValue())
                * longLeg.multiplier().doubleValue());
        return (w + 1) / 2;
    }

    /** What the relaxed network credits a same-expiry spread arc, in residual leg indices. */
    @FunctionalInterface
    private interface Credit {
        long of(int longLeg, int shortLeg);
    }

    /** Which network to build. */
    private enum Mode {
        /** The two-leg pairing problem exactly. */
        EXACT,
        /** Every same-expiry spread priced at (next to) nil, no straddles, no stock: to propose complex spreads. */
        OPTIMISTIC,
        /** EXACT with same-expiry spreads credited: a lower bound with complex spreads. */
        RELAXED
    }

    /**
     * Classes of up to this many option legs get the branch and bound; larger ones the two proposals
     * (exact two-leg pairing with complex spreads formed from it, and the optimistic complex spreads
     * with everything else paired exactly), which is not proven minimal.
     */
    static final int SEARCH_LEGS = 16;

    /** Nodes of the branch and bound that may be visited per multiplier class. */
    static final int NODE_LIMIT = 200;

    /**
     * Classes above {@link #SEARCH_LEGS} and up to this many series get the branch and bound with the
     * Lagrangian bound; larger ones go to the decomposition by expiry (up to {@link #DECOMPOSITION_LEGS}
     * series): there the Lagrangian bound, the linear relaxation, stays about 1% below the pairings found
     * (docs/methodology/strategy-based.md 4.2).
     */
    static final int LAGRANGIAN_LEGS = 48;

    /** Nodes of the Lagrangian branch and bound (classes above {@link #SEARCH_LEGS}) per multiplier class. */
    static final int LAGRANGIAN_NODE_LIMIT = 40;

    /** Subgradient steps at the root of the Lagrangian branch and bound. */
    static final int ROOT_ITERATIONS = 30;

    /** Subgradient steps at every other node (they start from the previous node's multipliers). */
    static final int NODE_ITERATIONS = 10;

    /**
     * Classes of up to this many series that the branch and bound leaves unproven, or that are above
     * {@link #LAGRANGIAN_LEGS}, get the decomposition by expiry; larger ones keep the exact two-leg pairing
     * with complex spreads formed from it, flagged as not proven minimal.
     */
    static final int DECOMPOSITION_LEGS = 128;

    /** Rounds of {@link #improve} at most per class the decomposition leaves unproven. */
    static final int IMPROVE_ROUNDS = 10;

    /**
     * Sweeps at most, per class the decomposition leaves unproven (before the {@link #IMPROVE_ROUNDS}), over the
     * pairs of expiries that a strategy of the best pairing links, each pair solved again around the rest of the
     * pairing.
     */
    static final int NEIGHBOURHOOD_SWEEPS = 3;

    /** Subgradient steps of the decomposition by expiry per class. */
    static final int DECOMPOSITION_STEPS = 50;

    /** Branch-and-bound nodes per expiry program and step of the decomposition. */
    static final int EXPIRY_NODE_LIMIT = 200;

    /** Every this many steps the decomposition's complex spreads are made into a pairing and offered. */
    static final int REPAIR_EVERY = 10;

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
        Map<Leg, Long> used = new IdentityHashMap<>();
        for (Strategy s : taken) {
            for (StrategyLeg part : s.legs()) {
                used.merge(part.leg(), part.quantity().abs().longValueExact(), Long::sum);
            }
        }
        List<Leg> out = new ArrayList<>(legs.size());
        for (Leg l : legs) {
            long left = l.contracts() - used.getOrDefault(l, 0L);
            if (left > 0) {
                out.add(left == l.contracts() ? l : l.withContracts(left));
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

    /**
     * The exact networks of the last initial pairing's classes above {@link #LAGRANGIAN_LEGS} series, solved,
     * kept when the book's maintenance pairing will be asked for ({@link #basisMatters}).
     */
    private final List<Network> keptInitial = new ArrayList<>(1);

    /** Whether the call of {@link #pair} under way keeps its dense classes' networks. */
    private boolean keepInitial;

    /**
     * The network of a class, solved. A dense class's maintenance network differs from its initial one only
     * in the cost of covering calls with stock, so it is the kept initial network repriced and solved again
     * from the initial optimum: the same flow as a new network's (the least cost, then the least tie
     * cost), for a fraction of the pivots. Only the whole class's exact network is kept
     * ({@code wholeClass}): the candidates built around complex spreads are never asked for again.
     */
    private Network solvedNetwork(List<Leg> legs, Leg stock, long stockUnits, Basis basis, Mode mode, Credit credit,
            boolean wholeClass) {
        boolean dense = wholeClass && mode == Mode.EXACT && credit == null && legs.size() > LAGRANGIAN_LEGS;
        if (dense && basis == Basis.MAINTENANCE) {
            for (int i = 0; i < keptInitial.size(); i++) {
                Network kept = keptInitial.get(i);
                if (kept.isFor(legs, stock, stockUnits)) {
                    keptInitial.remove(i);
                    lastAugmentations += kept.reprice(basis);
                    return kept;
                }
            }
        }
        Network net = new Network(legs, stock, stockUnits, basis, mode, credit);
        lastAugmentations += net.solve();
        if (dense && keepInitial && basis == Basis.INITIAL) {
            keptInitial.add(net);
        }
        return net;
    }

    private long solveClass(List<Leg> legs, Leg stock, long stockUnits, Basis basis, Mode mode, Credit credit,
            List<Strategy> out) {
        return solveClass(legs, stock, stockUnits, basis, mode, credit, out, false);
    }

    private long solveClass(List<Leg> legs, Leg stock, long stockUnits, Basis basis, Mode mode, Credit credit,
            List<Strategy> out, boolean wholeClass) {
        Network net = solvedNetwork(legs, stock, stockUnits, basis, mode, credit, wholeClass);
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

    /** The expiries and strikes of a spread grid, ascending. */
    private record GridAxes(List<LocalDate> expiries, List<BigDecimal> strikes) {
    }

    /** A number of identical vertical spreads chosen by the flow. */
    record SpreadUnits(Leg shortLeg, Leg longLeg, long units) {
    }

    /** {@code a} is the leg index at the source side (-1 for the stock), {@code b} at the sink side. */
    private record Pair(int a, int b, long units) {
    }

    /**
     * The pairing with the given complex spreads kept and every other leg paired exactly around them (the
     * two-leg flow, with complex spreads formed from its spreads) into {@code out}; returns the stock units
     * it uses.
     */
    long pairAround(List<Leg> legs, Leg stock, long stockUnits, Basis basis, List<Strategy> kept,
            List<Strategy> out) {
        Map<Leg, Long> taken = new IdentityHashMap<>();
        for (Strategy s : kept) {
            for (StrategyLeg part : s.legs()) {
                if (taken.merge(part.leg(), part.quantity().abs().longValueExact(), Long::sum) > part.leg().contracts()) {
                    throw new IllegalArgumentException("the strategies kept take more contracts than "
                            + part.leg().label() + " holds");
                }
            }
        }
        out.addAll(kept);
        return solveClass(residual(legs, kept), stock, stockUnits, basis, Mode.EXACT, null, out);
    }

    /** What covering one short call with stock adds to the two on their own, in micro-dollars (the flow's arc cost). */
    long coveredCallMicros(Leg stock, Leg call, Basis basis) {
        double loanFraction = basis == Basis.INITIAL ? initialLoanFraction : maintenanceLoanFraction;
        double itm = Math.max(0, stock.price().doubleValue() - call.strike().doubleValue());
        return micros(loanFraction * itm * call.multiplier().doubleValue()) - micros(uncovered(call));
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
        private final Leg stock;
        private final long stockUnits;
        /** The arc from the stock to each short call it may cover, by leg index (-1 where none). */
        private final int[] coverArc;

        Network(List<Leg> legs, Leg stock, long stockUnits, Basis basis, Mode mode, Credit credit) {
            this.legs = legs;
            this.stock = stock;
            this.stockUnits = stockUnits;
            boolean optimistic = mode == Mode.OPTIMISTIC;
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
            boolean grid = mode == Mode.EXACT && gridIsSmaller();
            int callGrid = nodes;
            if (grid && longCall && shortCall) {
                nodes += gridSize(LegKind.CALL);
            }
            int putGrid = nodes;
            if (grid && longPut && shortPut) {
                nodes += gridSize(LegKind.PUT);
            }
            stockNode = covers ? nodes++ : -1;
            aloneSink = nodes++;
            int aloneSource = nodes++;
            flow = new MinCostFlow(nodes, 8 * nodes);
            aloneArc = new int[n];
            coverArc = new int[n];
            Arrays.fill(coverArc, -1);
            if (grid) {
                if (longCall && shortCall) {
                    addSpreadGrid(LegKind.CALL, callGrid, uncoveredMicros);
                }
                if (longPut && shortPut) {
                    addSpreadGrid(LegKind.PUT, putGrid, uncoveredMicros);
                }
            } else if (longCall && shortCall || longPut && shortPut) {
                addSpreadArcs(uncoveredMicros, optimistic, credit);
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
                        coverArc[v] = flow.addArc(stockNode, v, q, coverCost(l, nakedSaving, basis));
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
         *
         * <p>Among pairings of the same least cost the flow takes the one that prefers same-expiry spreads
         * to calendars and diagonals, and wider same-expiry spreads (by strike distance over the short's
         * strike) to narrower ones: complex spreads are combined from same-expiry spreads, and combining
         * two saves the narrower width. Remaining ties are broken by the flow's fixed tie costs
         * ({@link MinCostFlow#tieCost}), so the pairing returned is one, whatever the solver's order.
         */
        private void addSpreadArcs(long[] uncoveredMicros, boolean optimistic, Credit credit) {
            int n = legs.size();
            // The legs' fields as primitives, read once: the loop below runs over every (long, short) pair.
            boolean[] isShort = new boolean[n];
            long[] expiry = new long[n];
            double[] strike = new double[n];
            long[] contracts = new long[n];
            for (int i = 0; i < n; i++) {
                Leg leg = legs.get(i);
                isShort[i] = leg.isShort();
                expiry[i] = leg.expiry().toEpochDay();
                strike[i] = leg.strike().doubleValue();
                contracts[i] = leg.contracts();
            }
            for (int l = 0; l < n; l++) {
                Leg lo = legs.get(l);
                if (isShort[l]) {
                    continue;
                }
                long surcharge = micros(spreadSurcharge(lo));
                double m = lo.multiplier().doubleValue();
                boolean call = lo.isCall();
                for (int sh = 0; sh < n; sh++) {
                    if (!isShort[sh] || legs.get(sh).kind() != lo.kind() || expiry[l] < expiry[sh]) {
                        continue;
                    }
                    long cost;
                    if (optimistic) {
                        if (expiry[l] != expiry[sh]) {
                            continue;
                        }
                        cost = Math.abs(l - sh) + surcharge - uncoveredMicros[sh];
                    } else {
                        double width = call ? strike[l] - strike[sh] : strike[sh] - strike[l];
                        cost = micros(Math.max(0, width) * m) + surcharge - uncoveredMicros[sh];
                        if (credit != null && expiry[l] == expiry[sh]) {
                            cost -= credit.of(l, sh);
                        }
                        if (cost >= 0) {
                            continue;
                        }
                    }
                    long cap = Math.min(contracts[l], contracts[sh]);
                    int preference = flow.nodeCount() > MinCostFlow.PREFERENCE_NODES ? 0
                            : expiry[l] != expiry[sh] ? MinCostFlow.MAX_PREFERENCE
                            : (int) Math.max(0, 1000 - Math.round(1000 * Math.abs(strike[l] - strike[sh]) / strike[sh]));
                    if (call) {
                        flow.addArc(l, sh, cap, cost, preference);
                    } else {
                        flow.addArc(sh, l, cap, cost, preference);
                    }
                }
            }
        }

        /**
         * Whether the (expiry, strike) grid is worth its extra nodes: it has about four arcs a cell against
         * one a (long, short) pair, but every cell is a node of the network simplex's tree, while direct arcs
         * add none. Measured with the network simplex (docs/methodology/strategy-based.md 5): on the
         * 1,000,000-position book (about 60 longs and 60 shorts of a type on 504 cells, pairs about twice
         * the grid's arcs) direct arcs take half the time; on the {@code dense} book (136 cells, pairs about
         * four times the grid's arcs) both take the same. So the grid is used from pairs = 16 x cells.
         */
        private boolean gridIsSmaller() {
            long pairs = 0;
            for (LegKind kind : new LegKind[] {LegKind.CALL, LegKind.PUT}) {
                long longs = 0;
                long shorts = 0;
                for (Leg l : legs) {
                    if (l.kind() == kind) {
                        if (l.isShort()) {
                            shorts++;
                        } else {
                            longs++;
                        }
                    }
                }
                pairs += longs * shorts;
            }
            return 16L * (gridSize(LegKind.CALL) + gridSize(LegKind.PUT)) < pairs;
        }

        private int gridSize(LegKind kind) {
            GridAxes axes = axes(kind);
            return axes.expiries().size() * axes.strikes().size();
        }

        /** The distinct expiries and strikes of one option type's legs, ascending. */
        private GridAxes axes(LegKind kind) {
            TreeSet<LocalDate> expiries = new TreeSet<>();
            TreeSet<BigDecimal> strikes = new TreeSet<>();
            for (Leg l : legs) {
                if (l.kind() == kind) {
                    expiries.add(l.expiry());
                    strikes.add(l.strike());
                }
            }
            return new GridAxes(new ArrayList<>(expiries), new ArrayList<>(strikes));
        }

        /**
         * Vertical, calendar and diagonal spreads of one option type through a grid of (expiry, strike)
         * nodes instead of one arc per pair: a unit enters at its long call's cell (paying what paying the
         * long in full adds), may move to earlier expiries for free, to higher strikes for free (the long's
         * strike below the short's: no risk) and to lower strikes at the strike step x multiplier, and
         * leaves at a short call's cell less the short's uncovered requirement; so the cheapest path from a
         * long to a short costs exactly what the direct arc would, max(0, K_long - K_short) x m + surcharge
         * - N_short, with O(expiries x strikes) arcs instead of O(longs x shorts). Puts the other way round:
         * the unit enters at the short put, moves to later expiries for free, to higher strikes for free and
         * to lower strikes at the step's cost, and leaves at a long put.
         */
        private void addSpreadGrid(LegKind kind, int base, long[] uncoveredMicros) {
            GridAxes axes = axes(kind);
            List<LocalDate> expiries = axes.expiries();
            List<BigDecimal> strikes = axes.strikes();
            int ks = strikes.size();
            double m = legs.get(0).multiplier().doubleValue();
            boolean calls = kind == LegKind.CALL;
            for (int e = 0; e < expiries.size(); e++) {
                for (int k = 0; k < ks; k++) {
                    int cell = base + e * ks + k;
                    if (e > 0) {
                        int earlier = base + (e - 1) * ks + k;
                        if (calls) {
                            flow.addArc(cell, earlier, MinCostFlow.INFINITE, 0);
                        } else {
                            flow.addArc(earlier, cell, MinCostFlow.INFINITE, 0);
                        }
                    }
                    if (k > 0) {
                        long step = micros((strikes.get(k).doubleValue() - strikes.get(k - 1).doubleValue()) * m);
                        flow.addArc(cell - 1, cell, MinCostFlow.INFINITE, 0);
                        flow.addArc(cell, cell - 1, MinCostFlow.INFINITE, step);
                    }
                }
            }
            for (int i = 0; i < legs.size(); i++) {
                Leg l = legs.get(i);
                if (l.kind() != kind) {
                    continue;
                }
                int cell = base + Collections.binarySearch(expiries, l.expiry()) * ks
                        + Collections.binarySearch(strikes, l.strike());
                long q = l.contracts();
                if (calls && !l.isShort()) {
                    flow.addArc(i, cell, q, micros(spreadSurcharge(l)));
                } else if (calls) {
                    flow.addArc(cell, i, q, -uncoveredMicros[i]);
                } else if (l.isShort()) {
                    flow.addArc(i, cell, q, -uncoveredMicros[i]);
                } else {
                    flow.addArc(cell, i, q, micros(spreadSurcharge(l)));
                }
            }
        }

        int solve() {
            return flow.run();
        }

        /**
         * What covering a short call with stock adds: the in-the-money amount counted at the basis's loan
         * value (50% Regulation T, 75% FINRA), less the call's uncovered requirement.
         */
        private long coverCost(Leg call, long nakedSaving, Basis basis) {
            double loanFraction = basis == Basis.INITIAL ? initialLoanFraction : maintenanceLoanFraction;
            double itm = Math.max(0, stock.price().doubleValue() - call.strike().doubleValue());
            return micros(loanFraction * itm * call.multiplier().doubleValue()) - nakedSaving;
        }

        /** Whether this network is of these very legs (the same instances) and stock units. */
        boolean isFor(List<Leg> otherLegs, Leg otherStock, long otherStockUnits) {
            if (otherLegs.size() != legs.size() || otherStock != stock || otherStockUnits != stockUnits) {
                return false;
            }
            for (int i = 0; i < legs.size(); i++) {
                if (otherLegs.get(i) != legs.get(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Prices covering calls with stock on another basis and solves again from the last optimum. */
        int reprice(Basis basis) {
            for (int v = 0; v < legs.size(); v++) {
                if (coverArc[v] >= 0) {
                    flow.setCost(coverArc[v], coverCost(legs.get(v), micros(uncovered(legs.get(v))), basis));
                }
            }
            return flow.rerun();
        }

        /** The flow's cost in micro-dollars over the legs on their own (call before {@link #decompose}). */
        long cost() {
            return flow.totalCost();
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
