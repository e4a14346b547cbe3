package org.marginconsult.margin.methodology.strategy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One strategy the pairing chose: its kind, the parts of legs it holds, and its requirements as the
 * rule states them, exact (unrounded) in USD. Immutable.
 *
 * <p>{@code initial} (Regulation T) and {@code maintenance} (FINRA Rule 4210) include the cost of long
 * options and the premium of short options where the rule's formula does; {@code saleProceeds} is the
 * part of the short sales' proceeds (option premiums, short stock value) that may be applied against
 * them. It is shown beside the requirement and never subtracted from it.
 *
 * @param kind         the strategy
 * @param legs         the parts of legs it holds, shorts and longs
 * @param initial      initial requirement, exact USD
 * @param maintenance  maintenance requirement, exact USD
 * @param saleProceeds proceeds of its short sales that may be applied, exact USD
 * @param explanation  the arithmetic in words, with the rule
 */
public record Strategy(StrategyKind kind, List<StrategyLeg> legs, BigDecimal initial, BigDecimal maintenance,
        BigDecimal saleProceeds, String explanation) {

    /** All parts are required; amounts are not negative. */
    public Strategy {
        Objects.requireNonNull(kind, "kind");
        legs = List.copyOf(legs);
        Objects.requireNonNull(explanation, "explanation");
        for (BigDecimal a : new BigDecimal[] {initial, maintenance, saleProceeds}) {
            Objects.requireNonNull(a, "amount");
            if (a.signum() < 0) {
                throw new IllegalArgumentException("a strategy's amounts are not negative: " + a);
            }
        }
    }

    /** The underlying of the strategy's legs. */
    public String underlying() {
        return legs.get(0).leg().underlying();
    }

    /** The ids of the positions behind the strategy's legs, in leg order. */
    public List<String> positionIds() {
        return legs.stream().flatMap(l -> l.leg().positionIds().stream()).distinct().toList();
    }
}
