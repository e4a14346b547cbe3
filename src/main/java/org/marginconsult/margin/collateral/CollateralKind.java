package org.marginconsult.margin.collateral;

/** The kinds of assets posted as collateral that the haircut schedules distinguish. */
public enum CollateralKind {
    /** US dollar cash. */
    CASH_USD,
    /** US Treasury bill, note or bond: haircut by remaining maturity. */
    TREASURY,
    /** Equity security: haircut by {@link EquityTier}. */
    EQUITY,
    /** Dollar stablecoin (USDC, USDT). */
    STABLECOIN,
    /** Bitcoin. */
    BTC,
    /** Ether. */
    ETH,
    /** Gold. */
    GOLD
}
