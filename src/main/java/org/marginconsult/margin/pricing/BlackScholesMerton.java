package org.marginconsult.margin.pricing;

import org.marginconsult.margin.OptionType;

/**
 * The generalised Black-Scholes-Merton formula with cost of carry b (Haug, The Complete Guide to Option
 * Pricing Formulas, 2nd ed., section 1.1.6), for European options:
 *
 * <pre>
 * d1 = (ln(S/K) + (b + s^2/2) T) / (s sqrt T),  d2 = d1 - s sqrt T
 * call = S e^((b-r)T) N(d1) - K e^(-rT) N(d2)
 * put  = K e^(-rT) N(-d2) - S e^((b-r)T) N(-d1)
 * </pre>
 *
 * with b = r for a stock without dividends (Black-Scholes 1973), b = r - q for a stock or index paying
 * a continuous yield q (Merton 1973), b = 0 for an option on a future (Black 1976). See {@link CarryModel}.
 *
 * <p>At or after expiry (T &lt;= 0) the value is the intrinsic value; with zero volatility it is the
 * discounted intrinsic value of the forward. Accurate to 1e-12 against the reference values of
 * docs/methodology/pricing.md (tested). Units: S and K in the same price units; T in years; r, b, s
 * as decimals per year; the value is per unit of underlying.
 */
public final class BlackScholesMerton {

    private BlackScholesMerton() {
    }

    /**
     * Price of a European option.
     *
     * @param type  call or put
     * @param spot  underlying price S (the future's price for Black-76)
     * @param strike strike K
     * @param t     time to expiry in years
     * @param r     continuously-compounded risk-free rate
     * @param b     cost of carry
     * @param sigma volatility
     * @return the option value per unit of underlying
     */
    public static double price(OptionType type, double spot, double strike, double t, double r, double b,
            double sigma) {
        return price(type == OptionType.CALL, spot, strike, t, r, b, sigma);
    }

    /**
     * Price of a European option.
     *
     * @param call  true for a call, false for a put
     * @param spot  underlying price S
     * @param strike strike K
     * @param t     time to expiry in years
     * @param r     risk-free rate
     * @param b     cost of carry
     * @param sigma volatility
     * @return the option value per unit of underlying
     */
    public static double price(boolean call, double spot, double strike, double t, double r, double b,
            double sigma) {
        if (t <= 0) {
            return call ? Math.max(spot - strike, 0) : Math.max(strike - spot, 0);
        }
        double carried = spot * Math.exp((b - r) * t);
        double discountedStrike = strike * Math.exp(-r * t);
        double sst = sigma * Math.sqrt(t);
        if (!(sst > 0)) {
            return call ? Math.max(carried - discountedStrike, 0) : Math.max(discountedStrike - carried, 0);
        }
        double d1 = (Math.log(spot / strike) + (b + 0.5 * sigma * sigma) * t) / sst;
        double d2 = d1 - sst;
        if (call) {
            return carried * NormalDistribution.cdf(d1) - discountedStrike * NormalDistribution.cdf(d2);
        }
        return discountedStrike * NormalDistribution.cdf(-d2) - carried * NormalDistribution.cdf(-d1);
    }

    /**
     * Delta: derivative of the price with respect to the underlying price.
     *
     * @return dV/dS per unit of underlying
     */
    public static double delta(boolean call, double spot, double strike, double t, double r, double b,
            double sigma) {
        if (t <= 0) {
            return call ? (spot > strike ? 1 : 0) : (spot < strike ? -1 : 0);
        }
        double sst = sigma * Math.sqrt(t);
        double carry = Math.exp((b - r) * t);
        if (!(sst > 0)) {
            double fwd = spot * carry - strike * Math.exp(-r * t);
            return call ? (fwd > 0 ? carry : 0) : (fwd < 0 ? -carry : 0);
        }
        double d1 = (Math.log(spot / strike) + (b + 0.5 * sigma * sigma) * t) / sst;
        return call ? carry * NormalDistribution.cdf(d1) : carry * (NormalDistribution.cdf(d1) - 1);
    }
}
