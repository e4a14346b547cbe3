package org.marginconsult.margin.scenario;

/** How a scenario's volatility shift applies to an option's implied volatility. */
public enum VolShiftKind {
    /** sigma' = sigma + shift (vol points as decimals: 0.04 = 4 vol points). */
    ABSOLUTE,
    /** sigma' = sigma x (1 + shift) (0.25 = vol up by a quarter). */
    RELATIVE;

    /**
     * The shifted volatility, floored at zero.
     *
     * @param sigma the implied volatility
     * @param shift the scenario's shift
     * @return the scenario volatility
     */
    public double apply(double sigma, double shift) {
        double shifted = this == ABSOLUTE ? sigma + shift : sigma * (1 + shift);
        return Math.max(shifted, 0.0);
    }
}
