package org.marginconsult.portfolio;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.math.BigDecimal;

/**
 * Positions and notional of a portfolio grouped one way: by account, instrument type, risk group or
 * underlying. Notional is quantity x multiplier x price summed: market value for stocks, ETFs, options
 * and Treasuries, contract notional for futures; net keeps the sign of the quantity, gross does not.
 */
@Embeddable
public class PortfolioTotal {

    /** How positions are grouped. */
    public enum Dimension { ACCOUNT, INSTRUMENT_TYPE, RISK_GROUP, UNDERLYING }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Dimension dimension;

    /** The group: an account, an instrument type, a risk group id or an underlying symbol. */
    @Column(name = "key", nullable = false, length = 64)
    public String key;

    @Column(nullable = false)
    public int positions;

    @Column(name = "net_notional", nullable = false)
    public BigDecimal netNotional;

    @Column(name = "gross_notional", nullable = false)
    public BigDecimal grossNotional;

    public PortfolioTotal() {
    }

    PortfolioTotal(Dimension dimension, String key, int positions, BigDecimal netNotional, BigDecimal grossNotional) {
        this.dimension = dimension;
        this.key = key;
        this.positions = positions;
        this.netNotional = netNotional;
        this.grossNotional = grossNotional;
    }
}
