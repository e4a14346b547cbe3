package org.marginconsult.margin.pricing;

/**
 * The scenario revaluation kernel: values one European option (generalised Black-Scholes-Merton, as
 * {@link BlackScholesMerton}) at many underlying prices S x g_j, in double, fast.
 *
 * <p>Across a scenario grid only the underlying moves (for a given volatility and time), so everything
 * else is computed once per call: sigma sqrt T, the discount factor on the strike, the carry factor on
 * the spot and the moneyness part of d1. The log of each growth factor g_j is shared by every option on
 * the same grid, so the caller computes it once per grid ({@link #logs(double[])}). Each value then
 * costs two normal CDF evaluations and a few multiplications.
 *
 * <p>Used by the portfolio margin, SPAN and cross-margin scans; see docs/performance.md for throughput.
 */
public final class ScenarioKernel {

    private ScenarioKernel() {
    }

    /**
     * Natural logs of growth factors, computed once per grid.
     *
     * @param growth positive factors (1 + relative move)
     * @return their logs
     */
    public static double[] logs(double[] growth) {
        double[] out = new double[growth.length];
        for (int j = 0; j < growth.length; j++) {
            if (!(growth[j] > 0)) {
                throw new IllegalArgumentException("a scenario price must stay positive: growth factor " + growth[j]);
            }
            out[j] = Math.log(growth[j]);
        }
        return out;
    }

    /**
     * Values of one option per unit of underlying at spot x growth[j], for every j.
     *
     * @param call      true for a call
     * @param spot      today's underlying price S
     * @param strike    strike K
     * @param t         time to expiry in years at the scenario (after any decay)
     * @param r         risk-free rate
     * @param b         cost of carry
     * @param sigma     volatility in the scenario
     * @param growth    scenario growth factors g_j (1 + move)
     * @param logGrowth ln g_j, from {@link #logs(double[])}
     * @param out       receives the values; at least {@code growth.length} long
     */
    public static void optionValues(boolean call, double spot, double strike, double t, double r, double b,
            double sigma, double[] growth, double[] logGrowth, double[] out) {
        int n = growth.length;
        if (t <= 0) {
            for (int j = 0; j < n; j++) {
                double s = spot * growth[j];
                out[j] = call ? Math.max(s - strike, 0) : Math.max(strike - s, 0);
            }
            return;
        }
        double carried = spot * Math.exp((b - r) * t);
        double discountedStrike = strike * Math.exp(-r * t);
        double sst = sigma * Math.sqrt(t);
        if (!(sst > 0)) {
            for (int j = 0; j < n; j++) {
                double fwd = carried * growth[j] - discountedStrike;
                out[j] = call ? Math.max(fwd, 0) : Math.max(-fwd, 0);
            }
            return;
        }
        double inv = 1.0 / sst;
        double d1Base = (Math.log(spot / strike) + (b + 0.5 * sigma * sigma) * t) * inv;
        if (call) {
            for (int j = 0; j < n; j++) {
                double d1 = d1Base + logGrowth[j] * inv;
                out[j] = carried * growth[j] * NormalDistribution.cdf(d1)
                        - discountedStrike * NormalDistribution.cdf(d1 - sst);
            }
        } else {
            for (int j = 0; j < n; j++) {
                double d1 = d1Base + logGrowth[j] * inv;
                out[j] = discountedStrike * NormalDistribution.cdf(sst - d1)
                        - carried * growth[j] * NormalDistribution.cdf(-d1);
            }
        }
    }
}
