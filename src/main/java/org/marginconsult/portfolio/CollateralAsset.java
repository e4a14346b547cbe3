package org.marginconsult.portfolio;

/**
 * The kinds of collateral a firm may say it has posted, following the haircut schedules the engine
 * applies (docs/methodology: SEC Rule 15c3-1 Treasury ladder, equities, cash, stablecoins, bitcoin and ether).
 */
public enum CollateralAsset {
    CASH_USD("Cash (USD)"),
    US_TREASURY("US Treasury"),
    EQUITY("Equities"),
    STABLECOIN("USD stablecoin (USDC, USDT)"),
    BITCOIN("Bitcoin"),
    ETHER("Ether");

    private final String label;

    CollateralAsset(String label) {
        this.label = label;
    }

    /** How pages name the asset. */
    public String label() {
        return label;
    }
}
