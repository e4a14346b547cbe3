package org.marginconsult.margin.methodology.strategy;

import java.util.Arrays;

/**
 * Minimum-cost flow by successive shortest paths (Dijkstra with node potentials), for a source-sink
 * network whose only negative arc costs leave the source or enter the sink. The amount of flow is
 * free: augmentation stops as soon as the cheapest source-sink path no longer has a negative cost, so
 * the result is the flow of least total cost (the cheapest paths come first and their costs never
 * decrease, which is what makes stopping there optimal).
 *
 * <p>Costs are integers (the pairing uses micro-dollars) and capacities are integers, so the optimal
 * flow found is integral: this is what makes a pairing into whole contracts exact (network-flow
 * integrality; Rudd &amp; Schroeder, Management Science 28(12), 1982).
 *
 * <p>Arrays grow as arcs are added; nothing is allocated per augmentation. Not thread-safe.
 */
final class MinCostFlow {

    static final long INFINITE = Long.MAX_VALUE / 4;

    private int nodes;
    private int arcs;
    private int[] head;
    private int[] next;
    private int[] to;
    private long[] cap;
    private long[] initialCap;
    private long[] cost;

    private long[] potential;
    private long[] dist;
    private int[] parentArc;
    private int[] heapNode;
    private long[] heapKey;
    private int[] visitedStamp;
    private int stamp;

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
    }

    int nodeCount() {
        return nodes;
    }

    /** Adds an arc and its residual twin; returns the arc's index (the twin is index ^ 1). */
    int addArc(int from, int toNode, long capacity, long arcCost) {
        if (arcs + 2 > to.length) {
            int n = to.length * 2;
            next = Arrays.copyOf(next, n);
            to = Arrays.copyOf(to, n);
            cap = Arrays.copyOf(cap, n);
            initialCap = Arrays.copyOf(initialCap, n);
            cost = Arrays.copyOf(cost, n);
        }
        int a = arcs;
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

    /** Flow on an arc added by {@link #addArc}. */
    long flow(int arc) {
        return initialCap[arc] - cap[arc];
    }

    /** Removes {@code amount} of recorded flow from an arc (used when decomposing the flow into paths). */
    void consume(int arc, long amount) {
        cap[arc] += amount;
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
     * Augments along cheapest source-sink paths while they have a negative cost.
     *
     * @param source the source
     * @param sink   the sink
     * @return the number of augmentations
     */
    int run(int source, int sink) {
        return run(source, sink, false);
    }

    /**
     * As {@link #run(int, int)}, for a network that may also have negative costs on inner arcs (but no
     * negative cycle): the first potentials then come from Bellman-Ford instead of Dijkstra.
     *
     * @param source             the source
     * @param sink               the sink
     * @param negativeInnerArcs  whether arcs other than the source's and the sink's may cost less than zero
     * @return the number of augmentations
     */
    int run(int source, int sink, boolean negativeInnerArcs) {
        potential = new long[nodes];
        dist = new long[nodes];
        parentArc = new int[nodes];
        heapNode = new int[Math.max(16, arcs + nodes)];
        heapKey = new long[heapNode.length];
        visitedStamp = new int[nodes];
        int augmentations = 0;
        boolean first = true;
        while (true) {
            long d = !first ? dijkstra(source, sink)
                    : negativeInnerArcs ? bellmanFord(source, sink) : fullDijkstra(source, sink);
            if (d >= INFINITE) {
                return augmentations;
            }
            long pathCost = d + potential[sink] - potential[source];
            updatePotentials(d, first);
            first = false;
            if (pathCost >= 0) {
                return augmentations;
            }
            long push = INFINITE;
            for (int v = sink; v != source; v = to[parentArc[v] ^ 1]) {
                push = Math.min(push, cap[parentArc[v]]);
            }
            for (int v = sink; v != source; v = to[parentArc[v] ^ 1]) {
                int a = parentArc[v];
                cap[a] -= push;
                cap[a ^ 1] += push;
            }
            augmentations++;
        }
    }

    /**
     * The first search runs on raw costs, some negative (out of the source, into the sink), so it
     * neither stops at the sink nor refuses to lower the sink's label after popping it: the sink has no
     * usable outgoing arc yet, so its label is not used to relax anything.
     */
    private long fullDijkstra(int source, int sink) {
        stamp++;
        Arrays.fill(dist, INFINITE);
        int size = 0;
        dist[source] = 0;
        size = push(size, source, 0);
        while (size > 0) {
            int u = heapNode[0];
            long du = heapKey[0];
            size = pop(size);
            if (du != dist[u] || (visitedStamp[u] == stamp && u != sink)) {
                continue;
            }
            visitedStamp[u] = stamp;
            for (int a = head[u]; a >= 0; a = next[a]) {
                if (cap[a] <= 0) {
                    continue;
                }
                int v = to[a];
                long nd = du + cost[a];
                if (nd < dist[v]) {
                    dist[v] = nd;
                    parentArc[v] = a;
                    if (v != sink) {
                        size = push(size, v, nd);
                    }
                }
            }
        }
        return dist[sink];
    }

    /** Label-correcting shortest paths on raw costs; used once, for small networks with negative inner arcs. */
    private long bellmanFord(int source, int sink) {
        Arrays.fill(dist, INFINITE);
        dist[source] = 0;
        boolean changed = true;
        for (int round = 0; round < nodes && changed; round++) {
            changed = false;
            for (int u = 0; u < nodes; u++) {
                if (dist[u] >= INFINITE) {
                    continue;
                }
                for (int a = head[u]; a >= 0; a = next[a]) {
                    if (cap[a] > 0 && dist[u] + cost[a] < dist[to[a]]) {
                        dist[to[a]] = dist[u] + cost[a];
                        parentArc[to[a]] = a;
                        changed = true;
                    }
                }
            }
        }
        if (changed) {
            throw new IllegalStateException("negative cycle in a flow network");
        }
        return dist[sink];
    }

    /** Dijkstra on reduced costs (all non-negative), stopping when the sink is settled. */
    private long dijkstra(int source, int sink) {
        stamp++;
        Arrays.fill(dist, INFINITE);
        int size = 0;
        dist[source] = 0;
        size = push(size, source, 0);
        while (size > 0) {
            int u = heapNode[0];
            long du = heapKey[0];
            size = pop(size);
            if (du != dist[u] || visitedStamp[u] == stamp) {
                continue;
            }
            visitedStamp[u] = stamp;
            if (u == sink) {
                break;
            }
            long pu = potential[u];
            for (int a = head[u]; a >= 0; a = next[a]) {
                if (cap[a] <= 0) {
                    continue;
                }
                int v = to[a];
                long nd = du + cost[a] + pu - potential[v];
                if (nd < dist[v]) {
                    dist[v] = nd;
                    parentArc[v] = a;
                    size = push(size, v, nd);
                }
            }
        }
        return visitedStamp[sink] == stamp ? dist[sink] : INFINITE;
    }

    /**
     * After the first search (raw costs, some negative) every node takes its full distance; after later
     * searches (reduced costs, all non-negative) nodes settled before the sink take their distance and
     * the others the sink's. Either way every residual arc reachable from the source keeps a
     * non-negative reduced cost (Johnson's reweighting, cut at the sink).
     */
    private void updatePotentials(long sinkDistance, boolean first) {
        long cut = first || sinkDistance >= INFINITE ? maxFinite() : sinkDistance;
        for (int v = 0; v < nodes; v++) {
            potential[v] += Math.min(dist[v], cut);
        }
    }

    private long maxFinite() {
        long m = Long.MIN_VALUE;
        for (long d : dist) {
            if (d < INFINITE && d > m) {
                m = d;
            }
        }
        return m == Long.MIN_VALUE ? 0 : m;
    }

    private int push(int size, int node, long key) {
        if (size == heapNode.length) {
            heapNode = Arrays.copyOf(heapNode, size * 2);
            heapKey = Arrays.copyOf(heapKey, size * 2);
        }
        int i = size;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heapKey[parent] <= key) {
                break;
            }
            heapNode[i] = heapNode[parent];
            heapKey[i] = heapKey[parent];
            i = parent;
        }
        heapNode[i] = node;
        heapKey[i] = key;
        return size + 1;
    }

    private int pop(int size) {
        size--;
        if (size == 0) {
            return 0;
        }
        int node = heapNode[size];
        long key = heapKey[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heapKey[child + 1] < heapKey[child]) {
                child++;
            }
            if (heapKey[child] >= key) {
                break;
            }
            heapNode[i] = heapNode[child];
            heapKey[i] = heapKey[child];
            i = child;
        }
        heapNode[i] = node;
        heapKey[i] = key;
        return size;
    }
}
