package org.marginconsult.margin.methodology.strategy;

import java.math.BigDecimal;
import java.util.Objects;

import org.marginconsult.margin.ParameterSet;
import org.marginconsult.margin.VersionedId;

/**
 * The numbers of the strategy-based rules for a securities account, with the rule each one comes from.
 * Immutable; the defaults ({@link #defaults()}) are the regulatory minimums.
 *
 * <ul>
 * <li>Long equity: initial {@code longEquityInitial} = 50% of market value (Regulation T, 12 CFR
 * 220.12(a)); maintenance {@code longEquityMaintenance} = 25% (FINRA Rule 4210(c)(1)).</li>
 * <li>Short equity: initial {@code shortEquityInitial} = 150% of market value, sale proceeds included
 * (12 CFR 220.12(c)(1)); maintenance, on top of the proceeds, the greater of
 * {@code shortEquityMaintenancePerShare} ($5.00) a share or {@code shortEquityMaintenance} (30%) of
 * value at a price of at least {@code lowPriceThreshold} ($5.00), and below it the greater of
 * {@code lowPriceShortPerShare} ($2.50) a share or {@code lowPriceShortMaintenance} (100%) of value
 * (FINRA Rule 4210(c)).</li>
 * <li>Long listed option: paid in full when it expires within {@code longDatedOptionMonths} (9) months;
 * later, {@code longDatedOptionFraction} (75%) of its value (12 CFR 220.12(f); FINRA Rule
 * 4210(f)(2)).</li>
 * <li>Short uncovered option: premium plus {@code nakedUnderlyingFraction} (20%) of the underlying
 * value, {@code nakedBroadIndexFraction} (15%) for a broad-based index, less the out-of-the-money
 * amount, at least premium plus {@code nakedMinimumFraction} (10%) of the underlying value (calls) or
 * of the exercise price (puts) (Cboe Rule 10.3; FINRA Rule 4210(f)(2)).</li>
 * </ul>
 *
 * @param version                        version of this parameter set (part of every result's hash)
 * @param longEquityInitial              Reg T initial fraction of a long stock's value
 * @param longEquityMaintenance          FINRA maintenance fraction of a long stock's value
 * @param shortEquityInitial             Reg T initial fraction of a short stock's value, proceeds included
 * @param shortEquityMaintenance         FINRA maintenance fraction of a short stock's value at or above the threshold
 * @param shortEquityMaintenancePerShare FINRA maintenance dollars per share at or above the threshold
 * @param lowPriceThreshold              price per share below which the low-price short rule applies
 * @param lowPriceShortMaintenance       FINRA maintenance fraction of a short stock's value below the threshold
 * @param lowPriceShortPerShare          FINRA maintenance dollars per share below the threshold
 * @param longDatedOptionMonths          months to expiry beyond which a long option need not be paid in full
 * @param longDatedOptionFraction        fraction of a long-dated long option's value required
 * @param nakedUnderlyingFraction        fraction of the underlying value for uncovered equity and narrow-index options
 * @param nakedBroadIndexFraction        the same fraction for broad-based index options
 * @param nakedMinimumFraction           minimum fraction of the underlying value (calls) or exercise price (puts)
 */
public record StrategyBasedParameters(String version, BigDecimal longEquityInitial, BigDecimal longEquityMaintenance,
        BigDecimal shortEquityInitial, BigDecimal shortEquityMaintenance, BigDecimal shortEquityMaintenancePerShare,
        BigDecimal lowPriceThreshold, BigDecimal lowPriceShortMaintenance, BigDecimal lowPriceShortPerShare,
        int longDatedOptionMonths, BigDecimal longDatedOptionFraction, BigDecimal nakedUnderlyingFraction,
        BigDecimal nakedBroadIndexFraction, BigDecimal nakedMinimumFraction) implements ParameterSet {

    /** Identifier of the default parameter set. */
    public static final String ID = "STRATEGY_BASED-regulatory-minimums";

    /** Every value is required and fractions are not negative. */
    public StrategyBasedParameters {
        Objects.requireNonNull(version, "version");
        for (BigDecimal v : new BigDecimal[] {longEquityInitial, longEquityMaintenance, shortEquityInitial,
                shortEquityMaintenance, shortEquityMaintenancePerShare, lowPriceThreshold, lowPriceShortMaintenance,
                lowPriceShortPerShare, longDatedOptionFraction, nakedUnderlyingFraction, nakedBroadIndexFraction,
                nakedMinimumFraction}) {
            Objects.requireNonNull(v, "every strategy-based parameter is required");
            if (v.signum() < 0) {
                throw new IllegalArgumentException("strategy-based parameters cannot be negative: " + v);
            }
        }
        if (longDatedOptionMonths < 0) {
            throw new IllegalArgumentException("longDatedOptionMonths cannot be negative");
        }
    }

    /**
     * The regulatory minimums listed in the class comment.
     *
     * @return the default parameters, version 1
     */
    public static StrategyBasedParameters defaults() {
        return new StrategyBasedParameters("1", new BigDecimal("0.50"), new BigDecimal("0.25"), new BigDecimal("1.50"),
                new BigDecimal("0.30"), new BigDecimal("5.00"), new BigDecimal("5.00"), new BigDecimal("1.00"),
                new BigDecimal("2.50"), 9, new BigDecimal("0.75"), new BigDecimal("0.20"), new BigDecimal("0.15"),
                new BigDecimal("0.10"));
    }

    @Override
    public VersionedId parameterSetId() {
        return new VersionedId(ID, version);
    }

    @Override
    public String canonicalForm() {
        return "longEquityInitial=" + n(longEquityInitial) + ";longEquityMaintenance=" + n(longEquityMaintenance)
                + ";shortEquityInitial=" + n(shortEquityInitial) + ";shortEquityMaintenance="
                + n(shortEquityMaintenance) + ";shortEquityMaintenancePerShare=" + n(shortEquityMaintenancePerShare)
                + ";lowPriceThreshold=" + n(lowPriceThreshold) + ";lowPriceShortMaintenance="
                + n(lowPriceShortMaintenance) + ";lowPriceShortPerShare=" + n(lowPriceShortPerShare)
                + ";longDatedOptionMonths=" + longDatedOptionMonths + ";longDatedOptionFraction="
                + n(longDatedOptionFraction) + ";nakedUnderlyingFraction=" + n(nakedUnderlyingFraction)
                + ";nakedBroadIndexFraction=" + n(nakedBroadIndexFraction) + ";nakedMinimumFraction="
                + n(nakedMinimumFraction);
    }

    private static String n(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
