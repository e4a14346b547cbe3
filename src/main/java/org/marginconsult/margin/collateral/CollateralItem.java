package org.marginconsult.margin.collateral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import org.marginconsult.margin.Account;

/**
 * One asset posted as collateral.
 *
 * @param id          the caller's identifier
 * @param heldIn      the account it is posted to today (decides today's schedule)
 * @param kind        what it is
 * @param marketValue market value in USD, positive
 * @param maturity    maturity date for Treasuries; null otherwise
 * @param tier        tier for equities; null otherwise
 */
public record CollateralItem(String id, Account heldIn, CollateralKind kind, BigDecimal marketValue,
        LocalDate maturity, EquityTier tier) {
    /** Checks the fields each kind needs. */
    public CollateralItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(heldIn, "heldIn");
        Objects.requireNonNull(kind, "kind");
        if (marketValue == null || marketValue.signum() <= 0) {
            throw new IllegalArgumentException(id + ": market value must be positive");
        }
        if ((kind == CollateralKind.TREASURY) != (maturity != null)) {
            throw new IllegalArgumentException(id + ": a maturity is required for Treasuries and only for them");
        }
        if ((kind == CollateralKind.EQUITY) != (tier != null)) {
            throw new IllegalArgumentException(id + ": a tier is required for equities and only for them");
        }
    }
}
