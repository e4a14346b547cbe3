package org.marginconsult.margin.methodology.strategy;

import java.util.Arrays;

/**
 * Minimum-cost flow for a transportation network: nodes have supplies (positive) and demands
 * (negative) adding up to zero, arcs have integer capacities and costs (negative allowed, no negative
 * cycle). Solved by the primal-dual form of successive shortest paths: node potentials from one
 * Bellman-Ford pass; then, in phases, Dijkstra on reduced costs from every node with supply to the
 * nearest node with demand, augmentation along that path, and a blocking flow (depth-first) over the
 * arcs of reduced cost zero, which carry every other shortest path. Reduced costs stay non-negative on
 * every residual arc (Johnson's reweighting, cut at the distance found), which is the optimality
 * condition, so the flow is of least cost when every supply is routed.
 *
 * <p>Stopping each search at the first demand node keeps searches local, and one search serves every
 * augmentation of the same length. Integer data give an integral optimum,
 * which is what makes a pairing into whole contracts exact (network-flow integrality; Rudd &amp;
 * Schroeder, Management Science 28(12), 1982).
 *
 * <p>Arrays grow as arcs are added; searches reset only what they touched. Not thread-safe.
 */
final class MinCostFlow {

    static final long INFINITE = Long.MAX_VALUE / 4;

    private final int nodes;
    private int arcs;
    private final int[] head;
    private int[] next;
    private int[] to;
    private long[] cap;
    private long[] initialCap;
    private long[] cost;
    private final long[] excess;

    private long[] potential;
    private long[] dist;
    private int[] parentArc;
    private int[] heapNode;
    private long[] heapKey;
    private int[] visitedStamp;
    private int[] touched;
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
     * Routes every supply to demands at least total cost.
     *
     * @return the number of augmentations
     * @throws IllegalStateException if supplies and demands do not balance, a supply cannot reach any
     *                               demand, or a cycle has a negative cost
     */
    int run() {
        long balance = 0;
        for (long e : excess) {
            balance += e;
        }
        if (balance != 0) {
            throw new IllegalStateException("supplies and demands do not balance: " + balance);
        }
        potential = new long[nodes];
        dist = new long[nodes];
        Arrays.fill(dist, INFINITE);
        parentArc = new int[nodes];
        heapNode = new int[Math.max(16, arcs + nodes)];
        heapKey = new long[heapNode.length];
        visitedStamp = new int[nodes];
        touched = new int[nodes];
        initialPotentials();
        current = new int[nodes];
        dead = new boolean[nodes];
        onPath = new boolean[nodes];
        int augmentations = 0;
        int[] sources = new int[nodes];
        while (true) {
            int count = 0;
            for (int v = 0; v < nodes; v++) {
                if (excess[v] > 0) {
                    sources[count++] = v;
                }
            }
            if (count == 0) {
                return augmentations;
            }
            int t = search(sources, count);
            if (t < 0) {
                throw new IllegalStateException("node " + sources[0] + " has supply that cannot reach a demand");
            }
            int s = t;
            while (parentArc[s] >= 0) {
                s = to[parentArc[s] ^ 1];
            }
            long push = Math.min(excess[s], -excess[t]);
            for (int v = t; v != s; v = to[parentArc[v] ^ 1]) {
                push = Math.min(push, cap[parentArc[v]]);
            }
            for (int v = t; v != s; v = to[parentArc[v] ^ 1]) {
                int arc = parentArc[v];
                cap[arc] -= push;
                cap[arc ^ 1] += push;
            }
            excess[s] -= push;
            excess[t] += push;
            augmentations++;
            augmentations += blockingFlow(sources, count);
        }
    }

    private int[] current;
    private boolean[] dead;
    private boolean[] onPath;

    /**
     * After a search the arcs of reduced cost zero hold every shortest path; routes as much more supply
     * as they carry (depth-first, as in Dinic's algorithm), so one search serves many augmentations.
     * Paths found this way are shortest, so reduced costs stay non-negative.
     */
    private int blockingFlow(int[] sources, int count) {
        for (int v = 0; v < nodes; v++) {
            current[v] = head[v];
            dead[v] = false;
        }
        int augmentations = 0;
        for (int i = 0; i < count; i++) {
            int s = sources[i];
            while (excess[s] > 0) {
                long pushed = admissible(s, excess[s], s);
                if (pushed == 0) {
                    break;
                }
                excess[s] -= pushed;
                augmentations++;
            }
        }
        return augmentations;
    }

    private long admissible(int u, long limit, int source) {
        if (u != source && excess[u] < 0) {
            long d = Math.min(limit, -excess[u]);
            excess[u] += d;
            return d;
        }
        onPath[u] = true;
        long pu = potential[u];
        for (int a = current[u]; a >= 0; a = next[a]) {
            current[u] = a;
            int v = to[a];
            if (cap[a] > 0 && !dead[v] && !onPath[v] && cost[a] + pu - potential[v] == 0) {
                long d = admissible(v, Math.min(limit, cap[a]), source);
                if (d > 0) {
                    cap[a] -= d;
                    cap[a ^ 1] += d;
                    onPath[u] = false;
                    return d;
                }
            }
        }
        current[u] = -1;
        onPath[u] = false;
        dead[u] = true;
        return 0;
    }

    /** Shortest distances from a virtual root joined to every node at no cost (queue-based Bellman-Ford). */
    private void initialPotentials() {
        int[] queue = new int[nodes + 1];
        boolean[] queued = new boolean[nodes];
        int[] passes = new int[nodes];
        int headIndex = 0;
        int tail = 0;
        int size = nodes;
        for (int v = 0; v < nodes; v++) {
            queue[tail++] = v;
            queued[v] = true;
        }
        tail %= queue.length;
        while (size > 0) {
            int u = queue[headIndex];
            headIndex = (headIndex + 1) % queue.length;
            size--;
            queued[u] = false;
            if (++passes[u] > nodes) {
                throw new IllegalStateException("negative cycle in a flow network");
            }
            for (int a = head[u]; a >= 0; a = next[a]) {
                if (cap[a] > 0 && potential[u] + cost[a] < potential[to[a]]) {
                    potential[to[a]] = potential[u] + cost[a];
                    if (!queued[to[a]]) {
                        queued[to[a]] = true;
                        queue[tail] = to[a];
                        tail = (tail + 1) % queue.length;
                        size++;
                    }
                }
            }
        }
    }

    /**
     * Dijkstra on reduced costs from every node with supply to the nearest node with demand. The potentials of the
     * nodes settled before it drop by their distance's shortfall to its distance, which keeps every
     * residual arc's reduced cost non-negative and makes the path found tight. The path is left in
     * {@code parentArc}.
     *
     * @return the node with demand reached, or -1
     */
    private int search(int[] starts, int count) {
        stamp++;
        int touchedCount = 0;
        int size = 0;
        for (int i = 0; i < count; i++) {
            int start = starts[i];
            dist[start] = 0;
            parentArc[start] = -1;
            touched[touchedCount++] = start;
            size = push(size, start, 0);
        }
        int found = -1;
        long cut = 0;
        while (size > 0) {
            int u = heapNode[0];
            long du = heapKey[0];
            size = pop(size);
            if (du != dist[u] || visitedStamp[u] == stamp) {
                continue;
            }
            visitedStamp[u] = stamp;
            cut = du;
            if (excess[u] < 0) {
                found = u;
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
                    if (dist[v] >= INFINITE) {
                        touched[touchedCount++] = v;
                    }
                    dist[v] = nd;
                    parentArc[v] = a;
                    size = push(size, v, nd);
                }
            }
        }
        for (int i = 0; i < touchedCount; i++) {
            int v = touched[i];
            if (visitedStamp[v] == stamp && dist[v] < cut) {
                potential[v] += dist[v] - cut;
            }
            dist[v] = INFINITE;
        }
        return found;
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
