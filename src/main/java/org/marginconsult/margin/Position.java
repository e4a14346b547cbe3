package org.marginconsult.margin;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.marginconsult.margin.instrument.Equity;
import org.marginconsult.margin.instrument.Future;
import org.marginconsult.margin.instrument.Instrument;
import org.marginconsult.margin.instrument.ListedOption;
import org.marginconsult.margin.instrument.Treasury;
import org.marginconsult.margin.instrument.TreasuryFuture;

/**
 * One row of a portfolio, exactly the fields of the portfolio file (docs/portfolio-format.md).
 *
 * <p>Immutable. Numbers are {@link BigDecimal} as given (no rounding); fields that do not apply to the
 * {@link #instrumentType()} are {@code null}. The record does not check its own consistency, so that
 * {@link PositionValidator} can report every bad field at once; {@link #instrument()} requires a
 * position that passed validation.
 *
 * <p>Units: {@code quantity} is signed (negative = short) in shares, contracts or bonds;
 * {@code price} is the mark per unit in USD; {@code multiplier} converts a price move into dollars per
 * unit (100 for a standard equity option, 50 for ES, 1 for a stock); {@code impliedVol} is a decimal
 * annualised volatility (0.25 = 25%); {@code dv01} is dollars per one basis point per unit, positive
 * for a long position's gain when yields fall. Example: a short SPX call is
 * {@code (…, SECURITIES, INDEX_OPTION, "SPXW 261218C6000", "SPX", -2, 100, 85.40, 5900, CALL, 6000,
 * 2026-12-18, 0.16, null, "USD")}.
 *
 * @param positionId      the caller's identifier, unique in the portfolio
 * @param account         where the position is held today
 * @param instrumentType  the kind of instrument
 * @param symbol          the instrument's symbol (ticker, OCC symbol, contract code)
 * @param underlying      the underlying's symbol, resolved against reference data (a stock's own ticker)
 * @param quantity        signed quantity, negative for short
 * @param multiplier      dollars per unit of price, per unit of quantity
 * @param price           mark price per unit, USD
 * @param underlyingPrice options only: the underlying's price (the future's price for futures options)
 * @param optionType      options only
 * @param strike          options only
 * @param expiry          options and futures: expiry; TREASURY: maturity; null otherwise
 * @param impliedVol      options only: decimal annualised implied volatility
 * @param dv01            rates instruments only: USD per basis point per unit
 * @param currency        ISO currency of every amount; only USD is supported
 */
public record Position(
        String positionId,
        Account account,
        InstrumentType instrumentType,
        String symbol,
        String underlying,
        BigDecimal quantity,
        BigDecimal multiplier,
        BigDecimal price,
        BigDecimal underlyingPrice,
        OptionType optionType,
        BigDecimal strike,
        LocalDate expiry,
        BigDecimal impliedVol,
        BigDecimal dv01,
        String currency) {

    /** The only currency supported by the methodologies. */
    public static final String USD = "USD";

    /**
     * A stock or ETF position (multiplier 1, USD).
     *
     * @param positionId the caller's identifier
     * @param type       STOCK or ETF
     * @param symbol     the ticker, which is also the underlying
     * @param quantity   signed shares
     * @param price      price per share
     * @return the position
     */
    public static Position equity(String positionId, InstrumentType type, String symbol, String quantity, String price) {
        return new Position(positionId, Account.SECURITIES, type, symbol, symbol, new BigDecimal(quantity),
                BigDecimal.ONE, new BigDecimal(price), null, null, null, null, null, null, USD);
    }

    /**
     * A listed option position held in its type's home account (USD).
     *
     * @return the position
     */
    public static Position option(String positionId, InstrumentType type, String symbol, String underlying,
            String quantity, String multiplier, String price, String underlyingPrice, OptionType optionType,
            String strike, LocalDate expiry, String impliedVol) {
        return new Position(positionId, type.homeAccount(), type, symbol, underlying, new BigDecimal(quantity),
                new BigDecimal(multiplier), new BigDecimal(price), new BigDecimal(underlyingPrice), optionType,
                new BigDecimal(strike), expiry, new BigDecimal(impliedVol), null, USD);
    }

    /**
     * A future or perpetual held in the futures account (USD); {@code expiry} null for perpetuals.
     *
     * @return the position
     */
    public static Position future(String positionId, InstrumentType type, String symbol, String underlying,
            String quantity, String multiplier, String price, LocalDate expiry) {
        return new Position(positionId, Account.FUTURES, type, symbol, underlying, new BigDecimal(quantity),
                new BigDecimal(multiplier), new BigDecimal(price), null, null, null, expiry, null, null, USD);
    }

    /**
     * A Treasury or Treasury future (USD), revalued by its dv01.
     *
     * @return the position
     */
    public static Position rates(String positionId, InstrumentType type, String symbol, String underlying,
            String quantity, String multiplier, String price, LocalDate expiry, String dv01) {
        return new Position(positionId, type.homeAccount(), type, symbol, underlying, new BigDecimal(quantity),
                new BigDecimal(multiplier), new BigDecimal(price), null, null, null, expiry, null,
                new BigDecimal(dv01), USD);
    }

    /**
     * The typed view of what this position holds.
     *
     * @return the instrument
     * @throws IllegalStateException if the position has not passed {@link PositionValidator}
     */
    public Instrument instrument() {
        if (instrumentType == null) {
            throw new IllegalStateException("position " + positionId + " has no instrument type");
        }
        try {
            return switch (instrumentType) {
                case STOCK, ETF -> new Equity(instrumentType, symbol, underlying);
                case EQUITY_OPTION, INDEX_OPTION, FUTURE_OPTION, CRYPTO_OPTION -> new ListedOption(instrumentType,
                        symbol, underlying, optionType, strike, expiry, impliedVol, underlyingPrice);
                case FUTURE, CRYPTO_FUTURE, CRYPTO_PERPETUAL -> new Future(instrumentType, symbol, underlying, expiry);
                case TREASURY -> new Treasury(symbol, underlying, expiry, dv01);
                case TREASURY_FUTURE -> new TreasuryFuture(symbol, underlying, expiry, dv01);
            };
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new IllegalStateException("position " + positionId + " is not valid: " + e.getMessage(), e);
        }
    }

    /** Signed quantity times multiplier: dollars per unit of price move for a linear position. */
    public double exposureFactor() {
        return quantity.doubleValue() * multiplier.doubleValue();
    }

    /** Signed market value in USD: quantity x multiplier x price (exact). */
    public BigDecimal marketValue() {
        return quantity.multiply(multiplier).multiply(price);
    }

    /** True when the quantity is negative. */
    public boolean isShort() {
        return quantity.signum() < 0;
    }
}
