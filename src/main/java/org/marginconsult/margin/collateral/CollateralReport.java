package org.marginconsult.margin.collateral;

import java.math.BigDecimal;
import java.util.List;

/**
 * Collateral values of a set of items under one regime; the items add up to the totals to the cent.
 *
 * @param items           one value per item, in input order
 * @param marketValue     total market value, scale 2
 * @param collateralValue total collateral value, scale 2
 */
public record CollateralReport(List<CollateralValue> items, BigDecimal marketValue, BigDecimal collateralValue) {
    /** Copies the item list. */
    public CollateralReport {
        items = List.copyOf(items);
    }

    /** Total haircut: market value minus collateral value. */
    public BigDecimal haircutAmount() {
        return marketValue.subtract(collateralValue);
    }
}
