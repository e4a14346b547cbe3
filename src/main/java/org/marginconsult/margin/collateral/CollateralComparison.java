package org.marginconsult.margin.collateral;

import java.math.BigDecimal;

/**
 * Collateral value today (each item under its account's schedule) versus under a proposal (one
 * harmonised schedule).
 *
 * @param today    today's values
 * @param proposal the proposal's values
 */
public record CollateralComparison(CollateralReport today, CollateralReport proposal) {
    /** Change in collateral value from today to the proposal (positive = more collateral counts). */
    public BigDecimal change() {
        return proposal.collateralValue().subtract(today.collateralValue());
    }
}
