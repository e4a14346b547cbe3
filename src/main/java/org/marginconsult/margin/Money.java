package org.marginconsult.margin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where amounts are rounded: HALF_UP to the cent, once, at the end.
 *
 * <p>Methodologies compute in double (scenario kernels) or exact {@link BigDecimal}; a result's total is
 * the exact sum of its parts rounded once. Each part is then rounded on its own, and the residue (the
 * total minus the sum of the rounded parts: at most half a cent per part) is given back one cent at a
 * time to the parts whose own rounding moved them furthest in the other direction (largest remainder
 * method; ties go to the earlier part). So every part is within one cent of its exact value and the
 * parts add up to the total exactly.
 */
public final class Money {

    /** Zero with scale 2. */
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private static final BigDecimal CENT = new BigDecimal("0.01");

    /**
     * What a user is told when a figure of a portfolio whose every position is within range still passes what
     * the engine holds exactly (cents and micro-dollars in {@code long}s), which only a portfolio of many
     * positions near the largest allowed reaches ({@link ArithmeticException} from an exact conversion).
     */
    public static final String AMOUNTS_TOO_LARGE = "The portfolio's amounts are too large to be computed to the cent:"
            + " a figure passes the largest amount the engine holds exactly. Check quantities, multipliers and"
            + " prices for unit mistakes (prices in cents, face value as quantity).";

    private Money() {
    }

    /**
     * Rounds HALF_UP to the cent.
     *
     * @param exact the exact amount
     * @return scale-2 amount
     */
    public static BigDecimal cents(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Rounds a double HALF_UP to the cent, from its decimal value as {@link #exact(double)} defines it.
     *
     * @param exact the amount
     * @return scale-2 amount
     * @throws IllegalArgumentException if not finite
     */
    public static BigDecimal cents(double exact) {
        return cents(exact(exact));
    }

    /**
     * Cents of an amount computed in double, as a long: always equal to {@code cents(exact(value))}, computed
     * in double arithmetic unless the amount is within rounding error of a half cent (then exactly).
     *
     * @param value a finite double
     * @return the amount in cents, rounded HALF_UP
     */
    public static long centsOf(double value) {
        double r = value * 100;
        double magnitude = Math.abs(r);
        if (magnitude < 1e15) {
            double floor = Math.floor(r);
            double fraction = r - floor;
            // r differs from 100 x the decimal value by at most about 2.2e-16 x |r| (two roundings).
            if (Math.abs(fraction - 0.5) > 1e-15 * magnitude + 1e-12) {
                return (long) (fraction > 0.5 ? floor + 1 : floor);
            }
        }
        return cents(exact(value)).movePointRight(2).longValueExact();
    }

    /**
     * The decimal value of an amount computed in double: the shortest decimal that identifies the double
     * ({@link Double#toString(double)}, as {@link BigDecimal#valueOf(double)}). That is the value the
     * computation meant (590000 x 0.08 is 47200.000000000004 in binary, never 47199.99...), and within
     * one unit in the last place of the binary value, far below a cent for any amount of money.
     *
     * @param value a finite double
     * @return its decimal value
     */
    public static BigDecimal exact(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("amount is not finite: " + value);
        }
        return BigDecimal.valueOf(value);
    }

    /**
     * Rounds parts to the cent so that they add up exactly to their exact sum rounded once.
     *
     * @param exactParts the parts, exact
     * @return rounded parts in the same order, adding up to {@code cents(sum(exactParts))}
     */
    public static List<BigDecimal> allocate(List<BigDecimal> exactParts) {
        BigDecimal exactTotal = BigDecimal.ZERO;
        for (BigDecimal p : exactParts) {
            exactTotal = exactTotal.add(p);
        }
        return allocate(cents(exactTotal), exactParts);
    }

    /**
     * Rounds parts to the cent so that they add up exactly to {@code total}.
     *
     * @param total      the scale-2 total the parts must add up to (within half a cent per part of their exact sum)
     * @param exactParts the parts, exact
     * @return rounded parts in the same order
     */
    public static List<BigDecimal> allocate(BigDecimal total, List<BigDecimal> exactParts) {
        List<BigDecimal> rounded = new ArrayList<>(exactParts.size());
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal p : exactParts) {
            BigDecimal r = cents(p);
            rounded.add(r);
            sum = sum.add(r);
        }
        int residueCents = total.subtract(sum).movePointRight(2).intValueExact();
        if (residueCents == 0) {
            return rounded;
        }
        if (exactParts.isEmpty() || Math.abs(residueCents) > exactParts.size()) {
            throw new IllegalArgumentException("total " + total + " is not the rounded sum of the parts");
        }
        int direction = Integer.signum(residueCents);
        int n = exactParts.size();
        // A part whose exact value is above its rounded value (positive remainder) is the first to take an
        // extra cent; one below it is the first to give one back. Ties go to the earlier part.
        double[] remainder = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            remainder[i] = exactParts.get(i).subtract(rounded.get(i)).doubleValue() * direction;
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Double.compare(remainder[b], remainder[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        BigDecimal step = CENT.multiply(BigDecimal.valueOf(direction));
        for (int k = 0; k < Math.abs(residueCents); k++) {
            int i = order[k];
            rounded.set(i, rounded.get(i).add(step));
        }
        return rounded;
    }
}
