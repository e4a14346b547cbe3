package org.marginconsult.margin.methodology.strategy;

import java.util.List;

/**
 * Everything a securities account holds on one underlying, netted: the stock (if any) and the option
 * series, in canonical order. The unit the pairing works on: the strategies of Regulation T, FINRA Rule
 * 4210(f)(2) and Cboe Rule 10.3 (covered calls, spreads, straddles, butterflies...) are all on one
 * underlying.
 *
 * @param underlying the underlying symbol
 * @param stock      the netted stock or ETF leg, or null
 * @param options    the netted option legs (non-zero), sorted by {@link LegOrder#LEGS}
 */
public record UnderlyingBook(String underlying, Leg stock, List<Leg> options) {
    /** Copies the option list. */
    public UnderlyingBook {
        options = List.copyOf(options);
    }
}
