package org.marginconsult.margin.methodology.strategy;

import java.util.Arrays;

/**
 * Minimum-cost flow for a transportation network: nodes have supplies (positive) and demands
 * (negative) adding up to zero, arcs have integer capacities and costs (negative allowed; a cycle of
 * negative cost must have a bounded capacity). Solved by the primal network simplex method
 * ({@link Simplex}); integer data give an integral optimum, which is what makes a pairing into whole
 * contracts exact (network-flow integrality; Rudd &amp; Schroeder, Management Science 28(12), 1982).
 *
 * <p>Arrays grow as arcs are added; arcs are kept with their residual twins so that the flow can be
 * walked and decomposed after the run. Not thread-safe.
 */
final class MinCostFlow {

    static final long INFINITE = Long.MAX_VALUE / 4;

    /** The largest preference an arc may carry: tie costs stay below 2^51. */
    static final int MAX_PREFERENCE = 1023;

    /**
     * Networks of up to this many nodes may carry preferences: a cycle's tie cost, at most its arcs x
     * 2^51, then stays inside a long (without preferences, tie costs stay below 2^41 and any network fits).
     */
    static final int PREFERENCE_NODES = 2_048;

    private final int nodes;
    private int arcs;
    private final int[] head;
    private int[] next;
    private int[] to;
    private long[] cap;
    private long[] initialCap;
    private long[] cost;
    private long[] tie;
    private final long[] excess;

    MinCostFlow(int nodes, int expectedArcs) {
        this.nodes = nodes;
        head = new int[nodes];
        Arrays.fill(head, -1);
        int a = Math.max(4, expectedArcs * 2);
        next = new int[a];
        to = new int[a];
        cap = new long[a];
        initialCap = new long[a];
        cost = new long[a];
        tie = new long[a];
        excess = new long[nodes];
    }

    int nodeCount() {
        return nodes;
    }

    /** Adds supply (positive) or demand (negative) to a node. */
    void supply(int node, long amount) {
        excess[node] += amount;
    }

    /** Adds an arc and its residual twin; returns the arc's index (the twin is index ^ 1). */
    int addArc(int from, int toNode, long capacity, long arcCost) {
        return addArc(from, toNode, capacity, arcCost, 0);
    }

    /**
     * Adds an arc whose tie cost is raised by {@code preference} x 2^40: among flows of the same least cost,
     * those using arcs of lower preference first (see {@link #tieCost}).
     *
     * @param preference from 0 to {@link #MAX_PREFERENCE}
     */
    int addArc(int from, int toNode, long capacity, long arcCost, int preference) {
        if (preference < 0 || preference > MAX_PREFERENCE) {
            throw new IllegalArgumentException("preference out of range: " + preference);
        }
        if (arcs + 2 > to.length) {
            int n = to.length * 2;
            next = Arrays.copyOf(next, n);
            to = Arrays.copyOf(to, n);
            cap = Arrays.copyOf(cap, n);
            initialCap = Arrays.copyOf(initialCap, n);
            cost = Arrays.copyOf(cost, n);
            tie = Arrays.copyOf(tie, n);
        }
        int a = arcs;
        tie[a] = ((long) preference << 40) + tieCost(a / 2);
        to[a] = toNode;
        cap[a] = capacity;
        initialCap[a] = capacity;
        cost[a] = arcCost;
        next[a] = head[from];
        head[from] = a;
        to[a + 1] = from;
        cap[a + 1] = 0;
        initialCap[a + 1] = 0;
        cost[a + 1] = -arcCost;
        next[a + 1] = head[toNode];
        head[toNode] = a + 1;
        arcs += 2;
        return a;
    }

    /**
     * The tie cost of the {@code j}-th arc added: a fixed pseudo-random amount from 1 to 2^40 (the
     * SplitMix64 finaliser of its index). Among flows of the same least cost the simplex returns the one
     * of least total tie cost. Two such flows tie again only if their amounts cancel exactly (about one
     * chance in 2^40), so it is a single flow whatever order the simplex meets the arcs in: the result
     * depends only on the network, which callers build in a canonical order.
     */
    static long tieCost(int j) {
        long z = (j + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 24) + 1;
    }

    /** Flow on an arc added by {@link #addArc}. */
    long flow(int arc) {
        return initialCap[arc] - cap[arc];
    }

    /** Removes {@code amount} of recorded flow from an arc (used when decomposing the flow into paths). */
    void consume(int arc, long amount) {
        cap[arc] += amount;
    }

    /** Sum of flow x cost over the arcs added. */
    long totalCost() {
        long sum = 0;
        for (int a = 0; a < arcs; a += 2) {
            sum += (initialCap[a] - cap[a]) * cost[a];
        }
        return sum;
    }

    int firstArc(int node) {
        return head[node];
    }

    int nextArc(int arc) {
        return next[arc];
    }

    int target(int arc) {
        return to[arc];
    }

    boolean isForward(int arc) {
        return (arc & 1) == 0;
    }

    /**
     * Routes every supply to demands at least total cost, by the primal network simplex method.
     *
     * @return the number of pivots
     * @throws IllegalStateException if supplies and demands do not balance, a supply cannot reach any
     *                               demand, or a cycle of unbounded capacity has a negative cost
     */
    int run() {
        long balance = 0;
        for (long e : excess) {
            balance += e;
        }
        if (balance != 0) {
            throw new IllegalStateException("supplies and demands do not balance: " + balance);
        }
        simplex = new Simplex();
        return simplex.solve();
    }

    /** The last run's spanning tree, kept for {@link #rerun}. */
    private Simplex simplex;

    /**
     * Sets the cost of an arc added by {@link #addArc}, for {@link #rerun}.
     *
     * @param arc  the arc
     * @param cost its new cost
     */
    void setCost(int arc, long cost) {
        this.cost[arc] = cost;
        this.cost[arc ^ 1] = -cost;
    }

    /**
     * Solves again after {@link #setCost}, starting from the last run's optimal spanning tree: its flow is
     * still feasible (only costs changed), so the simplex only pivots where the new costs make it worth it.
     * The result is the flow a new run would return (the least cost, then the least tie cost: one flow).
     *
     * @return the number of pivots
     * @throws IllegalStateException if {@link #run} has not been called, or as {@link #run}
     */
    int rerun() {
        if (simplex == null) {
            throw new IllegalStateException("rerun before run");
        }
        return simplex.resume();
    }

    /**
     * The primal network simplex method with a block-search pivot rule (after LEMON's
     * {@code NetworkSimplex}, Kovacs, "Minimum-cost flow algorithms: an experimental evaluation",
     * Optimization Methods and Software 30(1), 2015). The spanning tree is kept with parent, thread
     * (preorder), reverse thread, subtree size and last successor per node, so a pivot touches only
     * the cycle and the subtree that moves. Starting basis: every node joined to an artificial root by an
     * artificial arc carrying its supply (cost 0 towards the root, a big cost M from it, M above any
     * path's cost). The leaving arc is the last blocking arc met on the cycle from the entering arc's
     * head (Cunningham's strongly feasible trees), so degenerate pivots cannot cycle. At the end every
     * non-tree arc's reduced cost is non-negative in the direction it may move, which is optimality;
     * integer data give an integer flow.
     */
    private final class Simplex {
        private static final int UP = 1;
        private static final int DOWN = -1;
        private static final int LOWER = 1;
        private static final int TREE = 0;
        private static final int UPPER = -1;

        private final int n = nodes;
        private final int m = arcs / 2;
        private final int root = nodes;
        private final int[] source = new int[m + n];
        private final int[] target = new int[m + n];
        private final long[] upper = new long[m + n];
        private final long[] arcCost = new long[m + n];
        private final long[] tieCost = new long[m + n];
        private final long[] flow = new long[m + n];
        private final int[] state = new int[m + n];
        private final int[] parent = new int[n + 1];
        private final int[] pred = new int[n + 1];
        private final int[] predDir = new int[n + 1];
        private final int[] thread = new int[n + 1];
        private final int[] revThread = new int[n + 1];
        private final int[] succNum = new int[n + 1];
        private final int[] lastSucc = new int[n + 1];
        private final long[] pi = new long[n + 1];
        private final long[] tiePi = new long[n + 1];
        private final int[] dirtyRevs = new int[n + 1];
        private final int blockSize = Math.max(10, (int) Math.sqrt(m));
        private int nextArc;
        private int inArc;
        private int join;
        private int uIn;
        private int vIn;
        private int uOut;
        private long delta;

        int solve() {
            long maxCost = 0;
            for (int j = 0; j < m; j++) {
                int a = 2 * j;
                source[j] = to[a + 1];
                target[j] = to[a];
                upper[j] = initialCap[a];
                arcCost[j] = cost[a];
                tieCost[j] = tie[a];
                maxCost = Math.max(maxCost, Math.abs(cost[a]));
                state[j] = LOWER;
            }
            long artificial = Math.multiplyExact(maxCost + 1, (long) n + 1);
            parent[root] = -1;
            pred[root] = -1;
            thread[root] = 0;
            revThread[0] = root;
            succNum[root] = n + 1;
            lastSucc[root] = root - 1;
            for (int u = 0, e = m; u < n; u++, e++) {
                parent[u] = root;
                pred[u] = e;
                thread[u] = u + 1;
                revThread[u + 1] = u;
                succNum[u] = 1;
                lastSucc[u] = u;
                upper[e] = INFINITE;
                state[e] = TREE;
                if (excess[u] >= 0) {
                    predDir[u] = UP;
                    pi[u] = 0;
                    source[e] = u;
                    target[e] = root;
                    flow[e] = excess[u];
                    arcCost[e] = 0;
                } else {
                    predDir[u] = DOWN;
                    pi[u] = artificial;
                    source[e] = root;
                    target[e] = u;
                    flow[e] = -excess[u];
                    arcCost[e] = artificial;
                }
            }
            return pivot();
        }

        /** From the last optimal tree, with the costs now in {@code cost}: new potentials, then pivots. */
        int resume() {
            long maxCost = 0;
            for (int j = 0; j < m; j++) {
                arcCost[j] = cost[2 * j];
                maxCost = Math.max(maxCost, Math.abs(arcCost[j]));
            }
            long artificial = Math.multiplyExact(maxCost + 1, (long) n + 1);
            for (int e = m; e < m + n; e++) {
                arcCost[e] = source[e] == root ? artificial : 0;
            }
            for (int u = thread[root]; u != root; u = thread[u]) {
                pi[u] = pi[parent[u]] - predDir[u] * arcCost[pred[u]];
            }
            nextArc = 0;
            return pivot();
        }

        private int pivot() {
            int pivots = 0;
            while (findEnteringArc()) {
                findJoinNode();
                boolean change = findLeavingArc();
                if (delta >= INFINITE) {
                    throw new IllegalStateException("a cycle of unbounded capacity has a negative cost");
                }
                changeFlow(change);
                if (change) {
                    updateTreeStructure();
                    updatePotential();
                }
                pivots++;
            }
            for (int e = m; e < m + n; e++) {
                if (flow[e] > 0) {
                    throw new IllegalStateException("node " + (e - m) + " has supply that cannot reach a demand");
                }
            }
            for (int j = 0; j < m; j++) {
                cap[2 * j] = upper[j] - flow[j];
                cap[2 * j + 1] = flow[j];
            }
            Arrays.fill(excess, 0);
            return pivots;
        }

        /**
         * Block search: the entering arc is the one of least reduced cost within the first block that has a
         * negative one, costs compared first by amount, then by tie cost.
         */
        private boolean findEnteringArc() {
            long min = 0;
            long min2 = 0;
            int count = blockSize;
            int e = nextArc;
            for (int scanned = 0; scanned < m; scanned++) {
                long c = state[e] * (arcCost[e] + pi[source[e]] - pi[target[e]]);
                if (c <= min) {
                    long c2 = state[e] * (tieCost[e] + tiePi[source[e]] - tiePi[target[e]]);
                    if (c < min || c2 < min2) {
                        min = c;
                        min2 = c2;
                        inArc = e;
                    }
                }
                if (++e == m) {
                    e = 0;
                }
                if (--count == 0) {
                    if (min < 0 || min2 < 0) {
                        nextArc = e;
                        return true;
                    }
                    count = blockSize;
                }
            }
            nextArc = e;
            return min < 0 || min2 < 0;
        }

        private void findJoinNode() {
            int u = source[inArc];
            int v = target[inArc];
            while (u != v) {
                if (succNum[u] < succNum[v]) {
                    u = parent[u];
                } else {
                    v = parent[v];
                }
            }
            join = u;
        }

        /** Whether a tree arc leaves (otherwise the entering arc only moves to its other bound). */
        private boolean findLeavingArc() {
            int first;
            int second;
            if (state[inArc] == LOWER) {
                first = source[inArc];
                second = target[inArc];
            } else {
                first = target[inArc];
                second = source[inArc];
            }
            delta = upper[inArc];
            int result = 0;
            for (int u = first; u != join; u = parent[u]) {
                int e = pred[u];
                long d = flow[e];
                if (predDir[u] == DOWN) {
                    d = upper[e] >= INFINITE ? INFINITE : upper[e] - d;
                }
                if (d < delta) {
                    delta = d;
                    uOut = u;
                    result = 1;
                }
            }
            for (int u = second; u != join; u = parent[u]) {
                int e = pred[u];
                long d = flow[e];
                if (predDir[u] == UP) {
                    d = upper[e] >= INFINITE ? INFINITE : upper[e] - d;
                }
                if (d <= delta) {
                    delta = d;
                    uOut = u;
                    result = 2;
                }
            }
            if (result == 1) {
                uIn = first;
                vIn = second;
            } else {
                uIn = second;
                vIn = first;
            }
            return result != 0;
        }

        private void changeFlow(boolean change) {
            if (delta > 0) {
                long val = state[inArc] * delta;
                flow[inArc] += val;
                for (int u = source[inArc]; u != join; u = parent[u]) {
                    flow[pred[u]] -= predDir[u] * val;
                }
                for (int u = target[inArc]; u != join; u = parent[u]) {
                    flow[pred[u]] += predDir[u] * val;
                }
            }
            if (change) {
                state[inArc] = TREE;
                state[pred[uOut]] = flow[pred[uOut]] == 0 ? LOWER : UPPER;
            } else {
                state[inArc] = -state[inArc];
            }
        }

        private void updateTreeStructure() {
            int oldRevThread = revThread[uOut];
            int oldSuccNum = succNum[uOut];
            int oldLastSucc = lastSucc[uOut];
            int vOut = parent[uOut];
            if (uIn == uOut) {
                parent[uIn] = vIn;
                pred[uIn] = inArc;
                predDir[uIn] = uIn == source[inArc] ? UP : DOWN;
                if (thread[vIn] != uOut) {
                    int after = thread[oldLastSucc];
                    thread[oldRevThread] = after;
                    revThread[after] = oldRevThread;
                    after = thread[vIn];
                    thread[vIn] = uOut;
                    revThread[uOut] = vIn;
                    thread[oldLastSucc] = after;
                    revThread[after] = oldLastSucc;
                }
            } else {
                int threadContinue = oldRevThread == vIn ? thread[oldLastSucc] : thread[vIn];
                int stem = uIn;
                int parStem = vIn;
                int last = lastSucc[uIn];
                int after = thread[last];
                thread[vIn] = uIn;
                int dirty = 0;
                dirtyRevs[dirty++] = vIn;
                while (stem != uOut) {
                    int nextStem = parent[stem];
                    thread[last] = nextStem;
                    dirtyRevs[dirty++] = last;
                    int before = revThread[stem];
                    thread[before] = after;
                    revThread[after] = before;
                    parent[stem] = parStem;
                    parStem = stem;
                    stem = nextStem;
                    last = lastSucc[stem] == lastSucc[parStem] ? revThread[parStem] : lastSucc[stem];
                    after = thread[last];
                }
                parent[uOut] = parStem;
                thread[last] = threadContinue;
                revThread[threadContinue] = last;
                lastSucc[uOut] = last;
                if (oldRevThread != vIn) {
                    thread[oldRevThread] = after;
                    revThread[after] = oldRevThread;
                }
                for (int i = 0; i < dirty; i++) {
                    int u = dirtyRevs[i];
                    revThread[thread[u]] = u;
                }
                int tmpSc = 0;
                int tmpLs = lastSucc[uOut];
                for (int u = uOut, p = parent[u]; u != uIn; u = p, p = parent[u]) {
                    pred[u] = pred[p];
                    predDir[u] = -predDir[p];
                    tmpSc += succNum[u] - succNum[p];
                    succNum[u] = tmpSc;
                    lastSucc[p] = tmpLs;
                }
                pred[uIn] = inArc;
                predDir[uIn] = uIn == source[inArc] ? UP : DOWN;
                succNum[uIn] = oldSuccNum;
            }
            int upLimitOut = lastSucc[join] == vIn ? join : -1;
            int lastSuccOut = lastSucc[uOut];
            for (int u = vIn; u != -1 && lastSucc[u] == vIn; u = parent[u]) {
                lastSucc[u] = lastSuccOut;
            }
            if (join != oldRevThread && vIn != oldRevThread) {
                for (int u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
                    lastSucc[u] = oldRevThread;
                }
            } else if (lastSuccOut != oldLastSucc) {
                for (int u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
                    lastSucc[u] = lastSuccOut;
                }
            }
            for (int u = vIn; u != join; u = parent[u]) {
                succNum[u] += oldSuccNum;
            }
            for (int u = vOut; u != join; u = parent[u]) {
                succNum[u] -= oldSuccNum;
            }
        }

        private void updatePotential() {
            long sigma = pi[vIn] - pi[uIn] - predDir[uIn] * arcCost[inArc];
            long tieSigma = tiePi[vIn] - tiePi[uIn] - predDir[uIn] * tieCost[inArc];
            int end = thread[lastSucc[uIn]];
            for (int u = uIn; u != end; u = thread[u]) {
                pi[u] += sigma;
                tiePi[u] += tieSigma;
            }
        }
    }
}
