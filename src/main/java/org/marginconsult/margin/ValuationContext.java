package org.marginconsult.margin;

import java.time.LocalDate;
import java.util.Objects;

import org.marginconsult.margin.reference.ReferenceData;

/**
 * Everything a methodology needs besides positions and its own parameters: the valuation date, the
 * rates used to price options, and the reference data that classifies underlyings. Immutable.
 *
 * @param asOf          valuation date; time to expiry is measured from it (ACT/365F)
 * @param rates         risk-free rate for discounting and cost of carry
 * @param referenceData product classes, risk groups and betas of underlyings
 */
public record ValuationContext(LocalDate asOf, Rates rates, ReferenceData referenceData) {
    /** All parts are required. */
    public ValuationContext {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(referenceData, "referenceData");
    }

    /** Canonical text of the context for input hashes. */
    public String canonicalForm() {
        return "asOf=" + asOf + ";r=" + rates.riskFreeRate() + ";referenceData=" + referenceData.version();
    }
}
