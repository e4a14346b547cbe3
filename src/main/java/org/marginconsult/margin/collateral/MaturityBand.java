package org.marginconsult.margin.collateral;

/**
 * One band of a Treasury haircut ladder: remaining maturities below {@code maxMonths} (and at or above
 * the previous band's bound) are haircut at {@code haircut}.
 *
 * @param maxMonths exclusive upper bound in months; {@link Integer#MAX_VALUE} for the last band
 * @param haircut   haircut as a decimal (0.03 = 3%)
 */
public record MaturityBand(int maxMonths, double haircut) {
    /** Checks the bound is positive and the haircut in [0, 1]. */
    public MaturityBand {
        if (maxMonths <= 0 || !(haircut >= 0 && haircut <= 1)) {
            throw new IllegalArgumentException("band needs a positive bound and a haircut in [0, 1]");
        }
    }
}
