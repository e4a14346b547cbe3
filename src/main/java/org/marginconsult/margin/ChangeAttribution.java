package org.marginconsult.margin;

import java.math.BigDecimal;

/**
 * How a proposal's requirement differs from today's siloed requirement, split by cause. The parts add up:
 * {@code siloedTotal + gridChange + offsetChange + addOnChange + floorChange = proposalTotal}.
 *
 * @param siloedTotal   today's requirement (both accounts, each under its own methodology), scale 2
 * @param gridChange    change from margining on the proposal's grids without any offset or credit, and
 *                      without add-ons, minimums or floor, scale 2
 * @param offsetChange  change from the within-group offset factor and the inter-group credits (normally negative)
 * @param addOnChange   change from minimum charges and add-ons
 * @param floorChange   change from the floor (savings cap), non-negative
 * @param proposalTotal the proposal's requirement, scale 2
 */
public record ChangeAttribution(BigDecimal siloedTotal, BigDecimal gridChange, BigDecimal offsetChange,
        BigDecimal addOnChange, BigDecimal floorChange, BigDecimal proposalTotal) {
    /** Checks that the parts add up. */
    public ChangeAttribution {
        BigDecimal sum = siloedTotal.add(gridChange).add(offsetChange).add(addOnChange).add(floorChange);
        if (sum.compareTo(proposalTotal) != 0) {
            throw new IllegalArgumentException("attribution parts add up to " + sum + ", not " + proposalTotal);
        }
    }
}
