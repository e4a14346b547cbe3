package org.marginconsult.margin.instrument;

import java.util.Objects;

import org.marginconsult.margin.InstrumentType;

/**
 * A stock or ETF share: value moves one for one with its own price.
 *
 * @param type       STOCK or ETF
 * @param symbol     ticker
 * @param underlying ticker used for reference data (normally the symbol itself)
 */
public record Equity(InstrumentType type, String symbol, String underlying) implements Instrument {
    /** Checks the type is an equity type. */
    public Equity {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(underlying, "underlying");
        if (type != InstrumentType.STOCK && type != InstrumentType.ETF) {
            throw new IllegalArgumentException("not an equity type: " + type);
        }
    }
}
