package org.marginconsult.margin.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.OptionType;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.Rates;
import org.marginconsult.margin.pricing.BlackScholesMerton;
import org.marginconsult.margin.support.MarginFixtures;

class ScenarioRevaluerTest {

    private final ScenarioRevaluer revaluer = new ScenarioRevaluer(MarginFixtures.context());
    private final ScenarioGrid pm = ScenarioGrid.priceRange("pm", 0.15, 0.15, 5, false, new double[] {0},
            VolShiftKind.ABSOLUTE, 0, 1, 0);

    @Test
    void hundredSharesAtFiftyLoseSevenHundredFiftyAtMinusFifteenPercent() {
        // Schwab's portfolio margin example: long 100 shares at $50, worst point -15% -> $750.
        double[] pnl = revaluer.pnl(Position.equity("a", InstrumentType.STOCK, "AAPL", "100", "50"), 1, pm);
        assertEquals(-750.0, pnl[0], 1e-9);
        assertEquals(750.0, pnl[9], 1e-9);
    }

    @Test
    void aShortOptionsPnlIsTheChangeInModelValueTimesQuantityAndMultiplier() {
        LocalDate expiry = LocalDate.of(2027, 5, 20);
        Position p = Position.option("o", InstrumentType.EQUITY_OPTION, "AAPL C", "AAPL", "-2", "100", "12", "230",
                OptionType.CALL, "240", expiry, "0.30");
        double[] pnl = revaluer.pnl(p, 1, pm);
        double t = Rates.yearFraction(MarginFixtures.AS_OF, expiry);
        double b = 0.04 - 0.005;
        double today = BlackScholesMerton.price(true, 230, 240, t, 0.04, b, 0.30);
        double up = BlackScholesMerton.price(true, 230 * 1.15, 240, t, 0.04, b, 0.30);
        assertEquals(-200 * (up - today), pnl[9], 1e-8);
    }

    @Test
    void betaScalesTheUnderlyingMoveAndWeightsScaleThePnl() {
        ScenarioGrid grid = ScenarioGrid.span("btc", 0.2, 0.1, VolShiftKind.RELATIVE, 2, 0.35, 1);
        Position fut = Position.future("f", InstrumentType.CRYPTO_FUTURE, "MBTZ6", "MBT", "10", "0.1", "98000",
                LocalDate.of(2026, 12, 24));
        double[] pnl = revaluer.pnl(fut, 0.5, grid);
        assertEquals(10 * 0.1 * 98000 * 0.5 * 0.4 * 0.35, pnl[14], 1e-6);
    }

    @Test
    void treasuriesMoveByDv01TimesTheYieldShift() {
        Position note = Position.rates("t", InstrumentType.TREASURY, "T 4 11/35", "UST-10Y", "1000", "10", "98.5",
                LocalDate.of(2035, 11, 15), "0.85");
        double[] pnl = revaluer.pnl(note, 1, ScenarioGrid.yieldShifts("10y", 30, 3, 0, 1));
        assertEquals(1000 * 0.85 * 30, pnl[0], 1e-9);
        assertEquals(-1000 * 0.85 * 30, pnl[5], 1e-9);
    }

    @Test
    void optionsLoseTimeValueUnderDecayEvenWhenNothingMoves() {
        Position p = Position.option("o", InstrumentType.FUTURE_OPTION, "ES C", "ES", "1", "50", "100", "5900",
                OptionType.CALL, "6000", LocalDate.of(2026, 12, 18), "0.18");
        ScenarioGrid grid = ScenarioGrid.span("es", 0.06, 0.0, VolShiftKind.ABSOLUTE, 2, 0.35, 1);
        double[] pnl = revaluer.pnl(p, 1, grid);
        assertEquals(true, pnl[0] < 0);
        double[] noDecay = revaluer.pnl(p, 1, ScenarioGrid.span("es0", 0.06, 0.0, VolShiftKind.ABSOLUTE, 2, 0.35, 0));
        assertEquals(0.0, noDecay[0], 1e-9);
    }
}
