package org.marginconsult.margin.instrument;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import org.marginconsult.margin.InstrumentType;

/**
 * A Treasury future (CBOT ZT, ZF, ZN, ZB...), revalued by its dv01 per contract under yield shifts.
 *
 * @param symbol     contract symbol (e.g. ZNZ6)
 * @param underlying product code (e.g. ZN), the key into reference data
 * @param expiry     contract expiry
 * @param dv01       USD per basis point per contract, positive
 */
public record TreasuryFuture(String symbol, String underlying, LocalDate expiry, BigDecimal dv01)
        implements Instrument {
    /** Checks every field is present. */
    public TreasuryFuture {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(dv01, "dv01");
    }

    @Override
    public InstrumentType type() {
        return InstrumentType.TREASURY_FUTURE;
    }
}
