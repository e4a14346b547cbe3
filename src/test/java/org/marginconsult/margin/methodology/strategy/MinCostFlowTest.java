package org.marginconsult.margin.methodology.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
