package org.marginconsult.margin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks positions against the field contract of docs/portfolio-format.md and reports one
 * {@link FieldError} per bad field, never stopping at the first.
 *
 * <p>Knows nothing of file formats: the portfolio upload parses its file into {@link Position}s (a
 * value that does not parse is the reader's error) and then reuses this validator, as does every
 * {@link Methodology} before calculating.
 *
 * <p>Rules: identifier present and unique; account and instrument type present and the account is the
 * type's home account; symbol and underlying present; quantity non-zero; multiplier and price
 * positive; options carry option type, positive strike, expiry, positive implied volatility (a decimal,
 * at most 5) and positive underlying price, and non-options carry none of these; dv01 positive on rates
 * instruments and absent elsewhere; expiry present where the type requires it, absent on stocks, ETFs
 * and perpetuals, and not before the valuation date; currency USD. Magnitudes within ranges no real
 * position comes near (|quantity| at most a billion, multiplier from a millionth to a million, prices and
 * strikes at most $10 million, dv01 at most $100,000, one position worth at most $1 trillion), so that a
 * unit mistake is reported on its field rather than overflowing an amount.
 */
public final class PositionValidator {

    /** Implied vols above this are almost certainly percentages typed as decimals (25 for 25%). */
    static final BigDecimal MAX_IMPLIED_VOL = new BigDecimal("5");

    // Ranges far beyond any real position, so that what passes them is computed exactly (long cents and
    // micro-dollars, doubles in the scenario kernels) and what fails them is a unit mistake, reported as
    // such instead of overflowing somewhere in a methodology.

    /** The largest |quantity| of one position: a billion shares, contracts or units. */
    static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");

    /** The smallest multiplier: a millionth of a unit of the underlying per contract. */
    static final BigDecimal MIN_MULTIPLIER = new BigDecimal("0.000001");

    /** The largest multiplier: a million dollars per point. */
    static final BigDecimal MAX_MULTIPLIER = new BigDecimal("1000000");

    /** The largest price, underlying price or strike: ten million dollars per unit. */
    static final BigDecimal MAX_PRICE = new BigDecimal("10000000");

    /** The largest dv01: a hundred thousand dollars per basis point per unit. */
    static final BigDecimal MAX_DV01 = new BigDecimal("100000");

    /** The most one position may be worth (quantity x multiplier x the largest of its prices): $1 trillion. */
    static final BigDecimal MAX_POSITION_VALUE = new BigDecimal("1000000000000");

    private PositionValidator() {
    }

    /**
     * Validates positions without a valuation date (expiry is not compared with any date).
     *
     * @param positions the positions, in portfolio order
     * @return one error per bad field, in position then field order; empty when all are valid
     */
    public static List<FieldError> validate(List<Position> positions) {
        return validate(positions, null);
    }

    /**
     * Validates positions for a valuation on {@code asOf}: expiries before it are reported as expired.
     *
     * @param positions the positions, in portfolio order
     * @param asOf      valuation date, or null to skip the expiry check
     * @return one error per bad field; empty when all are valid
     */
    public static List<FieldError> validate(List<Position> positions, LocalDate asOf) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstIndexById = new HashMap<>(Math.max(16, positions.size() * 4 / 3 + 1));
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            if (p == null) {
                errors.add(new FieldError(i, "position", "position is empty"));
                continue;
            }
            validateOne(i, p, asOf, errors);
            if (p.positionId() != null && !p.positionId().isBlank()) {
                Integer first = firstIndexById.putIfAbsent(p.positionId(), i);
                if (first != null) {
                    errors.add(new FieldError(i, "positionId",
                            "positionId '" + p.positionId() + "' is already used by position " + first));
                }
            }
        }
        return errors;
    }

    /**
     * Validates and throws when anything is wrong.
     *
     * @param positions the positions
     * @param asOf      valuation date, or null
     * @throws InvalidPortfolioException with every field error
     */
    public static void requireValid(List<Position> positions, LocalDate asOf) {
        List<FieldError> errors = validate(positions, asOf);
        if (!errors.isEmpty()) {
            throw new InvalidPortfolioException(errors);
        }
    }

    private static void validateOne(int i, Position p, LocalDate asOf, List<FieldError> errors) {
        int errorsBefore = errors.size();
        checkFields(i, p, asOf, errors);
        worth(i, p, errorsBefore, errors);
    }

    private static void checkFields(int i, Position p, LocalDate asOf, List<FieldError> errors) {
        if (blank(p.positionId())) {
            errors.add(new FieldError(i, "positionId", "positionId is required"));
        }
        InstrumentType type = p.instrumentType();
        if (type == null) {
            errors.add(new FieldError(i, "instrumentType", "instrumentType is required: one of "
                    + java.util.Arrays.toString(InstrumentType.values())));
        }
        if (p.account() == null) {
            errors.add(new FieldError(i, "account", "account is required: SECURITIES or FUTURES"));
        } else if (type != null && p.account() != type.homeAccount()) {
            errors.add(new FieldError(i, "account", type + " positions are held in the " + type.homeAccount()
                    + " account, not " + p.account()));
        }
        if (blank(p.symbol())) {
            errors.add(new FieldError(i, "symbol", "symbol is required"));
        }
        if (blank(p.underlying())) {
            errors.add(new FieldError(i, "underlying", "underlying is required (a stock's or ETF's own ticker)"));
        }
        if (p.quantity() == null) {
            errors.add(new FieldError(i, "quantity", "quantity is required (negative for short)"));
        } else if (p.quantity().signum() == 0) {
            errors.add(new FieldError(i, "quantity", "quantity must not be zero"));
        } else if (p.quantity().abs().compareTo(MAX_QUANTITY) > 0) {
            errors.add(new FieldError(i, "quantity", "quantity must be at most 1,000,000,000 shares, contracts or"
                    + " units either way, got " + p.quantity()));
        }
        if (positive(i, "multiplier", p.multiplier(), true, errors)) {
            if (p.multiplier().compareTo(MIN_MULTIPLIER) < 0) {
                errors.add(new FieldError(i, "multiplier", "multiplier must be at least 0.000001, got "
                        + p.multiplier()));
            } else if (p.multiplier().compareTo(MAX_MULTIPLIER) > 0) {
                errors.add(new FieldError(i, "multiplier", "multiplier must be at most 1,000,000 dollars per"
                        + " point, got " + p.multiplier()));
            }
        }
        priced(i, "price", p.price(), errors);
        if (p.currency() == null || p.currency().isBlank()) {
            errors.add(new FieldError(i, "currency", "currency is required: USD"));
        } else if (!Position.USD.equals(p.currency())) {
            errors.add(new FieldError(i, "currency", "only USD is supported, got '" + p.currency() + "'"));
        }
        if (type == null) {
            return;
        }
        if (type.isOption()) {
            if (p.optionType() == null) {
                errors.add(new FieldError(i, "optionType", "optionType is required for " + type + ": CALL or PUT"));
            }
            priced(i, "strike", p.strike(), errors);
            priced(i, "underlyingPrice", p.underlyingPrice(), errors);
            positive(i, "impliedVol", p.impliedVol(), true, errors);
            if (p.impliedVol() != null && p.impliedVol().compareTo(MAX_IMPLIED_VOL) > 0) {
                errors.add(new FieldError(i, "impliedVol",
                        "impliedVol is a decimal (0.25 for 25%); " + p.impliedVol() + " is above 5"));
            }
        } else {
            notApplicable(i, "optionType", p.optionType(), type, errors);
            notApplicable(i, "strike", p.strike(), type, errors);
            notApplicable(i, "underlyingPrice", p.underlyingPrice(), type, errors);
            notApplicable(i, "impliedVol", p.impliedVol(), type, errors);
        }
        if (type.isRates()) {
            if (positive(i, "dv01", p.dv01(), true, errors) && p.dv01().compareTo(MAX_DV01) > 0) {
                errors.add(new FieldError(i, "dv01", "dv01 must be at most 100,000 dollars per basis point per"
                        + " unit, got " + p.dv01()));
            }
        } else {
            notApplicable(i, "dv01", p.dv01(), type, errors);
        }
        if (type.requiresExpiry()) {
            if (p.expiry() == null) {
                errors.add(new FieldError(i, "expiry", type == InstrumentType.TREASURY
                        ? "expiry (the maturity date) is required for TREASURY"
                        : "expiry is required for " + type));
            } else if (asOf != null && p.expiry().isBefore(asOf)) {
                errors.add(new FieldError(i, "expiry", "expiry " + p.expiry() + " is before the valuation date "
                        + asOf + ": the position has expired"));
            }
        } else if (type.forbidsExpiry()) {
            notApplicable(i, "expiry", p.expiry(), type, errors);
        }
    }

    /** Whether the value is there and positive; reports it otherwise. */
    private static boolean positive(int i, String field, BigDecimal value, boolean required,
            List<FieldError> errors) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(i, field, field + " is required"));
            }
            return false;
        }
        if (value.signum() <= 0) {
            errors.add(new FieldError(i, field, field + " must be positive, got " + value.toPlainString()));
            return false;
        }
        return true;
    }

    /** A price, underlying price or strike: positive and at most {@link #MAX_PRICE}. */
    private static void priced(int i, String field, BigDecimal value, List<FieldError> errors) {
        if (positive(i, field, value, true, errors) && value.compareTo(MAX_PRICE) > 0) {
            errors.add(new FieldError(i, field, field + " must be at most 10,000,000 dollars per unit, got "
                    + value));
        }
    }

    /**
     * One position's worth, quantity x multiplier x the largest of its price, underlying price and strike,
     * at most {@link #MAX_POSITION_VALUE}; checked only when the position's fields passed their own checks.
     */
    private static void worth(int i, Position p, int errorsBefore, List<FieldError> errors) {
        if (errors.size() > errorsBefore || p.quantity() == null || p.multiplier() == null || p.price() == null) {
            return;
        }
        BigDecimal largestPrice = p.price();
        for (BigDecimal other : new BigDecimal[] {p.underlyingPrice(), p.strike()}) {
            if (other != null) {
                largestPrice = largestPrice.max(other);
            }
        }
        BigDecimal value = p.quantity().abs().multiply(p.multiplier()).multiply(largestPrice);
        if (value.compareTo(MAX_POSITION_VALUE) > 0) {
            String prices = p.strike() == null ? "price" : "the largest of price, underlyingPrice and strike";
            errors.add(new FieldError(i, "quantity", String.format(Locale.ROOT,
                    "quantity x multiplier x %s is $%,.0f, above $1,000,000,000,000, the most one position may be"
                            + " worth: check the units of quantity, multiplier and %s", prices, value,
                    p.strike() == null ? "price" : "prices")));
        }
    }

    private static void notApplicable(int i, String field, Object value, InstrumentType type, List<FieldError> errors) {
        if (value != null) {
            errors.add(new FieldError(i, field, field + " does not apply to " + type + " and must be empty"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
