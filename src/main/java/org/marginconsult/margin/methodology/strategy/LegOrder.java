package org.marginconsult.margin.methodology.strategy;

import java.util.Comparator;

/**
 * The canonical order of legs (underlying, kind, multiplier, expiry, strike): every tie the pairing
 * meets is broken in this order, never in the portfolio's, so results do not depend on position order.
 * Written out field by field (no key extractors): books of a million positions sort half a million
 * strategies by their legs.
 */
final class LegOrder {

    static final Comparator<Leg> LEGS = (x, y) -> {
        int c = x.underlying().compareTo(y.underlying());
        if (c == 0) {
            c = x.kind().compareTo(y.kind());
        }
        if (c == 0) {
            c = x.multiplier().compareTo(y.multiplier());
        }
        if (c == 0) {
            c = nullsFirst(x.expiry(), y.expiry());
        }
        return c != 0 ? c : nullsFirst(x.strike(), y.strike());
    };

    static final Comparator<StrategyLeg> STRATEGY_LEGS = (x, y) -> {
        int c = LEGS.compare(x.leg(), y.leg());
        return c != 0 ? c : x.quantity().compareTo(y.quantity());
    };

    private static <T extends Comparable<? super T>> int nullsFirst(T x, T y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        return x.compareTo(y);
    }

    private LegOrder() {
    }
}
