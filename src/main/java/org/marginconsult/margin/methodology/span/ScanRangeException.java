package org.marginconsult.margin.methodology.span;

/**
 * A combined commodity whose extreme move would take its price to zero or below: the price scan range,
 * a dollar amount per contract in the parameter table (or an override), is too large a share of the
 * front contract's value. With the published parameters that means the front contract's price is far
 * below the product's (a BTC future priced like ether, a price in the wrong unit), so it names that
 * position and its price field; with overrides it may be the overrides. SPAN scans prices, never below
 * zero (CME SPAN methodology, "Price Scan Range").
 */
public final class ScanRangeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String positionId;
    private final String field;

    ScanRangeException(String message, String positionId, String field) {
        super(message);
        this.positionId = positionId;
        this.field = field;
    }

    /** The front contract whose price the scan range is measured against. */
    public String positionId() {
        return positionId;
    }

    /** {@code price} for a future, {@code underlyingPrice} for an option on it. */
    public String field() {
        return field;
    }
}
