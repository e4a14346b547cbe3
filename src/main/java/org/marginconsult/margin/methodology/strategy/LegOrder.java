package org.marginconsult.margin.methodology.strategy;

import java.util.Comparator;

/**
 * The canonical order of legs (underlying, kind, multiplier, expiry, strike): every tie the pairing
 * meets is broken in this order, never in the portfolio's, so results do not depend on position order.
 */
final class LegOrder {

    static final Comparator<Leg> LEGS = Comparator.comparing(Leg::underlying)
            .thenComparing(Leg::kind)
            .thenComparing(Leg::multiplier)
            .thenComparing(Leg::expiry, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Leg::strike, Comparator.nullsFirst(Comparator.naturalOrder()));

    static final Comparator<StrategyLeg> STRATEGY_LEGS = Comparator.comparing(StrategyLeg::leg, LEGS)
            .thenComparing(StrategyLeg::quantity);

    private LegOrder() {
    }
}
