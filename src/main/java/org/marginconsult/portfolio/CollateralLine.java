package org.marginconsult.portfolio;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.marginconsult.margin.Account;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Collateral a firm says it has posted against the portfolio, before haircut: where, what, how much
 * (USD market value) and, for a Treasury, its maturity (the haircut ladder depends on it).
 */
@Embeddable
public class CollateralLine {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Account account;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CollateralAsset asset;

    @Column(name = "market_value", nullable = false, precision = 20, scale = 2)
    public BigDecimal marketValue;

    public LocalDate maturity;

    public CollateralLine() {
    }

    public CollateralLine(Account account, CollateralAsset asset, BigDecimal marketValue, LocalDate maturity) {
        this.account = account;
        this.asset = asset;
        this.marketValue = marketValue;
        this.maturity = maturity;
    }
}
