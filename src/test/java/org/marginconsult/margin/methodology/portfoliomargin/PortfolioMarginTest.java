package org.marginconsult.margin.methodology.portfoliomargin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.BreakdownLine;
import org.marginconsult.margin.GroupKind;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.InvalidPortfolioException;
import org.marginconsult.margin.LineKind;
import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.OptionType;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.Rates;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.Warning;
import org.marginconsult.margin.WorstScenario;
import org.marginconsult.margin.reference.ProductClass;
import org.marginconsult.margin.reference.ReferenceData;
import org.marginconsult.margin.reference.UnderlyingReference;

/**
 * Worked portfolio-margin examples (FINRA Rule 4210(g)). Expected figures are computed by hand in each
 * test from docs/methodology/portfolio-margin.md. Rates and dividend yields are 0, and options that
 * expire tomorrow with a vol of 0.01% are worth exactly their intrinsic value at every point, so
 * option examples stay computable by hand.
 */
class PortfolioMarginTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    static final LocalDate TOMORROW = AS_OF.plusDays(1);
    static final LocalDate DEC = LocalDate.of(2026, 12, 18);

    static final ValuationContext CONTEXT = new ValuationContext(AS_OF, new Rates(0.0), new ReferenceData("test", List.of(
            row("SPY", ProductClass.HIGH_CAP_BROAD_INDEX),
            row("QQQ", ProductClass.HIGH_CAP_BROAD_INDEX),
            row("IWM", ProductClass.OTHER_BROAD_INDEX),
            row("ABC", ProductClass.SINGLE_EQUITY),
            row("XYZ", ProductClass.SINGLE_EQUITY))));

    static UnderlyingReference row(String symbol, ProductClass c) {
        return new UnderlyingReference(symbol, c, symbol, symbol, 1, 1, 0, symbol);
    }

    static Position stock(String id, String symbol, String qty, String price) {
        return Position.equity(id, symbol.equals("ABC") || symbol.equals("XYZ") ? InstrumentType.STOCK : InstrumentType.ETF,
                symbol, qty, price);
    }

    static Position option(String id, String underlying, String qty, String price, String spot, OptionType type,
            String strike, LocalDate expiry, String vol) {
        return Position.option(id, InstrumentType.EQUITY_OPTION, underlying + " " + type + strike, underlying, qty, "100", price, spot, type, strike,
                expiry, vol);
    }

    static BigDecimal usd(String s) {
        return new BigDecimal(s);
    }

    static BigDecimal amount(MarginResult r, String group, LineKind kind) {
        return r.breakdown().stream().filter(l -> l.group().equals(group) && l.kind() == kind)
                .map(BreakdownLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /**
     * Schwab's portfolio-margin example: long 100 shares at $50. A single equity is valued from -15% to
     * +15%; the worst point is -15%: 100 x $50 x 15% = $750 (Reg T would ask $2,500 initial).
     */
    @Test
    void longStockNeedsItsLossAtTheFifteenPercentDownPoint() {
        MarginResult r = PortfolioMargin.withDefaults().calculate(List.of(stock("s", "ABC", "100", "50")), CONTEXT);

        assertEquals(usd("750.00"), r.total());
        assertEquals(usd("750.00"), r.maintenance(), "4210(g) has one requirement: initial = maintenance");
        WorstScenario worst = r.worstScenarios().get(0);
        assertEquals("down 15.00%", worst.scenarioLabel());
        assertEquals(-0.15, worst.priceMove(), 1e-15);
        assertEquals(usd("-750.00"), worst.positions().get(0).pnl());
    }

    /**
     * A hedged index position: long 1,000 SPY at $600 (high-cap broad-based index: -8%..+6%) with 10 long
     * puts K=580 expiring tomorrow. Points down: -8% (552), -6.4% (561.60), -4.8% (571.20), -3.2%
     * (580.80), -1.6%. Stock: -48,000, -38,400, -28,800, -19,200, -9,600; puts (10 x 100 x (580 - S)):
     * +28,000, +18,400, +8,800, 0, 0. Net: -20,000 three times, -19,200, -9,600; up points gain.
     * Requirement $20,000 = (600 - 580) x 1,000, instead of 600 x 8% x 1,000 = $48,000 unhedged.
     * The minimum, 10 x 100 x $0.375 = $375, is capped at the puts' value 10 x 100 x $0.01 = $10.
     */
    @Test
    void protectivePutsCapTheIndexLossAtTheStrike() {
        List<Position> book = List.of(stock("spy", "SPY", "1000", "600"),
                option("put", "SPY", "10", "0.01", "600", OptionType.PUT, "580", TOMORROW, "0.0001"));

        MarginResult r = PortfolioMargin.withDefaults().calculate(book, CONTEXT);

        assertEquals(usd("20000.00"), r.total());
        assertEquals(usd("0.00"), amount(r, "SPY", LineKind.MINIMUM_CHARGE));
        MarginResult unhedged = PortfolioMargin.withDefaults().calculate(List.of(book.get(0)), CONTEXT);
        assertEquals(usd("48000.00"), unhedged.total());
    }

    /**
     * The $0.375 minimum (4210(g)): 10 short ABC calls struck at 100 with ABC at 50 are worthless even
     * at +15% (57.50), so the largest loss is $0; the minimum is 10 x 100 x $0.375 = $375.
     */
    @Test
    void shortFarOutOfTheMoneyCallsPayTheMinimumPerContract() {
        List<Position> calls = List.of(option("c", "ABC", "-10", "0.01", "50", OptionType.CALL, "100", DEC, "0.20"));

        MarginResult r = PortfolioMargin.withDefaults().calculate(calls, CONTEXT);

        assertEquals(usd("375.00"), r.total());
        assertEquals(usd("0.00"), amount(r, "ABC", LineKind.SCAN_RISK));
        assertEquals(usd("375.00"), amount(r, "ABC", LineKind.MINIMUM_CHARGE));
    }

    /**
     * Product-group offset (17 CFR 240.15c3-1a(b)(1)(v)(C): 90% for high-cap diversified indices): long
     * 1,000 QQQ at $500 against short 1,000 SPY at $600. At +6%: QQQ +30,000, SPY -36,000: group loss
     * 36,000 - 90% x 30,000 = 9,000; at +4.8%: 28,800 - 21,600 = 7,200; at -8%: 40,000 - 90% x 48,000 =
     * -3,200. Requirement $9,000; standalone the class groups need 40,000 (QQQ at -8%) + 36,000 (SPY at
     * +6%) = 76,000, so the offset line is -$67,000.
     */
    @Test
    void highCapIndexClassGroupsOffsetNinetyPercentOfGains() {
        List<Position> book = List.of(stock("qqq", "QQQ", "1000", "500"), stock("spy", "SPY", "-1000", "600"));

        MarginResult r = PortfolioMargin.withDefaults().calculate(book, CONTEXT);

        assertEquals(usd("9000.00"), r.total());
        assertEquals(usd("40000.00"), amount(r, "QQQ", LineKind.SCAN_RISK));
        assertEquals(usd("36000.00"), amount(r, "SPY", LineKind.SCAN_RISK));
        assertEquals(usd("-67000.00"), amount(r, "HIGH_CAP_BROAD_INDEX", LineKind.OFFSET));
        WorstScenario group = r.worstScenarios().stream().filter(w -> w.groupKind() == GroupKind.PRODUCT_GROUP)
                .findFirst().orElseThrow();
        assertEquals("up 6.00%", group.scenarioLabel());
        assertEquals(2, group.positions().size());
    }

    /** Single equities form no product group: a long ABC and a short XYZ each pay their own worst point. */
    @Test
    void singleEquitiesDoNotOffsetEachOther() {
        // ABC long 100 x 50: 750 at -15%; XYZ short 100 x 40: 600 at +15%.
        List<Position> book = List.of(stock("a", "ABC", "100", "50"), stock("x", "XYZ", "-100", "40"));

        assertEquals(usd("1350.00"), PortfolioMargin.withDefaults().calculate(book, CONTEXT).total());
    }

    /** A what-if range: single equities at +/-20% make the Schwab example 100 x 50 x 20% = $1,000. */
    @Test
    void rangeOverrideChangesTheValuationPoints() {
        PortfolioMarginParameters p = PortfolioMarginParameters.defaults()
                .withRange(ProductClass.SINGLE_EQUITY, 0.20, 0.20);

        MarginResult r = new PortfolioMargin(p).calculate(List.of(stock("s", "ABC", "100", "50")), CONTEXT);

        assertEquals(usd("1000.00"), r.total());
    }

    /**
     * A volatility-shift what-if doubles the grid (every point at vol up and vol down); a long
     * at-the-money call then loses more at its worst point, never less.
     */
    @Test
    void volatilityShiftAddsVolUpAndVolDownPointsAndCanOnlyRaiseTheRequirement() {
        List<Position> call = List.of(option("c", "ABC", "5", "3", "50", OptionType.CALL, "50", DEC, "0.30"));
        PortfolioMarginAssessment base = PortfolioMargin.withDefaults().assess(call, CONTEXT);
        PortfolioMarginAssessment shocked = new PortfolioMargin(PortfolioMarginParameters.defaults()
                .withVolatilityShift(0.25)).assess(call, CONTEXT);

        assertEquals(10, base.classGroup("ABC").grid().size());
        assertEquals(20, shocked.classGroup("ABC").grid().size());
        assertTrue(shocked.requirement() > base.requirement());
    }

    @Test
    void unknownUnderlyingIsValuedAsASingleEquityWithAWarning() {
        Position p = Position.equity("u", InstrumentType.STOCK, "NEWCO", "10", "100");

        MarginResult r = PortfolioMargin.withDefaults().calculate(List.of(p), CONTEXT);

        assertEquals(usd("150.00"), r.total()); // 10 x 100 x 15%
        assertEquals(Warning.UNKNOWN_UNDERLYING, r.warnings().get(0).code());
    }

    @Test
    void futuresArePositionsOfTheOtherAccountAndAreRefused() {
        Position future = Position.future("f", InstrumentType.FUTURE, "ESZ6", "ES", "1", "50", "6000", DEC);
        InvalidPortfolioException e = assertThrows(InvalidPortfolioException.class,
                () -> PortfolioMargin.withDefaults().calculate(List.of(stock("s", "ABC", "1", "1"), future), CONTEXT));
        assertEquals(1, e.errors().size());
        assertEquals("account", e.errors().get(0).field());
        assertEquals(1, e.errors().get(0).positionIndex());
    }

    /**
     * Treasuries are outside 4210(g)'s grid and carry the strategy-based charge for US government
     * obligations (FINRA 4210(e)(2)(A)): 100 bonds x $10 x 99 = $99,000 maturing in 9 years (5 to 10
     * years: 4%) need $3,960; a short of 50 bills x $10 x 99.5 = $49,750 due in 6 months (under 1 year:
     * 1%) needs $497.50. With 100 ABC at $50 ($750): $5,207.50.
     */
    @Test
    void treasuriesCarryTheStrategyBasedChargeByMaturity() {
        Position bond = Position.rates("t1", InstrumentType.TREASURY, "T 4 11/35", "UST-10Y", "100", "10", "99",
                AS_OF.plusYears(9), "0.08");
        Position bill = Position.rates("t2", InstrumentType.TREASURY, "B 5/27", "UST-2Y", "-50", "10", "99.5",
                AS_OF.plusMonths(6), "0.005");

        MarginResult r = PortfolioMargin.withDefaults().calculate(List.of(bond, stock("s", "ABC", "100", "50"), bill),
                CONTEXT);

        assertEquals(usd("3960.00"), amount(r, "UST-10Y", LineKind.STRATEGY_REQUIREMENT));
        assertEquals(usd("497.50"), amount(r, "UST-2Y", LineKind.STRATEGY_REQUIREMENT));
        assertEquals(usd("5207.50"), r.total());
    }

    @Test
    void breakdownAddsUpToTheTotalAndTheResultDoesNotDependOnPositionOrder() {
        List<Position> book = List.of(stock("qqq", "QQQ", "1000", "500"), stock("spy", "SPY", "-800", "600"),
                stock("iwm", "IWM", "300", "220"), stock("abc", "ABC", "500", "50"),
                option("c1", "SPY", "-5", "8.5", "600", OptionType.CALL, "610", DEC, "0.16"),
                option("p1", "SPY", "4", "7.1", "600", OptionType.PUT, "590", DEC, "0.19"),
                option("c2", "ABC", "-10", "1.2", "50", OptionType.CALL, "55", DEC, "0.35"),
                option("p2", "QQQ", "-3", "9.3", "500", OptionType.PUT, "490", DEC, "0.22"));
        MarginResult first = PortfolioMargin.withDefaults().calculate(book, CONTEXT);
        List<Position> shuffled = new ArrayList<>(book);
        Collections.shuffle(shuffled, new Random(11));

        MarginResult second = PortfolioMargin.withDefaults().calculate(shuffled, CONTEXT);

        assertEquals(first.total(), first.breakdown().stream().map(BreakdownLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(first, second);
        assertFalse(first.offsets().isEmpty());
        for (WorstScenario w : first.worstScenarios()) {
            BigDecimal pnl = w.positions().stream().map(x -> x.pnl()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(w.loss().negate(), pnl, w.group());
        }
    }
}
