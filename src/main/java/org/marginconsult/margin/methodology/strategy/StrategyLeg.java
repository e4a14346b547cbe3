package org.marginconsult.margin.methodology.strategy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A part of a {@link Leg} used in one {@link Strategy}: the leg and the signed quantity of it that the
 * strategy holds (negative = short), as the strategy-based rules (Cboe Rule 10.3, FINRA Rule 4210(f)(2))
 * pair contracts one for one (or, for a butterfly's body, two for one). Immutable.
 *
 * @param leg      the netted holding
 * @param quantity signed shares or contracts of it in the strategy
 */
public record StrategyLeg(Leg leg, BigDecimal quantity) {
    /** Both parts are required and the quantity has the leg's sign. */
    public StrategyLeg {
        Objects.requireNonNull(leg, "leg");
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() == 0 || quantity.signum() != leg.quantity().signum()) {
            throw new IllegalArgumentException("a strategy holds part of a leg, on the leg's side: " + quantity);
        }
    }

    /**
     * A part of an option leg.
     *
     * @param leg       the leg
     * @param contracts unsigned number of contracts; the sign is the leg's
     * @return the part
     */
    static StrategyLeg contracts(Leg leg, long contracts) {
        return new StrategyLeg(leg, BigDecimal.valueOf(leg.isShort() ? -contracts : contracts));
    }
}
