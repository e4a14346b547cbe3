package org.marginconsult.margin.methodology.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MinCostFlowTest {

    /**
     * An n x n assignment with an "alone" option for every row: node r (supply 1) goes to a column c
     * (demand 1) at cost[r][c], or alone at cost 0; a column left alone is supplied by a spare node.
     */
    private static long solve(long[][] cost, long[][] flowOut) {
        int n = cost.length;
        int alone = 2 * n;
        int spare = 2 * n + 1;
        MinCostFlow f = new MinCostFlow(2 * n + 2, n * n + 2 * n + 1);
        int[][] arcs = new int[n][n];
        for (int r = 0; r < n; r++) {
            f.supply(r, 1);
            f.addArc(r, alone, 1, 0);
            f.supply(n + r, -1);
            f.addArc(spare, n + r, 1, 0);
            for (int c = 0; c < n; c++) {
                arcs[r][c] = f.addArc(r, n + c, 1, cost[r][c]);
            }
        }
        f.supply(alone, -n);
        f.supply(spare, n);
        f.addArc(spare, alone, n, 0);
        f.run();
        long total = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                flowOut[r][c] = f.flow(arcs[r][c]);
                total += flowOut[r][c] * cost[r][c];
            }
        }
        return total;
    }

    /** Least cost over every partial assignment, by trying them all. */
    private static long bruteForce(long[][] cost, int row, boolean[] used) {
        if (row == cost.length) {
            return 0;
        }
        long best = bruteForce(cost, row + 1, used);
        for (int c = 0; c < cost.length; c++) {
            if (!used[c]) {
                used[c] = true;
                best = Math.min(best, cost[row][c] + bruteForce(cost, row + 1, used));
                used[c] = false;
            }
        }
        return best;
    }

    @Test
    void partialAssignmentsWithNegativeCostsMatchEveryAssignmentTried() {
        Random random = new Random(5);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(5);
            long[][] cost = new long[n][n];
            for (long[] row : cost) {
                for (int c = 0; c < n; c++) {
                    row[c] = random.nextInt(21) - 12;
                }
            }
            long[][] flow = new long[n][n];
            assertEquals(bruteForce(cost, 0, new boolean[n]), solve(cost, flow));
        }
    }

    /** A random network: arcs as {from, to, capacity, cost}, supplies balanced. */
    private record Network(int nodes, int[][] arcs, long[] supply) {
    }

    /** Gives the network's supplies and arcs to the solver; returns the solver's arc ids in the network's order. */
    private static int[] load(MinCostFlow f, Network net) {
        for (int v = 0; v < net.nodes(); v++) {
            f.supply(v, net.supply()[v]);
        }
        int[] ids = new int[net.arcs().length];
        for (int a = 0; a < ids.length; a++) {
            int[] arc = net.arcs()[a];
            ids[a] = f.addArc(arc[0], arc[1], arc[2], arc[3]);
        }
        return ids;
    }

    private static Network randomNetwork(Random random) {
        int nodes = 2 + random.nextInt(4);
        int[][] arcs = new int[1 + random.nextInt(7)][];
        for (int a = 0; a < arcs.length; a++) {
            int from = random.nextInt(nodes);
            int to = (from + 1 + random.nextInt(nodes - 1)) % nodes;
            arcs[a] = new int[] {from, to, random.nextInt(3), random.nextInt(7) - 3};
        }
        long[] supply = new long[nodes];
        for (int k = random.nextInt(4); k > 0; k--) {
            supply[random.nextInt(nodes)]++;
            supply[random.nextInt(nodes)]--;
        }
        return new Network(nodes, arcs, supply);
    }

    /**
     * Every integer flow within the capacities that meets the supplies, tried: the least (cost, tie cost)
     * in that order, and the flows that reach it. Arc {@code a}'s tie cost is
     * {@link MinCostFlow#tieCost}({@code a}), as arcs are added in order.
     */
    private static final class BruteForce {
        private final Network net;
        private final long[] flow;
        private long[] best;
        private long bestCost;
        private long bestTie;
        private int optima;

        BruteForce(Network net) {
            this.net = net;
            flow = new long[net.arcs().length];
            walk(0, new long[net.nodes()], 0, 0);
        }

        private void walk(int arc, long[] balance, long cost, long tie) {
            if (arc == flow.length) {
                if (!Arrays.equals(balance, net.supply())) {
                    return;
                }
                int c = best == null ? -1 : cost != bestCost ? Long.compare(cost, bestCost) : Long.compare(tie, bestTie);
                if (c < 0) {
                    best = flow.clone();
                    bestCost = cost;
                    bestTie = tie;
                    optima = 1;
                } else if (c == 0) {
                    optima++;
                }
                return;
            }
            int[] a = net.arcs()[arc];
            for (int x = 0; x <= a[2]; x++) {
                flow[arc] = x;
                balance[a[0]] += x;
                balance[a[1]] -= x;
                walk(arc + 1, balance, cost + (long) x * a[3], tie + x * MinCostFlow.tieCost(arc));
                balance[a[0]] -= x;
                balance[a[1]] += x;
            }
            flow[arc] = 0;
        }
    }

    @Test
    void randomNetworksWithNegativeCostsCyclesAndTiesGetTheLeastCostOfEveryFlowTriedAndTheOneFlowOfLeastTieCost() {
        // 10,000 networks: costs from -3 to 3 on up to 7 arcs of capacity 0 to 2 make many equally cheap flows and negative
        // cycles (the simplex routes flow round them up to their capacity). The flow returned must meet
        // every supply within the capacities at the least cost found by trying every integer flow, and of
        // the flows of that cost it must be the one of least tie cost: the only one, so the result does not
        // depend on the order in which the simplex meets the arcs. A network no flow satisfies is refused.
        Random random = new Random(13);
        int infeasible = 0;
        int tied = 0;
        for (int trial = 0; trial < 10_000; trial++) {
            Network net = randomNetwork(random);
            BruteForce brute = new BruteForce(net);
            MinCostFlow f = new MinCostFlow(net.nodes(), net.arcs().length);
            int[] ids = load(f, net);
            if (brute.best == null) {
                infeasible++;
                assertThrows(IllegalStateException.class, f::run, () -> "infeasible network " + net);
                continue;
            }
            f.run();
            long[] balance = new long[net.nodes()];
            long[] flow = new long[ids.length];
            long total = 0;
            for (int a = 0; a < ids.length; a++) {
                flow[a] = f.flow(ids[a]);
                int[] arc = net.arcs()[a];
                assertTrue(flow[a] >= 0 && flow[a] <= arc[2], "flow within the capacity");
                balance[arc[0]] += flow[a];
                balance[arc[1]] -= flow[a];
                total += flow[a] * arc[3];
            }
            assertArrayEquals(net.supply(), balance, "every supply met");
            assertEquals(brute.bestCost, total);
            assertEquals(brute.bestCost, f.totalCost());
            assertEquals(1, brute.optima, "one flow of least tie cost");
            assertArrayEquals(brute.best, flow, () -> "the flow of least tie cost on " + Arrays.deepToString(net.arcs()));
            if (equallyCheapFlows(net, brute.bestCost) > 1) {
                tied++;
            }
        }
        assertTrue(infeasible > 200 && infeasible < 8_000, "both feasible and infeasible networks drawn: " + infeasible);
        assertTrue(tied > 400, "many networks with several flows of the least cost: " + tied);
    }

    @Test
    void aRerunAfterCostChangesReturnsTheOneFlowOfLeastCostAndTieCostUnderTheNewCosts() {
        // The maintenance pairing reuses the initial pairing's network with other costs on some arcs: solving
        // again from the last optimal tree must give exactly the flow every flow tried says is the optimum
        // under the new costs (the least cost, then the least tie cost), on every arc.
        Random random = new Random(17);
        int rerun = 0;
        for (int trial = 0; trial < 5_000; trial++) {
            Network net = randomNetwork(random);
            if (new BruteForce(net).best == null) {
                continue;
            }
            MinCostFlow f = new MinCostFlow(net.nodes(), net.arcs().length);
            int[] ids = load(f, net);
            f.run();
            int[][] changed = new int[ids.length][];
            for (int a = 0; a < ids.length; a++) {
                changed[a] = net.arcs()[a].clone();
                if (random.nextBoolean()) {
                    changed[a][3] = random.nextInt(9) - 4;
                    f.setCost(ids[a], changed[a][3]);
                }
            }
            Network after = new Network(net.nodes(), changed, net.supply());
            BruteForce brute = new BruteForce(after);
            f.rerun();
            long[] flow = new long[ids.length];
            for (int a = 0; a < ids.length; a++) {
                flow[a] = f.flow(ids[a]);
            }
            assertEquals(1, brute.optima, "one flow of least tie cost");
            assertArrayEquals(brute.best, flow, () -> "after the change " + Arrays.deepToString(changed));
            assertEquals(brute.bestCost, f.totalCost());
            rerun++;
        }
        assertTrue(rerun > 1_000, "networks solved again: " + rerun);
    }

    @Test
    void aRerunBeforeAnyRunIsRefused() {
        MinCostFlow f = new MinCostFlow(2, 1);
        f.addArc(0, 1, 1, 1);
        assertThrows(IllegalStateException.class, f::rerun);
    }

    /** How many integer flows meet the supplies at the given cost. */
    private static int equallyCheapFlows(Network net, long cost) {
        return countFlows(net, 0, new long[net.nodes()], 0, cost);
    }

    private static int countFlows(Network net, int arc, long[] balance, long cost, long target) {
        if (arc == net.arcs().length) {
            return cost == target && Arrays.equals(balance, net.supply()) ? 1 : 0;
        }
        int[] a = net.arcs()[arc];
        int count = 0;
        for (int x = 0; x <= a[2]; x++) {
            balance[a[0]] += x;
            balance[a[1]] -= x;
            count += countFlows(net, arc + 1, balance, cost + (long) x * a[3], target);
            balance[a[0]] -= x;
            balance[a[1]] += x;
        }
        return count;
    }

    @Test
    void aNegativeCycleOfUnboundedCapacityIsRefused() {
        MinCostFlow f = new MinCostFlow(2, 2);
        f.addArc(0, 1, MinCostFlow.INFINITE, -1);
        f.addArc(1, 0, MinCostFlow.INFINITE, 0);
        assertThrows(IllegalStateException.class, f::run);
    }

    @Test
    void onlyPairingsThatSaveSomethingAreMade() {
        long[][] flow = new long[2][2];
        long total = solve(new long[][] {{5, 3}, {-4, 7}}, flow);
        assertEquals(-4, total);
        assertEquals(1, flow[1][0]);
        assertEquals(0, flow[0][1]);
    }

    @Test
    void unbalancedSuppliesAreRefused() {
        MinCostFlow f = new MinCostFlow(2, 1);
        f.supply(0, 2);
        f.supply(1, -1);
        f.addArc(0, 1, 5, 1);
        assertThrows(IllegalStateException.class, f::run);
    }
}
