package org.marginconsult.margin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * and perpetuals, and not before the valuation date; currency USD.
 */
public final class PositionValidator {

    /** Implied vols above this are almost certainly percentages typed as decimals (25 for 25%). */
    static final BigDecimal MAX_IMPLIED_VOL = new BigDecimal("5");

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
        }
        positive(i, "multiplier", p.multiplier(), true, errors);
        positive(i, "price", p.price(), true, errors);
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
            positive(i, "strike", p.strike(), true, errors);
            positive(i, "underlyingPrice", p.underlyingPrice(), true, errors);
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
            positive(i, "dv01", p.dv01(), true, errors);
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

    private static void positive(int i, String field, BigDecimal value, boolean required, List<FieldError> errors) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(i, field, field + " is required"));
            }
        } else if (value.signum() <= 0) {
            errors.add(new FieldError(i, field, field + " must be positive, got " + value.toPlainString()));
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
