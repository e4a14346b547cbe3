package org.marginconsult.margin.methodology.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Least cost over every integer flow within the capacities that meets the supplies, or null if none does. */
    private static Long bruteForce(Network net, int arc, long[] balance) {
        if (arc == net.arcs().length) {
            for (int v = 0; v < net.nodes(); v++) {
                if (balance[v] != net.supply()[v]) {
                    return null;
                }
            }
            return 0L;
        }
        int[] a = net.arcs()[arc];
        Long best = null;
        for (int x = 0; x <= a[2]; x++) {
            balance[a[0]] += x;
            balance[a[1]] -= x;
            Long rest = bruteForce(net, arc + 1, balance);
            balance[a[0]] -= x;
            balance[a[1]] += x;
            if (rest != null && (best == null || rest + (long) x * a[3] < best)) {
                best = rest + (long) x * a[3];
            }
        }
        return best;
    }

    @Test
    void randomNetworksWithNegativeCostsCyclesAndTiesGetTheLeastCostOfEveryFlowTried() {
        // Costs from -3 to 3 on up to 7 arcs of capacity 0 to 2 make many equally cheap flows and negative
        // cycles (the simplex routes flow round them up to their capacity); the flow returned must meet
        // every supply within the capacities at the least cost found by trying every integer flow, and a
        // network that no flow satisfies must be refused.
        Random random = new Random(13);
        int infeasible = 0;
        for (int trial = 0; trial < 5_000; trial++) {
            Network net = randomNetwork(random);
            Long least = bruteForce(net, 0, new long[net.nodes()]);
            MinCostFlow f = new MinCostFlow(net.nodes(), net.arcs().length);
            for (int v = 0; v < net.nodes(); v++) {
                f.supply(v, net.supply()[v]);
            }
            int[] ids = new int[net.arcs().length];
            for (int a = 0; a < ids.length; a++) {
                int[] arc = net.arcs()[a];
                ids[a] = f.addArc(arc[0], arc[1], arc[2], arc[3]);
            }
            if (least == null) {
                infeasible++;
                assertThrows(IllegalStateException.class, f::run, () -> "infeasible network " + net);
                continue;
            }
            f.run();
            long[] balance = new long[net.nodes()];
            long total = 0;
            for (int a = 0; a < ids.length; a++) {
                long x = f.flow(ids[a]);
                int[] arc = net.arcs()[a];
                assertTrue(x >= 0 && x <= arc[2], "flow within the capacity");
                balance[arc[0]] += x;
                balance[arc[1]] -= x;
                total += x * arc[3];
            }
            assertArrayEquals(net.supply(), balance, "every supply met");
            assertEquals(least, total);
            assertEquals(least, f.totalCost());
        }
        assertTrue(infeasible > 100 && infeasible < 4_000, "both feasible and infeasible networks drawn: " + infeasible);
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
