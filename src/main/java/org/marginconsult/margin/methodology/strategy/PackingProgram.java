package org.marginconsult.margin.methodology.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small integer packing program solved exactly by branch and bound: minimise c.v subject to A v &lt;= b,
 * v &gt;= 0 integer, with A's entries small non-negative integers (how many contracts of a leg one unit of
 * a strategy takes) and c integer micro-dollars (only columns of negative cost matter: a unit of cost zero
 * or more is never needed, the legs can stay as they are).
 *
 * <p>Each node's linear relaxation is solved by a dense simplex in floating point, but the bound a node is
 * closed by never relies on it: from the relaxation's row duals y (clamped at zero) the node's bound is
 * the Lagrangian value -b.y + sum_k min(0, c_k + A_k.y) h_k (h_k the column's largest value at the node),
 * a lower bound on every integer point of the node for any y &gt;= 0, evaluated in floating point and
 * lowered by a margin far above its error. Integer values are whole micro-dollars, so a node whose bound is
 * above the best value found less one is closed; a node within {@link #SLACK} of it is closed too, its bound
 * kept in {@link #lowerBound}. Branching is on a fractional column, v &lt;= floor or v &gt;= ceiling (larger
 * quantities cost no more depth than single contracts).
 *
 * <p>Not thread-safe.
 */
final class PackingProgram {

    private static final double EPS = 1e-9;

    /**
     * Nodes whose bound is within this many micro-dollars of the best value are closed without branching;
     * their bounds stay in {@link #lowerBound}, so it is never above what a closed node could hold.
     */
    static final long SLACK = 1_000;

    private final long[] capacity;
    private final List<int[]> rows = new ArrayList<>();
    private final List<int[]> coefs = new ArrayList<>();
    private long[] cost = new long[16];

    /** The best integer point found by the last {@link #solve}. */
    long[] best;
    /** Its value. */
    long bestValue;
    /** A lower bound on every integer point, proven by the last {@link #solve}: equal to {@link #bestValue} when proven. */
    long lowerBound;
    /** Nodes visited by the last {@link #solve}. */
    int nodes;

    /** The row duals (micro-dollars per unit) of the last {@link #solve}'s root relaxation, at least zero. */
    double[] rootDuals;

    private int nodeLimit;
    private double openBound;

    PackingProgram(long[] capacity) {
        this.capacity = capacity.clone();
    }

    int columns() {
        return rows.size();
    }

    /** Adds a column taking {@code coef[j]} units of row {@code row[j]} per unit, at {@code c} per unit. */
    int addColumn(int[] row, int[] coef, long c) {
        int k = rows.size();
        rows.add(row);
        coefs.add(coef);
        if (k == cost.length) {
            cost = Arrays.copyOf(cost, 2 * k);
        }
        cost[k] = c;
        return k;
    }

    /** Sets row {@code row}'s capacity for the next {@link #solve}. */
    void setCapacity(int row, long c) {
        capacity[row] = c;
    }

    void setCost(int column, long c) {
        cost[column] = c;
    }

    long cost(int column) {
        return cost[column];
    }

    int[] rowsOf(int column) {
        return rows.get(column);
    }

    int[] coefsOf(int column) {
        return coefs.get(column);
    }

    /**
     * Solves the program (capacities as given at construction, costs as set now).
     *
     * @param limit nodes to visit at most; when reached, {@link #lowerBound} is the least bound left open
     * @return whether the best point found is proven optimal
     */
    boolean solve(int limit) {
        int n = rows.size();
        nodeLimit = limit;
        nodes = 0;
        best = new long[n];
        bestValue = 0;
        openBound = Double.POSITIVE_INFINITY;
        long[] lo = new long[n];
        long[] hi = new long[n];
        for (int k = 0; k < n; k++) {
            hi[k] = cost[k] < 0 ? natural(k, capacity) : 0;
        }
        node(lo, hi, capacity.clone());
        long open = openBound == Double.POSITIVE_INFINITY ? Long.MAX_VALUE : (long) Math.ceil(openBound);
        lowerBound = Math.min(bestValue, open);
        return lowerBound >= bestValue;
    }

    /** The largest value the rows alone allow column k in the relaxation (a fraction when a coefficient is 2). */
    private double implied(int k, long[] b) {
        double h = Double.POSITIVE_INFINITY;
        int[] r = rows.get(k);
        int[] a = coefs.get(k);
        for (int j = 0; j < r.length; j++) {
            h = Math.min(h, (double) b[r[j]] / a[j]);
        }
        return h;
    }

    private long natural(int k, long[] b) {
        long h = Long.MAX_VALUE;
        int[] r = rows.get(k);
        int[] a = coefs.get(k);
        for (int j = 0; j < r.length; j++) {
            h = Math.min(h, b[r[j]] / a[j]);
        }
        return Math.max(0, h);
    }

    private void node(long[] lo, long[] hi, long[] rhs) {
        int n = lo.length;
        // rhs is b - A lo, already checked non-negative; fixed part of the value:
        long fixed = 0;
        for (int k = 0; k < n; k++) {
            fixed += cost[k] * lo[k];
        }
        long[] h = new long[n];
        for (int k = 0; k < n; k++) {
            h[k] = cost[k] < 0 ? Math.min(hi[k] - lo[k], natural(k, rhs)) : 0;
        }
        Relaxation lp = new Relaxation(h, rhs);
        // The bound less a margin for its floating-point evaluation: relative error about n x 1e-16 of the
        // terms added up, so 1e-11 of the value (and a millionth of a micro-dollar) is far above it.
        double bound = fixed + lp.bound - (1e-6 + 1e-11 * Math.abs(fixed + lp.bound));
        if (nodes == 0) {
            rootDuals = lp.y;
        }
        if (nodes++ >= nodeLimit) {
            openBound = Math.min(openBound, bound);
            return;
        }
        // Rounded down, the relaxation's point is feasible (A >= 0): a candidate; then fill greedily.
        long[] point = new long[n];
        long[] left = rhs.clone();
        long value = fixed;
        for (int k = 0; k < n; k++) {
            point[k] = Math.min(h[k], (long) Math.floor(lp.x[k] + 1e-7));
            take(k, point[k], left);
            value += cost[k] * point[k];
        }
        for (long l : left) {
            if (l < 0) {
                // The relaxation's point, rounded, is not feasible (rounding in the simplex): start from nothing.
                Arrays.fill(point, 0);
                left = rhs.clone();
                value = fixed;
                break;
            }
        }
        for (int k = 0; k < n; k++) {
            if (h[k] > point[k]) {
                long more = Math.min(h[k] - point[k], natural(k, left));
                if (more > 0) {
                    point[k] += more;
                    take(k, more, left);
                    value += cost[k] * more;
                }
            }
        }
        if (value < bestValue) {
            bestValue = value;
            for (int k = 0; k < n; k++) {
                best[k] = lo[k] + point[k];
            }
        }
        if (bound > bestValue - 1) {
            return;
        }
        if (bound > bestValue - SLACK) {
            // Within the slack of the best value: closed, its bound kept as a lower bound of what it holds.
            openBound = Math.min(openBound, bound);
            return;
        }
        int branch = -1;
        double most = 1e-6;
        for (int k = 0; k < n; k++) {
            double f = lp.x[k] - Math.floor(lp.x[k]);
            double frac = Math.min(f, 1 - f);
            if (frac > most) {
                most = frac;
                branch = k;
            }
        }
        if (branch < 0) {
            // The relaxation's point is integral (then it was the candidate): closed at its bound.
            openBound = Math.min(openBound, bound);
            return;
        }
        long down = (long) Math.floor(lp.x[branch]);
        // Up: v >= down + 1.
        long[] upLo = lo.clone();
        upLo[branch] = lo[branch] + down + 1;
        long[] upRhs = rhs.clone();
        if (take(branch, down + 1, upRhs)) {
            node(upLo, hi, upRhs);
        }
        long[] downHi = hi.clone();
        downHi[branch] = lo[branch] + down;
        node(lo, downHi, rhs);
    }

    /** Takes {@code units} of column k from {@code left}; false when that leaves a row negative. */
    private boolean take(int k, long units, long[] left) {
        int[] r = rows.get(k);
        int[] a = coefs.get(k);
        boolean ok = true;
        for (int j = 0; j < r.length; j++) {
            left[r[j]] -= a[j] * units;
            ok &= left[r[j]] >= 0;
        }
        return ok;
    }

    /**
     * The linear relaxation max -c.v, A v &lt;= rhs, 0 &lt;= v &lt;= h by a dense bounded simplex (upper
     * bounds as rows), and the Lagrangian bound from its row duals.
     */
    private final class Relaxation {
        final double[] x;
        final double[] y;
        final double bound;

        Relaxation(long[] h, long[] rhs) {
            int n = h.length;
            int m = rhs.length;
            int[] active = new int[n];
            int na = 0;
            for (int k = 0; k < n; k++) {
                if (h[k] > 0) {
                    active[na++] = k;
                }
            }
            // Rows: m leg rows, then one upper-bound row per active column whose h is below what its rows allow.
            int[] boundRow = new int[na];
            int extra = 0;
            for (int a = 0; a < na; a++) {
                int k = active[a];
                boundRow[a] = h[k] < implied(k, rhs) ? m + extra++ : -1;
            }
            int rowsTotal = m + extra;
            int width = na + rowsTotal + 1;
            double[][] t = new double[rowsTotal + 1][width];
            int[] basis = new int[rowsTotal];
            for (int i = 0; i < m; i++) {
                t[i][width - 1] = rhs[i];
            }
            for (int a = 0; a < na; a++) {
                int k = active[a];
                int[] r = rows.get(k);
                int[] co = coefs.get(k);
                for (int j = 0; j < r.length; j++) {
                    t[r[j]][a] = co[j];
                }
                if (boundRow[a] >= 0) {
                    t[boundRow[a]][a] = 1;
                    t[boundRow[a]][width - 1] = h[k];
                }
                t[rowsTotal][a] = cost[k] / 1e6; // objective row of max -c.v, in dollars: z + c.v = 0
            }
            for (int i = 0; i < rowsTotal; i++) {
                t[i][na + i] = 1;
                basis[i] = na + i;
            }
            int iterations = 0;
            // Pivots at most: a relaxation stopped early still gives valid duals (any y >= 0 bounds the node).
            int limit = 20 * rowsTotal + 100;
            while (iterations++ < limit) {
                boolean bland = iterations > 5 * rowsTotal + 50;
                int enter = -1;
                double most = -1e-12;
                for (int j = 0; j < width - 1; j++) {
                    double d = t[rowsTotal][j];
                    if (d < most) {
                        enter = j;
                        most = d;
                        if (bland) {
                            break;
                        }
                    }
                }
                if (enter < 0) {
                    break;
                }
                int leave = -1;
                double ratio = Double.POSITIVE_INFINITY;
                for (int i = 0; i < rowsTotal; i++) {
                    double a = t[i][enter];
                    if (a > EPS) {
                        double r = t[i][width - 1] / a;
                        if (r < ratio - 1e-12 || (r <= ratio + 1e-12 && leave >= 0 && basis[i] < basis[leave])) {
                            ratio = r;
                            leave = i;
                        }
                    }
                }
                if (leave < 0) {
                    break; // unbounded cannot happen (every active column is in a row); stop safely
                }
                double p = t[leave][enter];
                double[] pr = t[leave];
                for (int j = 0; j < width; j++) {
                    pr[j] /= p;
                }
                for (int i = 0; i <= rowsTotal; i++) {
                    if (i == leave) {
                        continue;
                    }
                    double f = t[i][enter];
                    if (f != 0) {
                        double[] ri = t[i];
                        for (int j = 0; j < width; j++) {
                            ri[j] -= f * pr[j];
                        }
                    }
                }
                basis[leave] = enter;
            }
            x = new double[n];
            for (int i = 0; i < rowsTotal; i++) {
                if (basis[i] < na) {
                    x[active[basis[i]]] = Math.max(0, t[i][width - 1]);
                }
            }
            // Row duals of the leg rows (dollars), clamped; the Lagrangian bound in micro-dollars.
            y = new double[m];
            for (int i = 0; i < m; i++) {
                y[i] = Math.max(0, t[rowsTotal][na + i]) * 1e6;
            }
            double value = 0;
            for (int i = 0; i < m; i++) {
                value -= rhs[i] * y[i];
            }
            for (int a = 0; a < na; a++) {
                int k = active[a];
                double reduced = cost[k];
                int[] r = rows.get(k);
                int[] co = coefs.get(k);
                for (int j = 0; j < r.length; j++) {
                    reduced += co[j] * y[r[j]];
                }
                if (reduced < 0) {
                    value += reduced * h[k];
                }
            }
            bound = value;
        }
    }
}
