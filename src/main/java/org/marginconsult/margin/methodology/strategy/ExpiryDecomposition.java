package org.marginconsult.margin.methodology.strategy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.marginconsult.margin.methodology.strategy.PairingOptimiser.Basis;
import org.marginconsult.margin.methodology.strategy.PairingOptimiser.SpreadUnits;

/**
 * A Lagrangian decomposition of one multiplier class by expiry: a lower bound on every pairing the rules
 * allow, and complex spreads to build pairings from (docs/methodology/strategy-based.md 4.2, "The
 * decomposition by expiry").
 *
 * <p>Every complex spread combines legs of one expiry. So the pairing splits into the strategies between
 * expiries (calendar and diagonal spreads, straddles and strangles whose legs expire on different dates,
 * covered calls: a min-cost flow, integral) and, for each expiry, the strategies among its own legs
 * (vertical spreads, same-expiry straddles, butterflies, condors, iron forms, boxes: a small integer
 * packing program solved exactly, {@link PackingProgram}). The two share each leg's contracts through one
 * multiplier p_i per leg: the expiry program may leave a contract of leg i to the other side and is
 * credited p_i for it, the flow pays p_i for each contract of leg i it pairs. For any p &gt;= 0 the two
 * optimal values added up are at or below the value of every pairing (a pairing is feasible in both, the
 * p terms cancel), and the best over p is at least the linear relaxation of the whole class (the bound of
 * version 1.2), since each expiry program is solved as an integer program. Values are micro-dollars
 * relative to every leg, and the stock units that may cover calls, on their own; strategies that cost
 * nothing or more relative to their legs are left out, as a least pairing never needs them.
 *
 * <p>The multipliers start at the row duals of the whole class's linear relaxation and improve by
 * subgradient steps (Polyak's step towards the best total found). Not thread-safe.
 */
final class ExpiryDecomposition {

    /** Receives the complex spreads of the expiry programs' current solutions to build a pairing around. */
    @FunctionalInterface
    interface Incumbent {
        /**
         * @param complexSpreads complex spreads (whole units) the legs can hold together
         * @return the best pairing's value found so far, relative, in micro-dollars, rounded up
         */
        long offer(List<Strategy> complexSpreads);
    }

    private final PairingOptimiser costs;
    private final StrategyRules rules;
    private final List<Leg> legs;
    private final Leg stock;
    private final long stockUnits;
    private final Basis basis;
    private final long[] uncovered;
    private final long[] contracts;
    private final List<Expiry> expiries = new ArrayList<>();
    /** {first leg (-1 for the stock), second leg, cost} of each strategy between expiries, first leg the flow's supply. */
    private final List<long[]> crossArcs = new ArrayList<>();

    /** Every strategy's cost in the model is a multiple of this (micro-dollars), so is every pairing's value. */
    final long granularity;

    /** Subgradient steps taken by the last {@link #bound}. */
    int steps;

    /** Branch-and-bound nodes of the expiry programs in the last {@link #bound}. */
    long expiryNodes;

    /** One expiry's packing program: its rows are the expiry's legs. */
    private record Expiry(int[] leg, PackingProgram program, long[] baseCost, Map<Integer, Combination> combinations) {
    }

    /** A complex-spread column of an expiry program. */
    private record Combination(StrategyKind kind, SpreadUnits left, SpreadUnits right) {
    }

    ExpiryDecomposition(PairingOptimiser costs, StrategyRules rules, List<Leg> legs, Leg stock, long stockUnits,
            Basis basis) {
        this.costs = costs;
        this.rules = rules;
        this.legs = legs;
        this.stock = stock;
        this.stockUnits = stock == null || stock.isShort() ? 0 : stockUnits;
        this.basis = basis;
        int n = legs.size();
        uncovered = new long[n];
        contracts = new long[n];
        for (int i = 0; i < n; i++) {
            Leg l = legs.get(i);
            contracts[i] = l.contracts();
            uncovered[i] = l.isShort() ? costs.micros(costs.uncovered(l)) : 0;
        }
        Map<LocalDate, List<Integer>> byExpiry = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            byExpiry.computeIfAbsent(legs.get(i).expiry(), k -> new ArrayList<>()).add(i);
        }
        long g = 0;
        for (List<Integer> members : byExpiry.values()) {
            Expiry e = expiry(members);
            expiries.add(e);
            for (long c : e.baseCost()) {
                g = gcd(g, c);
            }
        }
        addCrossArcs();
        for (long[] a : crossArcs) {
            g = gcd(g, a[2]);
        }
        granularity = g == 0 ? 1 : g;
    }

    private static long gcd(long a, long b) {
        a = Math.abs(a);
        b = Math.abs(b);
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** The flow network's spread arc cost: max loss by strikes x m + paying a long-dated long in full - the short's requirement. */
    private long spreadCost(int longLeg, int shortLeg) {
        Leg lo = legs.get(longLeg);
        Leg so = legs.get(shortLeg);
        double width = lo.isCall() ? lo.strike().doubleValue() - so.strike().doubleValue()
                : so.strike().doubleValue() - lo.strike().doubleValue();
        return costs.micros(Math.max(0, width) * lo.multiplier().doubleValue())
                + costs.micros(costs.spreadSurcharge(lo)) - uncovered[shortLeg];
    }

    /** A short call and a short put together: max(N_call, N_put) + the other's premium, less both on their own. */
    private long straddleCost(int call, int put) {
        long c = Long.MAX_VALUE;
        if (uncovered[put] >= uncovered[call]) {
            c = costs.micros(costs.premium(legs.get(call))) - uncovered[call];
        }
        if (uncovered[call] >= uncovered[put]) {
            c = Math.min(c, costs.micros(costs.premium(legs.get(put))) - uncovered[put]);
        }
        return c;
    }

    private Expiry expiry(List<Integer> members) {
        int m = members.size();
        int[] leg = new int[m];
        long[] cap = new long[m];
        for (int r = 0; r < m; r++) {
            leg[r] = members.get(r);
            cap[r] = contracts[leg[r]];
        }
        PackingProgram program = new PackingProgram(cap);
        List<Long> base = new ArrayList<>();
        List<int[]> spreads = new ArrayList<>();
        Map<Integer, Combination> combinations = new HashMap<>();
        for (int a = 0; a < m; a++) {
            Leg la = legs.get(leg[a]);
            for (int b = 0; b < m; b++) {
                Leg lb = legs.get(leg[b]);
                long c;
                if (!la.isShort() && lb.isShort() && la.kind() == lb.kind()) {
                    spreads.add(new int[] {a, b});
                    c = spreadCost(leg[a], leg[b]);
                } else if (la.isShort() && lb.isShort() && la.isCall() && lb.isPut()) {
                    c = straddleCost(leg[a], leg[b]);
                } else {
                    continue;
                }
                if (c < 0) {
                    program.addColumn(new int[] {a, b}, new int[] {1, 1}, c);
                    base.add(c);
                }
            }
        }
        for (int[] s : spreads) {
            SpreadUnits left = new SpreadUnits(legs.get(leg[s[1]]), legs.get(leg[s[0]]), 1);
            if (!ComplexSpreads.isLeft(left)) {
                continue;
            }
            for (int[] t : spreads) {
                SpreadUnits right = new SpreadUnits(legs.get(leg[t[1]]), legs.get(leg[t[0]]), 1);
                StrategyKind kind = ComplexSpreads.isLeft(right) ? null : ComplexSpreads.combination(left, right);
                if (kind == null) {
                    continue;
                }
                long c = spreadCost(leg[s[0]], leg[s[1]]) + spreadCost(leg[t[0]], leg[t[1]])
                        - ComplexSpreads.savingAtLeast(left, right);
                if (c >= 0) {
                    continue;
                }
                int column = s[1] == t[1]
                        ? program.addColumn(new int[] {s[0], s[1], t[0]}, new int[] {1, 2, 1}, c)
                        : program.addColumn(new int[] {s[0], s[1], t[0], t[1]}, new int[] {1, 1, 1, 1}, c);
                combinations.put(column, new Combination(kind, left, right));
                base.add(c);
            }
        }
        long[] baseCost = new long[base.size()];
        for (int k = 0; k < baseCost.length; k++) {
            baseCost[k] = base.get(k);
        }
        return new Expiry(leg, program, baseCost, combinations);
    }

    /** Calendar and diagonal spreads, straddles of two expiries and covered calls, each as a supply-to-demand arc. */
    private void addCrossArcs() {
        int n = legs.size();
        for (int a = 0; a < n; a++) {
            Leg la = legs.get(a);
            for (int b = 0; b < n; b++) {
                Leg lb = legs.get(b);
                if (la.expiry().equals(lb.expiry())) {
                    continue;
                }
                if (!la.isShort() && lb.isShort() && la.kind() == lb.kind() && la.expiry().isAfter(lb.expiry())) {
                    long c = spreadCost(a, b);
                    if (c < 0) {
                        crossArcs.add(la.isCall() ? new long[] {a, b, c} : new long[] {b, a, c});
                    }
                } else if (la.isShort() && lb.isShort() && la.isCall() && lb.isPut()) {
                    long c = straddleCost(a, b);
                    if (c < 0) {
                        crossArcs.add(new long[] {b, a, c});
                    }
                }
            }
            if (stockUnits > 0 && la.isCall() && la.isShort()) {
                long c = costs.coveredCallMicros(stock, la, basis);
                if (c < 0) {
                    crossArcs.add(new long[] {-1, a, c});
                }
            }
        }
    }

    /**
     * The best lower bound met in at most {@code maxSteps} steps, rounded up to {@link #granularity}:
     * micro-dollars relative to every leg and the stock units on their own. Stops as soon as it reaches the
     * best value found, which then is the least.
     *
     * @param target          the best pairing's value found so far (relative, micro-dollars, rounded up)
     * @param incumbent       offered the expiry programs' complex spreads every {@code repairEvery} steps and
     *                        at the last (when they changed); returns the best value found since
     * @param maxSteps        subgradient steps at most
     * @param expiryNodeLimit branch-and-bound nodes per expiry program and step
     * @param repairEvery     how often the expiry programs' complex spreads are offered
     */
    long bound(long target, Incumbent incumbent, int maxSteps, int expiryNodeLimit, int repairEvery) {
        int n = legs.size();
        double[] pi = linearDuals();
        long best = Long.MIN_VALUE;
        steps = 0;
        expiryNodes = 0;
        for (int it = 0; it < maxSteps; it++) {
            steps++;
            long[] p = new long[n];
            for (int i = 0; i < n; i++) {
                p[i] = (long) Math.floor(pi[i]);
            }
            long[] exported = new long[n];
            long value = 0;
            for (Expiry e : expiries) {
                value += solve(e, p, expiryNodeLimit, exported);
            }
            long[] paired = new long[n];
            value += cross(p, paired);
            value = -Math.floorDiv(-value, granularity) * granularity;
            best = Math.max(best, value);
            if (best >= target) {
                break;
            }
            if (it % repairEvery == repairEvery - 1 || it == maxSteps - 1) {
                String offered = solutions();
                if (!offered.equals(lastOffered)) {
                    // The same complex spreads would build the same pairing again.
                    lastOffered = offered;
                    target = Math.min(target, incumbent.offer(complexSpreads()));
                    if (best >= target) {
                        break;
                    }
                }
            }
            double norm = 0;
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = paired[i] - exported[i];
                if (g[i] < 0 && pi[i] <= 0) {
                    g[i] = 0;
                }
                norm += g[i] * g[i];
            }
            if (norm == 0) {
                break;
            }
            double step = Math.max(target - value, 1) / norm;
            for (int i = 0; i < n; i++) {
                pi[i] = Math.max(0, pi[i] + step * g[i]);
            }
        }
        return best;
    }

    /**
     * One expiry program's least value with each contract left to the other side credited p: a lower
     * bound, proven by its branch and bound; {@code exported} receives the contracts left when p &gt; 0.
     */
    private long solve(Expiry e, long[] p, int nodeLimit, long[] exported) {
        PackingProgram prog = e.program();
        int[] leg = e.leg();
        long constant = 0;
        for (int r = 0; r < leg.length; r++) {
            constant -= contracts[leg[r]] * p[leg[r]];
        }
        for (int k = 0; k < prog.columns(); k++) {
            long c = e.baseCost()[k];
            int[] rows = prog.rowsOf(k);
            int[] co = prog.coefsOf(k);
            for (int j = 0; j < rows.length; j++) {
                c += co[j] * p[leg[rows[j]]];
            }
            prog.setCost(k, c);
        }
        prog.solve(nodeLimit);
        expiryNodes += prog.nodes;
        long[] used = new long[leg.length];
        for (int k = 0; k < prog.columns(); k++) {
            if (prog.best[k] > 0) {
                int[] rows = prog.rowsOf(k);
                int[] co = prog.coefsOf(k);
                for (int j = 0; j < rows.length; j++) {
                    used[rows[j]] += co[j] * prog.best[k];
                }
            }
        }
        for (int r = 0; r < leg.length; r++) {
            exported[leg[r]] = p[leg[r]] > 0 ? contracts[leg[r]] - used[r] : 0;
        }
        return constant + prog.lowerBound;
    }

    private String lastOffered = "";

    /** Each leg's index, by series ({@link LegOrder#LEGS}); built when {@link #complexSpreadsAround} first needs it. */
    private Map<Leg, Integer> legIndex;

    /** The expiry programs' current complex-spread units, as a key. */
    private String solutions() {
        StringBuilder key = new StringBuilder();
        for (Expiry e : expiries) {
            for (int column : e.combinations().keySet()) {
                long units = e.program().best[column];
                if (units > 0) {
                    key.append(column).append(':').append(units).append(',');
                }
            }
            key.append('|');
        }
        return key.toString();
    }

    /**
     * The complex spreads of each expiry's least pairing (its program at the strategies' own costs) when
     * the contracts the given pairing's strategies between expiries hold stay with them: built around, they
     * give a pairing at or below the given one (its strategies between expiries, each expiry's least
     * pairing of the rest, then every contract outside the complex spreads paired exactly again).
     */
    List<Strategy> complexSpreadsAround(List<Strategy> pairing, int nodeLimit) {
        long[] across = new long[legs.size()];
        for (Strategy s : pairing) {
            LocalDate first = null;
            boolean between = false;
            for (StrategyLeg part : s.legs()) {
                Leg l = part.leg();
                if (!l.isOption()) {
                    between = true;
                } else if (first == null) {
                    first = l.expiry();
                } else if (!first.equals(l.expiry())) {
                    between = true;
                }
            }
            if (between) {
                for (StrategyLeg part : s.legs()) {
                    if (part.leg().isOption()) {
                        across[indexOf(part.leg())] += part.quantity().abs().longValueExact();
                    }
                }
            }
        }
        // At no multipliers each program prices its strategies at their own costs.
        long[] none = new long[legs.size()];
        for (Expiry e : expiries) {
            for (int r = 0; r < e.leg().length; r++) {
                e.program().setCapacity(r, contracts[e.leg()[r]] - across[e.leg()[r]]);
            }
            solve(e, none, nodeLimit, new long[legs.size()]);
        }
        List<Strategy> out = complexSpreads();
        for (Expiry e : expiries) {
            for (int r = 0; r < e.leg().length; r++) {
                e.program().setCapacity(r, contracts[e.leg()[r]]);
            }
        }
        return out;
    }

    /**
     * Which pairs of expiries a strategy of the pairing links (a calendar or diagonal spread, a straddle of two
     * expiries): {@code linked[x][y]} for x &lt; y, in the order of the class's expiries. Only there can solving
     * two expiries together find what solving each around the other did not.
     */
    boolean[][] linkedExpiries(List<Strategy> pairing) {
        Map<LocalDate, Integer> byDate = new HashMap<>();
        for (int x = 0; x < expiries.size(); x++) {
            byDate.put(legs.get(expiries.get(x).leg()[0]).expiry(), x);
        }
        boolean[][] linked = new boolean[expiries.size()][expiries.size()];
        for (Strategy s : pairing) {
            int first = -1;
            for (StrategyLeg part : s.legs()) {
                Integer x = part.leg().isOption() ? byDate.get(part.leg().expiry()) : null;
                if (x == null) {
                    continue;
                }
                if (first < 0) {
                    first = x;
                } else if (x != first) {
                    linked[Math.min(first, x)][Math.max(first, x)] = true;
                }
            }
        }
        return linked;
    }

    /**
     * The complex spreads of the given pairing outside expiries {@code x} and {@code y}, with those of the
     * least pairing of the contracts the pairing holds within the two expiries (their own strategies and
     * those between them), found by one packing program (exactly, unless it reaches {@code nodeLimit}; either
     * way the result is a pairing the rules allow, so only a candidate, never a bound).
     */
    List<Strategy> complexSpreadsAroundPair(List<Strategy> pairing, int x, int y, int nodeLimit) {
        LocalDate dx = legs.get(expiries.get(x).leg()[0]).expiry();
        LocalDate dy = legs.get(expiries.get(y).leg()[0]).expiry();
        long[] freed = new long[legs.size()];
        List<Strategy> kept = new ArrayList<>();
        for (Strategy s : pairing) {
            boolean inside = true;
            for (StrategyLeg part : s.legs()) {
                Leg l = part.leg();
                inside &= l.isOption() && (l.expiry().equals(dx) || l.expiry().equals(dy));
            }
            if (inside) {
                for (StrategyLeg part : s.legs()) {
                    freed[indexOf(part.leg())] += part.quantity().abs().longValueExact();
                }
            } else if (PairingOptimiser.isComplex(s.kind())) {
                // Rebuilt on the class's own legs: the pairing's may be copies holding fewer contracts.
                List<StrategyLeg> own = new ArrayList<>();
                for (StrategyLeg part : s.legs()) {
                    own.add(new StrategyLeg(legs.get(indexOf(part.leg())), part.quantity()));
                }
                kept.add(rules.complexSpread(s.kind(), own));
            }
        }
        Expiry ex = expiries.get(x);
        Expiry ey = expiries.get(y);
        int[] row = new int[legs.size()];
        Arrays.fill(row, -1);
        int rows = 0;
        for (int[] members : new int[][] {ex.leg(), ey.leg()}) {
            for (int i : members) {
                row[i] = rows++;
            }
        }
        long[] cap = new long[rows];
        for (int i = 0; i < legs.size(); i++) {
            if (row[i] >= 0) {
                cap[row[i]] = freed[i];
            }
        }
        Map<Integer, Combination> combinations = new HashMap<>();
        // the stock is left out: covered calls are paired again with everything else outside the complex spreads
        PackingProgram merged = joined(List.of(ex, ey), row, -1, cap, combinations);
        merged.solve(nodeLimit);
        expiryNodes += merged.nodes;
        for (Map.Entry<Integer, Combination> c : combinations.entrySet()) {
            long units = merged.best[c.getKey()];
            if (units > 0) {
                Combination d = c.getValue();
                kept.add(rules.complexSpread(d.kind(), ComplexSpreads.legs(d.left(), d.right(), units)));
            }
        }
        return kept;
    }

    /**
     * One packing program of the given expiries' strategies and of the strategies between them: each expiry's
     * columns in order, then the strategies between expiries whose legs all have a row.
     *
     * @param row          the row of each of the class's legs, -1 for a leg left out
     * @param stockRow     the row of the stock units, -1 to leave out covered calls between expiries
     * @param cap          each row's capacity
     * @param combinations if not null, receives the complex spread of each column that is one
     */
    private PackingProgram joined(List<Expiry> which, int[] row, int stockRow, long[] cap,
            Map<Integer, Combination> combinations) {
        PackingProgram program = new PackingProgram(cap);
        for (Expiry e : which) {
            PackingProgram prog = e.program();
            for (int k = 0; k < prog.columns(); k++) {
                int[] local = prog.rowsOf(k);
                int[] rows = new int[local.length];
                for (int j = 0; j < local.length; j++) {
                    rows[j] = row[e.leg()[local[j]]];
                }
                int column = program.addColumn(rows, prog.coefsOf(k), e.baseCost()[k]);
                Combination c = e.combinations().get(k);
                if (combinations != null && c != null) {
                    combinations.put(column, c);
                }
            }
        }
        for (long[] a : crossArcs) {
            int from = a[0] < 0 ? stockRow : row[(int) a[0]];
            int to = row[(int) a[1]];
            if (from >= 0 && to >= 0) {
                program.addColumn(new int[] {from, to}, new int[] {1, 1}, a[2]);
            }
        }
        return program;
    }

    /** The class's own leg of a pairing's leg, which may be a copy holding fewer contracts: found by series. */
    private int indexOf(Leg leg) {
        if (legIndex == null) {
            legIndex = new TreeMap<>(LegOrder.LEGS);
            for (int i = 0; i < legs.size(); i++) {
                legIndex.put(legs.get(i), i);
            }
        }
        return legIndex.get(leg);
    }

    /** The complex spreads of the expiry programs' current best solutions. */
    private List<Strategy> complexSpreads() {
        List<Strategy> out = new ArrayList<>();
        for (Expiry e : expiries) {
            for (Map.Entry<Integer, Combination> c : e.combinations().entrySet()) {
                long units = e.program().best[c.getKey()];
                if (units > 0) {
                    Combination d = c.getValue();
                    out.add(rules.complexSpread(d.kind(), ComplexSpreads.legs(d.left(), d.right(), units)));
                }
            }
        }
        return out;
    }

    /**
     * The row duals of the whole class's linear relaxation (every strategy a column, every leg and the stock
     * units a row), where the multipliers start: there the decomposition is at least the relaxation's value.
     */
    private double[] linearDuals() {
        int n = legs.size();
        long[] cap = new long[n + 1];
        for (int i = 0; i < n; i++) {
            cap[i] = contracts[i];
        }
        cap[n] = stockUnits;
        int[] row = new int[n];
        for (int i = 0; i < n; i++) {
            row[i] = i;
        }
        PackingProgram whole = joined(expiries, row, n, cap, null);
        whole.solve(0);
        double[] pi = new double[n];
        for (int i = 0; i < n; i++) {
            pi[i] = whole.rootDuals[i];
        }
        return pi;
    }

    /** The least-cost flow of the strategies between expiries, each contract of leg i it pairs paying p_i. */
    private long cross(long[] p, long[] paired) {
        int n = legs.size();
        int stockNode = n;
        int sink = n + 1;
        int source = n + 2;
        MinCostFlow flow = new MinCostFlow(n + 3, 2 * n + crossArcs.size() + 2);
        long supplies = 0;
        long demands = 0;
        int[] alone = new int[n];
        if (stockUnits > 0) {
            flow.supply(stockNode, stockUnits);
            supplies += stockUnits;
            flow.addArc(stockNode, sink, stockUnits, 0);
        }
        for (int v = 0; v < n; v++) {
            Leg l = legs.get(v);
            long q = contracts[v];
            if (l.isCall() != l.isShort()) {
                flow.supply(v, q);
                supplies += q;
                alone[v] = flow.addArc(v, sink, q, -p[v]);
            } else {
                flow.supply(v, -q);
                demands += q;
                alone[v] = flow.addArc(source, v, q, -p[v]);
            }
        }
        for (long[] a : crossArcs) {
            int from = a[0] < 0 ? stockNode : (int) a[0];
            int to = (int) a[1];
            if (a[2] + (a[0] < 0 ? 0 : p[from]) + p[to] >= 0) {
                // Pairing the two saves nothing over leaving both (at -p each): some least-cost flow never does.
                continue;
            }
            long cap = Math.min(a[0] < 0 ? stockUnits : contracts[from], contracts[to]);
            flow.addArc(from, to, cap, a[2]);
        }
        flow.supply(sink, -supplies);
        flow.supply(source, demands);
        flow.addArc(source, sink, MinCostFlow.INFINITE, 0);
        flow.run();
        long value = flow.totalCost();
        for (int v = 0; v < n; v++) {
            value += p[v] * contracts[v];
            paired[v] = contracts[v] - flow.flow(alone[v]);
        }
        return value;
    }
}
