package org.marginconsult.margin.methodology.strategy;

/** What a {@link Leg} holds: the underlying stock or ETF itself, or one call or put series on it. */
public enum LegKind {
    /** Shares of the stock or ETF (12 CFR 220.12(a), (c); FINRA Rule 4210(c)). */
    STOCK,
    /** One listed call series (Cboe Rule 10.3; FINRA Rule 4210(f)(2)). */
    CALL,
    /** One listed put series (Cboe Rule 10.3; FINRA Rule 4210(f)(2)). */
    PUT
}
