package org.marginconsult.margin.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.OptionType;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.methodology.strategy.Leg;
import org.marginconsult.margin.methodology.strategy.LegKind;

/** Positions and legs for strategy-based tests, on {@link MarginFixtures#AS_OF}. */
public final class StrategyFixtures {

    /** An expiry one month after the valuation date. */
    public static final LocalDate NEAR = MarginFixtures.AS_OF.plusMonths(1);

    /** An expiry three months after the valuation date. */
    public static final LocalDate FAR = MarginFixtures.AS_OF.plusMonths(3);

    private StrategyFixtures() {
    }

    /** A stock position in the securities account. */
    public static Position stock(String id, String symbol, String quantity, String price) {
        return Position.equity(id, InstrumentType.STOCK, symbol, quantity, price);
    }

    /** An equity option position (multiplier 100, implied vol 30%). */
    public static Position option(String id, String underlying, OptionType type, String quantity, String strike,
            String price, String underlyingPrice, LocalDate expiry) {
        return Position.option(id, InstrumentType.EQUITY_OPTION, underlying + " " + expiry + " " + type + strike,
                underlying, quantity, "100", price, underlyingPrice, type, strike, expiry, "0.30");
    }

    /** An index option position (multiplier 100, implied vol 20%). */
    public static Position indexOption(String id, String underlying, OptionType type, String quantity, String strike,
            String price, String underlyingPrice, LocalDate expiry) {
        return Position.option(id, InstrumentType.INDEX_OPTION, underlying + " " + expiry + " " + type + strike,
                underlying, quantity, "100", price, underlyingPrice, type, strike, expiry, "0.20");
    }

    /** An option leg (multiplier 100, single equity, not long-dated). */
    public static Leg leg(LegKind kind, String quantity, String strike, String price, String underlyingPrice,
            LocalDate expiry) {
        return new Leg(kind, "XYZ", new BigDecimal(strike), expiry, new BigDecimal("100"), new BigDecimal(price),
                new BigDecimal(underlyingPrice), new BigDecimal(quantity), false, false, List.of(kind + strike));
    }

    /** A stock leg. */
    public static Leg stockLeg(String quantity, String price) {
        return new Leg(LegKind.STOCK, "XYZ", null, null, BigDecimal.ONE, new BigDecimal(price), new BigDecimal(price),
                new BigDecimal(quantity), false, false, List.of("stock"));
    }
}
