package org.marginconsult.margin.methodology.span;

import java.util.Locale;
import java.util.Objects;

import org.marginconsult.margin.scenario.VolShiftKind;

/**
 * The SPAN parameters of one combined commodity: its scan ranges and the rates of its charges.
 *
 * <p>Follows CME SPAN: the price scan range equals the outright maintenance requirement of one
 * contract (CME Clearing, "Risk Arrays - Standard"); the volatility scan range is the change in implied
 * volatility applied in the scenarios; the short option minimum is a percentage of the outright margin
 * of one underlying future (CME performance-bond advisories since 99-65). Every rate here is a fraction
 * of the price scan range, so a what-if that widens the scan range scales the charges with it.
 *
 * <p>Immutable. Money is in USD. Example: ES with a $11,500 scan range per contract of multiplier 50
 * scans 230 index points up and down.
 *
 * @param code                   the combined commodity code, upper case (the positions' underlying), e.g. "ES"
 * @param contractMultiplier     dollars per point of one reference contract (ES 50); converts the scan range to points
 * @param priceScanRange         USD per reference contract: the full (3/3) price move of the scan
 * @param volatilityScanRange    implied-volatility shift of the vol-up and vol-down scenarios
 * @param volatilityScanMode     whether {@code volatilityScanRange} is relative to each option's implied vol or absolute
 * @param intraSpreadRate        calendar spread charge per spread, as a fraction of the price scan range
 * @param deliveryMonthRate      delivery-month charge per reference contract of delta, fraction of the price scan range
 * @param deliveryWindowDays     a position expiring within this many days of the valuation date is in its delivery month
 * @param shortOptionMinimumRate short option minimum per short option contract, fraction of the price scan range
 * @param source                 where the values come from, or why they are what they are (shown in docs and results)
 */
public record CombinedCommodityParameters(
        String code,
        double contractMultiplier,
        double priceScanRange,
        double volatilityScanRange,
        VolShiftKind volatilityScanMode,
        double intraSpreadRate,
        double deliveryMonthRate,
        int deliveryWindowDays,
        double shortOptionMinimumRate,
        String source) {

    /** Checks every value is usable: positive multiplier and scan range, non-negative rates. */
    public CombinedCommodityParameters {
        Objects.requireNonNull(code, "code");
        code = code.trim().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new IllegalArgumentException("combined commodity code must not be blank");
        }
        requirePositive(code, "contractMultiplier", contractMultiplier);
        requirePositive(code, "priceScanRange", priceScanRange);
        requireNonNegative(code, "volatilityScanRange", volatilityScanRange);
        Objects.requireNonNull(volatilityScanMode, code + ".volatilityScanMode");
        if (volatilityScanMode == VolShiftKind.RELATIVE && volatilityScanRange >= 1) {
            throw new IllegalArgumentException(code + ".volatilityScanRange: a relative range must be below 1 (100%), got "
                    + volatilityScanRange);
        }
        requireNonNegative(code, "intraSpreadRate", intraSpreadRate);
        requireNonNegative(code, "deliveryMonthRate", deliveryMonthRate);
        if (deliveryWindowDays < 0) {
            throw new IllegalArgumentException(code + ".deliveryWindowDays must be >= 0, got " + deliveryWindowDays);
        }
        requireNonNegative(code, "shortOptionMinimumRate", shortOptionMinimumRate);
        source = source == null ? "" : source;
    }

    /** The price move of the full scan range in points of the underlying price: range / multiplier. */
    public double priceScanPoints() {
        return priceScanRange / contractMultiplier;
    }

    /** A copy with another price scan range (USD per reference contract). */
    public CombinedCommodityParameters withPriceScanRange(double value) {
        return new CombinedCommodityParameters(code, contractMultiplier, value, volatilityScanRange, volatilityScanMode,
                intraSpreadRate, deliveryMonthRate, deliveryWindowDays, shortOptionMinimumRate, source);
    }

    /** A copy with another volatility scan range and mode. */
    public CombinedCommodityParameters withVolatilityScanRange(double value, VolShiftKind mode) {
        return new CombinedCommodityParameters(code, contractMultiplier, priceScanRange, value, mode,
                intraSpreadRate, deliveryMonthRate, deliveryWindowDays, shortOptionMinimumRate, source);
    }

    /** A copy with another intra-commodity spread rate. */
    public CombinedCommodityParameters withIntraSpreadRate(double value) {
        return new CombinedCommodityParameters(code, contractMultiplier, priceScanRange, volatilityScanRange,
                volatilityScanMode, value, deliveryMonthRate, deliveryWindowDays, shortOptionMinimumRate, source);
    }

    /** A copy with another delivery-month charge and window. */
    public CombinedCommodityParameters withDeliveryMonth(double rate, int windowDays) {
        return new CombinedCommodityParameters(code, contractMultiplier, priceScanRange, volatilityScanRange,
                volatilityScanMode, intraSpreadRate, rate, windowDays, shortOptionMinimumRate, source);
    }

    /** A copy with another short option minimum rate. */
    public CombinedCommodityParameters withShortOptionMinimumRate(double value) {
        return new CombinedCommodityParameters(code, contractMultiplier, priceScanRange, volatilityScanRange,
                volatilityScanMode, intraSpreadRate, deliveryMonthRate, deliveryWindowDays, value, source);
    }

    /** A copy with another statement of where the values come from. */
    public CombinedCommodityParameters withSource(String value) {
        return new CombinedCommodityParameters(code, contractMultiplier, priceScanRange, volatilityScanRange,
                volatilityScanMode, intraSpreadRate, deliveryMonthRate, deliveryWindowDays, shortOptionMinimumRate, value);
    }

    private static void requirePositive(String code, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(code + "." + field + " must be a positive number, got " + value);
        }
    }

    private static void requireNonNegative(String code, String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(code + "." + field + " must be zero or positive, got " + value);
        }
    }
}
