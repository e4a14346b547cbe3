package org.marginconsult.margin.collateral;

import java.math.BigDecimal;

import org.marginconsult.margin.Account;

/**
 * One item's collateral value under one schedule, in USD cents: {@code marketValue - haircutAmount =
 * collateralValue}.
 *
 * @param itemId          the item
 * @param heldIn          the account it is posted to
 * @param scheduleId      the schedule applied
 * @param haircut         the haircut rate (1 = not eligible)
 * @param marketValue     market value, scale 2
 * @param haircutAmount   amount not counted, scale 2
 * @param collateralValue amount counted as collateral, scale 2
 */
public record CollateralValue(String itemId, Account heldIn, String scheduleId, double haircut,
        BigDecimal marketValue, BigDecimal haircutAmount, BigDecimal collateralValue) {
}
