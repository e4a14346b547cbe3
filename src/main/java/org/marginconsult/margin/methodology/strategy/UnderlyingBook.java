package org.marginconsult.margin.methodology.strategy;

import java.util.List;

/**
 * Everything a securities account holds on one underlying, netted: the stock (if any) and the option
 * series, in canonical order. The unit the pairing works on: strategies never span underlyings.
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
