package org.marginconsult.margin.methodology.cross;

/**
 * A concentration add-on: a risk group whose gross exposure (sum of |quantity x multiplier x price|, the
 * underlying's price for options) exceeds {@code thresholdUsd} is charged {@code rate} times the excess.
 * Brokers apply such overlays on top of FINRA 4210(g) portfolio margin, and CCPs on top of SPAN; the
 * values are proposal parameters.
 *
 * @param thresholdUsd gross exposure below which nothing is added, USD
 * @param rate         share of the excess added, in [0, 1]; 0 switches the add-on off
 */
public record ConcentrationAddOn(double thresholdUsd, double rate) {
    /** No add-on. */
    public static final ConcentrationAddOn NONE = new ConcentrationAddOn(0, 0);

    /** Checks the threshold is not negative and the rate in [0, 1]. */
    public ConcentrationAddOn {
        if (!(thresholdUsd >= 0) || !(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("concentration threshold must not be negative and rate in [0, 1]");
        }
    }

    /**
     * The add-on for a group.
     *
     * @param grossExposure the group's gross exposure, USD
     * @return the add-on, USD
     */
    public double addOn(double grossExposure) {
        return rate * Math.max(0, grossExposure - thresholdUsd);
    }
}
