package org.marginconsult.comment;

/** Who is commenting, in the categories the agencies sort comments by. */
public enum SubmitterCategory {
    BROKER_DEALER("Broker-dealer"),
    FCM("Futures commission merchant (FCM)"),
    DUAL_REGISTRANT("Dual registrant (broker-dealer and FCM)"),
    CLEARING_AGENCY_OR_DCO("Clearing agency or derivatives clearing organization (DCO)"),
    MARKET_MAKER("Market maker"),
    ASSET_MANAGER("Asset manager"),
    CRYPTO_FIRM("Crypto firm"),
    TRADE_ASSOCIATION("Trade association"),
    INDIVIDUAL("Individual"),
    OTHER("Other");

    private final String label;

    SubmitterCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
