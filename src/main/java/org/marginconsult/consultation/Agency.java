package org.marginconsult.consultation;

/** A federal agency that runs, alone or jointly, a request for comment. */
public enum Agency {
    SEC("Securities and Exchange Commission"),
    CFTC("Commodity Futures Trading Commission");

    private final String fullName;

    Agency(String fullName) {
        this.fullName = fullName;
    }

    public String fullName() {
        return fullName;
    }
}
