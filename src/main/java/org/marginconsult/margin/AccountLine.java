package org.marginconsult.margin;

import java.math.BigDecimal;

/**
 * The requirement of one account in a result; the account lines add up to the result's figures.
 *
 * @param account      the account; null for the combined cross-margin account
 * @param total        the account's total (its initial requirement), scale 2
 * @param maintenance  the account's maintenance requirement, scale 2
 * @param saleProceeds sale proceeds of short options that may be applied against it (not netted), scale 2
 */
public record AccountLine(Account account, BigDecimal total, BigDecimal maintenance, BigDecimal saleProceeds) {
}
