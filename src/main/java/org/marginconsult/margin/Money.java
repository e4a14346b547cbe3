package org.marginconsult.margin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
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
     * Rounds a double HALF_UP to the cent using its exact binary value.
     *
     * @param exact the amount
     * @return scale-2 amount
     * @throws IllegalArgumentException if not finite
     */
    public static BigDecimal cents(double exact) {
        return cents(exact(exact));
    }

    /**
     * The exact decimal value of a double.
     *
     * @param value a finite double
     * @return its exact value
     */
    public static BigDecimal exact(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("amount is not finite: " + value);
        }
        return new BigDecimal(value);
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
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < exactParts.size(); i++) {
            order.add(i);
        }
        // A part whose exact value is above its rounded value (positive remainder) is the first to take an
        // extra cent; one below it is the first to give one back.
        Comparator<Integer> byRemainder = Comparator.comparing(
                i -> exactParts.get(i).subtract(rounded.get(i)).multiply(BigDecimal.valueOf(direction)));
        order.sort(byRemainder.reversed().thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < Math.abs(residueCents); k++) {
            int i = order.get(k);
            rounded.set(i, rounded.get(i).add(CENT.multiply(BigDecimal.valueOf(direction))));
        }
        return rounded;
    }
}
