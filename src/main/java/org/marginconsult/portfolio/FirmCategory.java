package org.marginconsult.portfolio;

/**
 * What kind of firm uploaded a portfolio. Impact is aggregated by category across firms, so the
 * category is the only firm attribute stored with a portfolio besides the firm itself.
 */
public enum FirmCategory {
    BROKER_DEALER("Broker-dealer"),
    FCM("Futures commission merchant (FCM)"),
    DUAL_REGISTRANT("Dual registrant (broker-dealer and FCM)"),
    MARKET_MAKER("Market maker"),
    ASSET_MANAGER("Asset manager"),
    CRYPTO_FIRM("Crypto firm"),
    OTHER("Other");

    private final String label;

    FirmCategory(String label) {
        this.label = label;
    }

    /** How pages name the category. */
    public String label() {
        return label;
    }
}
