package org.marginconsult.margin.instrument;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import org.marginconsult.margin.InstrumentType;

/**
 * A US Treasury bill, note or bond, revalued by its dv01 under yield shifts (first order; convexity
 * is ignored) and haircut by maturity as collateral (SEC Rule 15c3-1(c)(2)(vi)(A)).
 *
 * @param symbol     CUSIP or description
 * @param underlying tenor bucket (e.g. UST-10Y), the key into reference data
 * @param maturity   maturity date
 * @param dv01       USD per basis point per unit, positive
 */
public record Treasury(String symbol, String underlying, LocalDate maturity, BigDecimal dv01) implements Instrument {
    /** Checks every field is present. */
    public Treasury {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(maturity, "maturity");
        Objects.requireNonNull(dv01, "dv01");
    }

    @Override
    public InstrumentType type() {
        return InstrumentType.TREASURY;
    }
}
