package org.marginconsult.margin.scenario;

/**
 * One point of a scenario grid: a move of the driver (or underlying) price, a volatility shift, a yield
 * shift for rates, and the weight at which the resulting P&amp;L counts (1 normally; e.g. 0.35 for SPAN's
 * extreme moves).
 *
 * @param label        plain-words label, e.g. "up 2/3 range, vol down"
 * @param priceMove    relative price move of the driver, e.g. -0.15 for down 15%
 * @param volShift     volatility shift, absolute or relative as the grid's {@link VolShiftKind} says
 * @param yieldShiftBp yield shift in basis points for rates instruments (positive = yields up)
 * @param weight       weight applied to P&amp;L in this scenario, in (0, 1]
 */
public record Scenario(String label, double priceMove, double volShift, double yieldShiftBp, double weight) {
    /** Checks the move keeps prices positive and the weight is in (0, 1]. */
    public Scenario {
        if (!(priceMove > -1) || !Double.isFinite(priceMove) || !Double.isFinite(volShift)
                || !Double.isFinite(yieldShiftBp)) {
            throw new IllegalArgumentException("scenario " + label + ": moves must be finite and above -100%");
        }
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("scenario " + label + ": weight must be in (0, 1]");
        }
    }
}
