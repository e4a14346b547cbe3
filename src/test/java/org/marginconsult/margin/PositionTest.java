package org.marginconsult.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.instrument.Equity;
import org.marginconsult.margin.instrument.Future;
import org.marginconsult.margin.instrument.ListedOption;
import org.marginconsult.margin.instrument.Treasury;
import org.marginconsult.margin.instrument.TreasuryFuture;

class PositionTest {

    private static final LocalDate EXPIRY = LocalDate.of(2026, 12, 18);

    @Test
    void eachInstrumentTypeHasItsTypedView() {
        assertInstanceOf(Equity.class, Position.equity("a", InstrumentType.ETF, "SPY", "10", "590").instrument());
        ListedOption option = assertInstanceOf(ListedOption.class, Position.option("b", InstrumentType.EQUITY_OPTION,
                "AAPL C", "AAPL", "-1", "100", "1.50", "65", OptionType.CALL, "68", EXPIRY, "0.3").instrument());
        assertEquals(new BigDecimal("3"), option.outOfTheMoney());
        Future perp = assertInstanceOf(Future.class, Position.future("c", InstrumentType.CRYPTO_PERPETUAL, "BTC-PERP",
                "BTC-PERP", "1", "0.01", "98000", null).instrument());
        assertTrue(perp.isPerpetual());
        assertInstanceOf(Treasury.class, Position.rates("d", InstrumentType.TREASURY, "T", "UST-10Y", "1", "10", "98",
                LocalDate.of(2035, 1, 1), "0.8").instrument());
        assertInstanceOf(TreasuryFuture.class, Position.rates("e", InstrumentType.TREASURY_FUTURE, "ZNZ6", "ZN", "1",
                "1000", "111", EXPIRY, "75").instrument());
    }

    @Test
    void anInvalidPositionHasNoInstrumentView() {
        Position broken = new Position("x", Account.SECURITIES, InstrumentType.EQUITY_OPTION, "X", "X", BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, null, null, null, null, null, null, "USD");
        assertThrows(IllegalStateException.class, broken::instrument);
    }

    @Test
    void marketValueIsQuantityTimesMultiplierTimesPrice() {
        Position p = Position.option("b", InstrumentType.EQUITY_OPTION, "AAPL C", "AAPL", "-2", "100", "1.55", "65",
                OptionType.CALL, "68", EXPIRY, "0.3");
        assertEquals(0, new BigDecimal("-310").compareTo(p.marketValue()));
        assertTrue(p.isShort());
    }
}
