package org.marginconsult.margin.instrument;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.OptionType;

/**
 * A European-style listed option as the methodologies value it (Black-Scholes-Merton with cost of
 * carry; see {@link org.marginconsult.margin.pricing.BlackScholesMerton}). American early exercise is
 * out of scope.
 *
 * @param type            EQUITY_OPTION, INDEX_OPTION, FUTURE_OPTION or CRYPTO_OPTION
 * @param symbol          option symbol
 * @param underlying      underlying symbol
 * @param optionType      call or put
 * @param strike          strike price, in the underlying's price units
 * @param expiry          expiry date
 * @param impliedVol      decimal annualised implied volatility
 * @param underlyingPrice the underlying's price today (a future's price for options on futures)
 */
public record ListedOption(InstrumentType type, String symbol, String underlying, OptionType optionType,
        BigDecimal strike, LocalDate expiry, BigDecimal impliedVol, BigDecimal underlyingPrice)
        implements Instrument {
    /** Checks every option field is present. */
    public ListedOption {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(optionType, "optionType");
        Objects.requireNonNull(strike, "strike");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(impliedVol, "impliedVol");
        Objects.requireNonNull(underlyingPrice, "underlyingPrice");
        if (!type.isOption()) {
            throw new IllegalArgumentException("not an option type: " + type);
        }
    }

    /** True for calls. */
    public boolean isCall() {
        return optionType == OptionType.CALL;
    }

    /** Out-of-the-money amount per unit of underlying: call max(K - U, 0), put max(U - K, 0). */
    public BigDecimal outOfTheMoney() {
        BigDecimal diff = isCall() ? strike.subtract(underlyingPrice) : underlyingPrice.subtract(strike);
        return diff.max(BigDecimal.ZERO);
    }
}
