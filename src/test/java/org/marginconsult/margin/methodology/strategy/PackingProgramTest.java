package org.marginconsult.margin.methodology.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PackingProgramTest {

    @Test
    void aButterflyTakingTwoContractsOfItsShortIsNotTakenHalfATime() {
        // Long 2 at 90, short 3 at 100, long 2 at 110: a butterfly takes 1 + 2 + 1 contracts, so the relaxation
        // holds 1.5 butterflies (3 shorts) and the integer optimum 1, plus one spread of the short left with a
        // long left: -$10 - $4 = -$14 (two butterflies would need 4 shorts).
        PackingProgram p = new PackingProgram(new long[] {2, 3, 2});
        p.addColumn(new int[] {0, 1, 2}, new int[] {1, 2, 1}, -10_000_000);
        p.addColumn(new int[] {0, 1}, new int[] {1, 1}, -4_000_000);
        assertTrue(p.solve(1_000));
        assertEquals(-14_000_000, p.bestValue);
        assertEquals(-14_000_000, p.lowerBound);
        assertEquals(1, p.best[0]);
        assertEquals(1, p.best[1]);
    }

    @Test
    void onTwentyThousandRandomSmallProgramsTheOptimumIsTheEnumeratedOneAndTheBoundNeverAboveIt() {
        Random random = new Random(20261121L);
        for (int t = 0; t < 20_000; t++) {
            int rows = 1 + random.nextInt(4);
            long[] cap = new long[rows];
            for (int r = 0; r < rows; r++) {
                cap[r] = random.nextInt(7);
            }
            PackingProgram p = new PackingProgram(cap);
            int columns = 1 + random.nextInt(6);
            for (int k = 0; k < columns; k++) {
                int a = random.nextInt(rows);
                int b = random.nextInt(rows);
                int[] row = a == b ? new int[] {a} : new int[] {a, b};
                int[] coef = a == b ? new int[] {1 + random.nextInt(2)} : new int[] {1 + random.nextInt(2), 1};
                // Costs in whole cents (10,000 micro-dollars), as strategies are priced: above the slack.
                p.addColumn(row, coef, 10_000L * (random.nextInt(5) == 0 ? random.nextInt(50) : -1 - random.nextInt(1_000)));
            }
            long optimum = enumerate(p, cap, new long[columns], 0);
            boolean proven = p.solve(10_000);
            String what = "program " + t;
            assertTrue(proven, what + ": optimum " + optimum + ", bound " + p.lowerBound);
            assertEquals(optimum, p.bestValue, what);
            assertEquals(optimum, p.lowerBound, what);
            long[] used = new long[rows];
            long value = 0;
            for (int k = 0; k < columns; k++) {
                for (int j = 0; j < p.rowsOf(k).length; j++) {
                    used[p.rowsOf(k)[j]] += p.coefsOf(k)[j] * p.best[k];
                }
                value += p.cost(k) * p.best[k];
            }
            for (int r = 0; r < rows; r++) {
                assertTrue(used[r] <= cap[r], what + ": row " + r + " over its capacity");
            }
            assertEquals(optimum, value, what);
        }
    }

    @Test
    void aProgramStoppedAtItsNodeLimitReportsABoundAtOrBelowItsOptimum() {
        Random random = new Random(5L);
        for (int t = 0; t < 2_000; t++) {
            long[] cap = {3 + random.nextInt(5), 3 + random.nextInt(5), 3 + random.nextInt(5)};
            PackingProgram p = new PackingProgram(cap);
            for (int k = 0; k < 6; k++) {
                int a = random.nextInt(3);
                int b = (a + 1 + random.nextInt(2)) % 3;
                p.addColumn(new int[] {a, b}, new int[] {1 + random.nextInt(2), 1 + random.nextInt(2)},
                        -10_000L * (1 + random.nextInt(1_000)));
            }
            long optimum = enumerate(p, cap, new long[6], 0);
            p.solve(1);
            assertTrue(p.lowerBound <= optimum, "program " + t);
            assertTrue(p.bestValue >= optimum, "program " + t);
        }
    }

    /** The least value over every integer point, by enumeration. */
    private static long enumerate(PackingProgram p, long[] left, long[] point, int k) {
        if (k == point.length) {
            long v = 0;
            for (int c = 0; c < point.length; c++) {
                v += p.cost(c) * point[c];
            }
            return v;
        }
        long best = Long.MAX_VALUE;
        for (long units = 0;; units++) {
            boolean fits = true;
            for (int j = 0; j < p.rowsOf(k).length; j++) {
                fits &= p.coefsOf(k)[j] * units <= left[p.rowsOf(k)[j]];
            }
            if (!fits) {
                break;
            }
            for (int j = 0; j < p.rowsOf(k).length; j++) {
                left[p.rowsOf(k)[j]] -= p.coefsOf(k)[j] * units;
            }
            point[k] = units;
            best = Math.min(best, enumerate(p, left, point, k + 1));
            for (int j = 0; j < p.rowsOf(k).length; j++) {
                left[p.rowsOf(k)[j]] += p.coefsOf(k)[j] * units;
            }
        }
        point[k] = 0;
        return best;
    }
}
