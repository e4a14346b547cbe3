package org.marginconsult.margin.pricing;

import org.marginconsult.margin.InstrumentType;

/**
 * Which cost of carry b a listed option is priced with in {@link BlackScholesMerton}: options on stocks,
 * ETFs and indices carry b = r - q (q the underlying's dividend yield from reference data; q = 0 gives
 * Black-Scholes b = r), options on futures (including CFTC crypto options, which are on futures) carry
 * b = 0 (Black-76).
 */
public enum CarryModel {
    /** b = r - q: stock, ETF or index paying a continuous yield q. */
    UNDERLYING_WITH_YIELD,
    /** b = 0: Black-76 for options on futures. */
    FUTURE;

    /**
     * The carry model of an option type.
     *
     * @param type an option instrument type
     * @return its carry model
     */
    public static CarryModel of(InstrumentType type) {
        return type.isOptionOnFuture() ? FUTURE : UNDERLYING_WITH_YIELD;
    }

    /**
     * The cost of carry.
     *
     * @param r             risk-free rate
     * @param dividendYield the underlying's continuous yield
     * @return b
     */
    public double costOfCarry(double r, double dividendYield) {
        return this == FUTURE ? 0.0 : r - dividendYield;
    }
}
