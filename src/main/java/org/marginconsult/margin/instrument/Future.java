package org.marginconsult.margin.instrument;

import java.time.LocalDate;
import java.util.Objects;

import org.marginconsult.margin.InstrumentType;

/**
 * A future or a perpetual future: linear in the underlying, marked to market daily.
 *
 * @param type       FUTURE, CRYPTO_FUTURE or CRYPTO_PERPETUAL
 * @param symbol     contract symbol (e.g. ESZ6)
 * @param underlying product or index (e.g. ES or SPX)
 * @param expiry     contract expiry; null for a perpetual
 */
public record Future(InstrumentType type, String symbol, String underlying, LocalDate expiry) implements Instrument {
    /** Checks the type and that only perpetuals lack an expiry. */
    public Future {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(underlying, "underlying");
        if (type != InstrumentType.FUTURE && type != InstrumentType.CRYPTO_FUTURE
                && type != InstrumentType.CRYPTO_PERPETUAL) {
            throw new IllegalArgumentException("not a future type: " + type);
        }
        if ((expiry == null) != (type == InstrumentType.CRYPTO_PERPETUAL)) {
            throw new IllegalArgumentException("only perpetuals have no expiry");
        }
    }

    /** True for a perpetual (no expiry). */
    public boolean isPerpetual() {
        return type == InstrumentType.CRYPTO_PERPETUAL;
    }
}
