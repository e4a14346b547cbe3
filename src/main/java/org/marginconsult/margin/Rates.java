package org.marginconsult.margin;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The interest-rate inputs of option pricing: one flat continuously-compounded risk-free rate, with
 * year fractions on the ACT/365 Fixed convention.
 *
 * @param riskFreeRate continuously-compounded annual rate as a decimal (0.04 = 4%)
 */
public record Rates(double riskFreeRate) {

    /** Checks the rate is finite. */
    public Rates {
        if (!Double.isFinite(riskFreeRate)) {
            throw new IllegalArgumentException("risk-free rate must be finite");
        }
    }

    /**
     * ACT/365F year fraction from {@code from} to {@code to}; zero or negative when {@code to} is not after {@code from}.
     *
     * @param from start date
     * @param to   end date
     * @return the year fraction
     */
    public static double yearFraction(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) / 365.0;
    }
}
