package org.marginconsult.margin.methodology.span;

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
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.InvalidPortfolioException;
import org.marginconsult.margin.LineKind;
import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.OptionType;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.Rates;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.WorstScenario;
import org.marginconsult.margin.reference.ProductClass;
import org.marginconsult.margin.reference.ReferenceData;
import org.marginconsult.margin.reference.UnderlyingReference;
import org.marginconsult.margin.scenario.VolShiftKind;

/**
 * Worked SPAN examples. Every expected figure is computed by hand in the test from the rule in
 * docs/methodology/span.md, never by calling the code under test. Interest rate 0 throughout, so
 * Black-76 values need no discounting; options expiring on the valuation date are worth their
 * intrinsic value in every scenario, which keeps option examples computable by hand.
 */
class SpanTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    static final LocalDate DEC = LocalDate.of(2026, 12, 18);
    static final LocalDate MAR = LocalDate.of(2027, 3, 19);

    static final ValuationContext CONTEXT = new ValuationContext(AS_OF, new Rates(0.0), new ReferenceData("test",
            List.of(new UnderlyingReference("ES", ProductClass.HIGH_CAP_BROAD_INDEX, "ES", "ES", 1, 1, 0, "E-mini"))));

    /** A combined commodity row with only a scan range: no charges, no SOM. */
    static CombinedCommodityParameters plain(String code, double multiplier, double psr) {
        return new CombinedCommodityParameters(code, multiplier, psr, 0.35, VolShiftKind.RELATIVE, 0, 0, 0, 0, "test");
    }

    /** Defaults with no inter-commodity spreads and no HRP uplift, plus the given rows. */
    static SpanParameters parameters(CombinedCommodityParameters... rows) {
        SpanParameters p = SpanDefaults.parameters().withInterCommoditySpreads(List.of())
                .withHeightenedRiskProfile(false);
        for (CombinedCommodityParameters row : rows) {
            p = p.withCombinedCommodity(row);
        }
        return p;
    }

    static Position future(String id, String underlying, String qty, String multiplier, String price, LocalDate expiry) {
        return Position.future(id, InstrumentType.FUTURE, underlying + "F", underlying, qty, multiplier, price, expiry);
    }

    static Position option(String id, String underlying, String qty, String price, String futurePrice,
            OptionType type, String strike, LocalDate expiry, String vol) {
        return Position.option(id, InstrumentType.FUTURE_OPTION, underlying + type + strike, underlying, qty, "50",
                price, futurePrice, type, strike, expiry, vol);
    }

    static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    static BigDecimal sum(List<BreakdownLine> lines) {
        return lines.stream().map(BreakdownLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * McMillan, Options as a Strategic Investment, ch. 34: the S&P 500 future ($500 a point) with a
     * $10,000 maintenance margin, i.e. a 20-point price scan range. Its 16-line risk array reads
     * 0, 0, +/-3,333, +/-6,667, +/-10,000 and +/-7,000 for the extreme moves (2 x 20 points x $500 x 35%);
     * the SPAN requirement is the largest loss, $10,000.
     */
    @Test
    void riskArrayOfALongFutureScansTheMcMillanSixteenScenarios() {
        Span span = new Span(parameters(plain("SP", 500, 10_000)));
        // Price 400: the range is 10,000 / (400 x 500) = 5% = 20 points.
        Position sp = future("sp", "SP", "1", "500", "400", DEC);

        SpanAssessment a = span.assess(List.of(sp), CONTEXT);

        CombinedCommodityRisk cc = a.combinedCommodity("SP");
        double third = 10_000.0 / 3;
        double[] expected = {0, 0, third, third, -third, -third, 2 * third, 2 * third, -2 * third, -2 * third,
            10_000, 10_000, -10_000, -10_000, 2 * 10_000 * 0.35, -2 * 10_000 * 0.35};
        for (int s = 0; s < 16; s++) {
            assertEquals(expected[s], cc.pnl(0, s), 1e-6, "scenario " + (s + 1));
        }
        assertEquals(10_000, cc.scanRisk(), 1e-6);
        assertEquals(12, cc.worstScenarioIndex(), "scenario 13: down 3/3 range, vol up (first of the tie)");
        MarginResult result = span.calculate(List.of(sp), CONTEXT);
        assertEquals(usd("10000.00"), result.total());
        assertEquals(usd("10000.00"), result.maintenance());
    }

    /**
     * CME SPAN intra-commodity spread charge: scanning moves every month together, so a long December
     * against a short March only loses the basis: fronts at 6,000 and 6,060, range 12,000 / (6,000 x 50)
     * = 4%; at up 3/3 the long gains 50 x 6,000 x 4% = 12,000 and the short loses 50 x 6,060 x 4% =
     * 12,120, a scan risk of $120. The calendar spread charge adds 1 spread x 10% x $12,000 = $1,200.
     * Total 120 + 1,200 = $1,320.
     */
    @Test
    void calendarSpreadPaysTheIntraCommodityChargeOnTopOfTheBasisScan() {
        CombinedCommodityParameters es = plain("ES", 50, 12_000).withIntraSpreadRate(0.10);
        Span span = new Span(parameters(es));
        List<Position> spread = List.of(future("dec", "ES", "1", "50", "6000", DEC),
                future("mar", "ES", "-1", "50", "6060", MAR));

        MarginResult result = span.calculate(spread, CONTEXT);

        assertEquals(usd("1320.00"), result.total());
        assertEquals(usd("120.00"), amount(result, "ES", LineKind.SCAN_RISK));
        assertEquals(usd("1200.00"), amount(result, "ES", LineKind.SPREAD_CHARGE));
        WorstScenario worst = result.worstScenarios().get(0);
        assertEquals("up 3/3 range, vol up", worst.scenarioLabel());
        assertEquals(usd("120.00"), worst.loss());
        assertEquals(List.of("dec", "mar"), worst.positions().stream().map(p -> p.positionId()).toList());
        assertEquals(usd("12000.00"), worst.positions().get(0).pnl());
        assertEquals(usd("-12120.00"), worst.positions().get(1).pnl());
    }

    /**
     * Percentage-style inter-commodity credit (CME's classic credit, e.g. corn/soybeans 2:1 at 55%):
     * long 3 ES at 6,000 (range $11,500, scan 3 x 11,500 = 34,500) against short 2 NQ at 21,000 (range
     * $18,000, scan 2 x 18,000 = 36,000), spread ES 3 : NQ 2 at 70%. Deltas +3 and -2 make
     * min(3/3, 2/2) = 1 spread. Credits: ES 1 x 3 x 11,500 x 70% = 24,150; NQ 1 x 2 x 18,000 x 70% =
     * 25,200. Maintenance = 34,500 + 36,000 - 24,150 - 25,200 = $21,150.
     */
    @Test
    void percentageCreditGivesSeventyPercentOfBothLegsOutrightMargins() {
        SpanParameters p = parameters(plain("ES", 50, 11_500), plain("NQ", 20, 18_000))
                .withInterCommoditySpreads(List.of(InterCommoditySpread.of(1, "ES", 3, "NQ", 2,
                        InterCommoditySpread.Style.PERCENTAGE, 0.70)));
        List<Position> book = List.of(future("es", "ES", "3", "50", "6000", DEC),
                future("nq", "NQ", "-2", "20", "21000", DEC));

        MarginResult result = new Span(p).calculate(book, CONTEXT);

        assertEquals(usd("21150.00"), result.total());
        assertEquals(usd("-24150.00"), amount(result, "ES", LineKind.CREDIT));
        assertEquals(usd("-25200.00"), amount(result, "NQ", LineKind.CREDIT));
        assertEquals(usd("34500.00"), amount(result, "ES", LineKind.SCAN_RISK));
        assertEquals(usd("36000.00"), amount(result, "NQ", LineKind.SCAN_RISK));
    }

    /**
     * Scanning-style credit (margin-methods.md section 3: per scenario, loss leg - rate x gain leg):
     * long 1 ES at 6,000 (range $12,000 = 4%) and short 1 NQ at 20,000 x $20 (range $16,000 = 4%).
     * At a move of k ranges ES makes 12,000k and NQ makes -16,000k. Up: 16,000k - 50% x 12,000k =
     * 10,000k, worst 10,000 at k = 1 (extreme: 10,000 x 2 x 35% = 7,000). Down: 12,000|k| - 50% x
     * 16,000|k| = 4,000|k|. Pair scan 10,000; credit = 12,000 + 16,000 - 10,000 = 18,000, split 12:16
     * (ES 7,714.29, NQ 10,285.71). Maintenance $10,000.
     */
    @Test
    void scanningCreditOffsetsHalfOfTheGainingLegScenarioByScenario() {
        SpanParameters p = parameters(plain("ES", 50, 12_000), plain("NQ", 20, 16_000))
                .withInterCommoditySpreads(List.of(InterCommoditySpread.of(1, "ES", 1, "NQ", 1,
                        InterCommoditySpread.Style.SCANNING, 0.50)));
        List<Position> book = List.of(future("es", "ES", "1", "50", "6000", DEC),
                future("nq", "NQ", "-1", "20", "20000", DEC));

        MarginResult result = new Span(p).calculate(book, CONTEXT);

        assertEquals(usd("10000.00"), result.total());
        assertEquals(usd("-7714.29"), amount(result, "ES", LineKind.CREDIT));
        assertEquals(usd("-10285.71"), amount(result, "NQ", LineKind.CREDIT));
    }

    /**
     * Short option minimum (CME advisory 99-65 onwards): ten short ES calls struck at 12,000 with the
     * future at 6,000 and 10% vol are worthless in every scenario (the extreme up move reaches 6,480),
     * so the scan risk is $0. SOM = max(10 short calls, 0 short puts) x 10% x $12,000 = $12,000. Net
     * option value of the shorts: -10 x 50 x 0.05 = -$25, which adds $25. Total $12,025.
     */
    @Test
    void shortOptionMinimumChargesFarOutOfTheMoneyShortCalls() {
        CombinedCommodityParameters es = plain("ES", 50, 12_000).withShortOptionMinimumRate(0.10);
        List<Position> calls = List.of(option("c", "ES", "-10", "0.05", "6000", OptionType.CALL, "12000", DEC, "0.10"));

        MarginResult result = new Span(parameters(es)).calculate(calls, CONTEXT);

        assertEquals(usd("12025.00"), result.total());
        assertEquals(usd("0.00"), amount(result, "ES", LineKind.SCAN_RISK));
        assertEquals(usd("12000.00"), amount(result, "ES", LineKind.SHORT_OPTION_MINIMUM));
        assertEquals(usd("25.00"), amount(result, "ES", LineKind.NET_OPTION_VALUE));
    }

    /**
     * Net option value and HRP: short 1 ES at 6,000 hedged by 2 long puts K=6,100 expiring today (worth
     * their intrinsic 100 in every scenario; mark 100). Range $12,000 = 4% = 240 points. At up k ranges
     * the future makes -12,000k; the puts are worth max(100 - 240k, 0) x 100 against 10,000 today:
     * k = 1/3: -4,000 - 8,000 = -12,000; k = 2/3: -8,000 - 10,000 = -18,000; k = 1: -12,000 - 10,000 =
     * -22,000; extreme k = 2: (-24,000 - 10,000) x 35% = -11,900; down moves gain. Scan risk 22,000;
     * NOV = 2 x 50 x 100 = 10,000 reduces it: maintenance 12,000; HRP initial 110% = $13,200.
     */
    @Test
    void netOptionValueOfLongPutsReducesTheRequirementAndHrpAddsTenPercent() {
        SpanParameters p = parameters(plain("ES", 50, 12_000)).withHeightenedRiskProfile(true);
        List<Position> book = List.of(future("f", "ES", "-1", "50", "6000", DEC),
                option("p", "ES", "2", "100", "6000", OptionType.PUT, "6100", AS_OF, "0.20"));

        MarginResult result = new Span(p).calculate(book, CONTEXT);

        assertEquals(usd("22000.00"), amount(result, "ES", LineKind.SCAN_RISK));
        assertEquals(usd("-10000.00"), amount(result, "ES", LineKind.NET_OPTION_VALUE));
        assertEquals(usd("12000.00"), result.maintenance());
        assertEquals(usd("13200.00"), result.total());
        assertEquals(usd("1200.00"), amount(result, "FUTURES", LineKind.INITIAL_UPLIFT));
    }

    /** HRP (CME performance-bond advisories): the McMillan future's $10,000 maintenance is $11,000 initial. */
    @Test
    void heightenedRiskProfileInitialIsOneHundredTenPercentOfMaintenanceOtherwiseEqual() {
        Position sp = future("sp", "SP", "1", "500", "400", DEC);
        SpanParameters p = parameters(plain("SP", 500, 10_000));

        MarginResult hedger = new Span(p.withHeightenedRiskProfile(false)).calculate(List.of(sp), CONTEXT);
        MarginResult speculator = new Span(p.withHeightenedRiskProfile(true)).calculate(List.of(sp), CONTEXT);

        assertEquals(usd("10000.00"), hedger.total());
        assertEquals(usd("10000.00"), hedger.maintenance());
        assertEquals(usd("11000.00"), speculator.total());
        assertEquals(usd("10000.00"), speculator.maintenance());
    }

    /**
     * Long options never require more than their value: two puts K=6,100 expiring today marked at 110
     * (intrinsic 100) lose at most 2 x 50 x 100 = 10,000 in the scan, while their value is 2 x 50 x 110 =
     * 11,000. The account needs $0 and the unused 1,000 of option value is its own floor line.
     */
    @Test
    void longOptionValueBeyondTheRiskIsNotANegativeRequirement() {
        List<Position> puts = List.of(option("p", "ES", "2", "110", "6000", OptionType.PUT, "6100", AS_OF, "0.20"));

        MarginResult result = new Span(parameters(plain("ES", 50, 12_000))).calculate(puts, CONTEXT);

        assertEquals(usd("0.00"), result.total());
        assertEquals(usd("10000.00"), amount(result, "ES", LineKind.SCAN_RISK));
        assertEquals(usd("-11000.00"), amount(result, "ES", LineKind.NET_OPTION_VALUE));
        assertEquals(usd("1000.00"), amount(result, "FUTURES", LineKind.FLOOR));
    }

    /**
     * Extreme-move parameters (X, w) decide when the extreme scenarios set the scan: with X = 3 and
     * w = 33% the McMillan future's extreme loss is 3 x 10,000 x 33% = 9,900 < 10,000, unchanged scan;
     * with w = 50% it is 15,000 and scenario 16 (extreme down) becomes the worst.
     */
    @Test
    void extremeMoveOverridesChangeTheWorstScenarioOnlyWhenTheyOutweighTheFullRange() {
        Position sp = future("sp", "SP", "1", "500", "400", DEC);
        SpanParameters p = parameters(plain("SP", 500, 10_000));

        CombinedCommodityRisk cme = new Span(p.withExtremeMove(3, 0.33)).assess(List.of(sp), CONTEXT)
                .combinedCommodity("SP");
        CombinedCommodityRisk heavy = new Span(p.withExtremeMove(3, 0.50)).assess(List.of(sp), CONTEXT)
                .combinedCommodity("SP");

        assertEquals(10_000, cme.scanRisk(), 1e-6);
        assertEquals(-9_900, cme.pnl(0, 15), 1e-6);
        assertEquals(15_000, heavy.scanRisk(), 1e-6);
        assertEquals(15, heavy.worstScenarioIndex());
    }

    /** A what-if on the scan range: scale 1.5 turns the McMillan $10,000 into $15,000. */
    @Test
    void priceScanRangeScaleWidensEveryRange() {
        Position sp = future("sp", "SP", "1", "500", "400", DEC);
        SpanParameters p = parameters(plain("SP", 500, 10_000)).withPriceScanRangeScale(1.5);

        assertEquals(usd("15000.00"), new Span(p).calculate(List.of(sp), CONTEXT).total());
    }

    /**
     * Vol shocks and decay switches: an at-the-money long call (F = K = 6,000, 20% vol, 28 days) loses
     * value in the unchanged-price scenarios only through decay and vol down; with both switched off the
     * unchanged scenarios are exactly flat.
     */
    @Test
    void switchingVolShocksAndDecayOffLeavesTheUnchangedScenarioFlat() {
        Position call = option("c", "ES", "1", "200", "6000", OptionType.CALL, "6000", DEC, "0.20");
        SpanParameters p = parameters(plain("ES", 50, 12_000));

        CombinedCommodityRisk on = new Span(p).assess(List.of(call), CONTEXT).combinedCommodity("ES");
        CombinedCommodityRisk off = new Span(p.withVolatilityShocks(false).withTimeDecayDays(0))
                .assess(List.of(call), CONTEXT).combinedCommodity("ES");

        assertTrue(on.pnl(0, 0) > 0, "vol up outweighs one day of decay at the money");
        assertTrue(on.pnl(0, 1) < 0, "vol down and decay lose");
        assertEquals(0.0, off.pnl(0, 0), 1e-9);
        assertEquals(0.0, off.pnl(0, 1), 1e-9);
    }

    /** Delivery-month charge: 2 ES expiring in 5 days with a 30-day window at 20% of $12,000 = $4,800. */
    @Test
    void positionsInTheDeliveryWindowPayTheDeliveryMonthCharge() {
        CombinedCommodityParameters es = plain("ES", 50, 12_000).withDeliveryMonth(0.20, 30);
        List<Position> book = List.of(future("near", "ES", "2", "50", "6000", AS_OF.plusDays(5)));

        MarginResult result = new Span(parameters(es)).calculate(book, CONTEXT);

        assertEquals(usd("4800.00"), amount(result, "ES", LineKind.DELIVERY_CHARGE));
        assertEquals(usd("28800.00"), result.total()); // scan 2 x 12,000 + 4,800
    }

    /** The delivery window counts calendar days inclusively: 30 days out is in a 30-day window, 31 is not. */
    @Test
    void theDeliveryWindowIncludesItsLastDay() {
        CombinedCommodityParameters es = plain("ES", 50, 12_000).withDeliveryMonth(0.20, 30);
        Span span = new Span(parameters(es));

        MarginResult in = span.calculate(List.of(future("a", "ES", "1", "50", "6000", AS_OF.plusDays(30))), CONTEXT);
        MarginResult out = span.calculate(List.of(future("b", "ES", "1", "50", "6000", AS_OF.plusDays(31))), CONTEXT);

        assertEquals(usd("2400.00"), amount(in, "ES", LineKind.DELIVERY_CHARGE)); // 1 x 20% x 12,000
        assertEquals(usd("0.00"), amount(out, "ES", LineKind.DELIVERY_CHARGE));
    }

    /** Treasury futures are scanned in price: 1 ZN at 110 x $1,000 with the default $2,000 range needs $2,000. */
    @Test
    void treasuryFuturesAreScannedInPriceNotByDv01() {
        Position zn = Position.rates("zn", InstrumentType.TREASURY_FUTURE, "ZNZ6", "ZN", "1", "1000", "110", DEC, "65");
        SpanParameters p = SpanDefaults.parameters().withHeightenedRiskProfile(false);

        assertEquals(usd("2000.00"), new Span(p).calculate(List.of(zn), CONTEXT).total());
    }

    /**
     * A combined commodity missing from the table is scanned with the fallback (15% of the front
     * contract's value: 15% x 80 x 1,000 = $12,000) and the result says so.
     */
    @Test
    void unknownCombinedCommodityUsesTheFallbackRangeWithAWarning() {
        Position cl = future("cl", "CL", "1", "1000", "80", DEC);

        MarginResult result = new Span(parameters()).calculate(List.of(cl), CONTEXT);

        assertEquals(usd("12000.00"), result.total());
        assertEquals(Span.FALLBACK_PARAMETERS, result.warnings().get(0).code());
        assertEquals("CL", result.warnings().get(0).subject());
    }

    /** SPAN is the futures account's rule: a stock is refused with a field error, never dropped. */
    @Test
    void securitiesPositionsAreRefusedWithTheirIndexAndField() {
        Position stock = Position.equity("s", InstrumentType.STOCK, "AAPL", "100", "200");
        InvalidPortfolioException e = assertThrows(InvalidPortfolioException.class,
                () -> Span.withDefaults().calculate(List.of(future("f", "ES", "1", "50", "6000", DEC), stock), CONTEXT));
        assertEquals(1, e.errors().get(0).positionIndex());
        assertEquals("account", e.errors().get(0).field());
    }

    /**
     * An extreme move beyond the price itself cannot be valued: the refusal names the front contract and its
     * price field (with published parameters a price far below the product's is the likely mistake).
     */
    @Test
    void anExtremeMoveThatWouldMakePricesNegativeIsRefusedNamingTheFrontContractsPrice() {
        Position sp = future("sp", "SP", "1", "500", "400", DEC);
        SpanParameters p = parameters(plain("SP", 500, 10_000)).withPriceScanRangeScale(10);
        ScanRangeException e = assertThrows(ScanRangeException.class,
                () -> new Span(p).calculate(List.of(sp), CONTEXT));
        assertEquals("sp", e.positionId());
        assertEquals("price", e.field());
        assertTrue(e.getMessage().startsWith("combined commodity SP: the front contract "), e.getMessage());
        assertTrue(e.getMessage().contains("(position sp) is priced at 400, so a price scan range of $100000.00 per"
                + " contract is 50.0% of its value"), e.getMessage());
    }

    @Test
    void breakdownAddsUpToTheTotalAndTheResultDoesNotDependOnPositionOrder() {
        List<Position> book = mixedBook();
        SpanParameters p = SpanDefaults.parameters();
        MarginResult first = new Span(p).calculate(book, CONTEXT);
        List<Position> shuffled = new ArrayList<>(book);
        Collections.shuffle(shuffled, new Random(7));

        MarginResult second = new Span(p).calculate(shuffled, CONTEXT);

        assertEquals(first.total(), sum(first.breakdown()));
        assertEquals(first, second);
        assertFalse(first.offsets().isEmpty(), "the mixed book earns inter-commodity credits");
        for (WorstScenario w : first.worstScenarios()) {
            BigDecimal pnl = w.positions().stream().map(x -> x.pnl()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(w.loss().negate(), pnl, "positions' P&L adds up to the group's loss in " + w.group());
        }
    }

    @Test
    void theShippedTableCoversEverySeededProductWithASource() {
        SpanParameters p = SpanDefaults.parameters();
        for (String code : List.of("ES", "MES", "NQ", "MNQ", "RTY", "ZN", "ZB", "ZF", "BTC", "MBT", "ETH", "BTC-PERP",
                "ETH-PERP")) {
            CombinedCommodityParameters cc = p.combinedCommodity(code);
            assertFalse(cc == null, code);
            assertFalse(cc.source().isBlank(), code + " has a source or rationale");
        }
        assertEquals(2.0, p.extremeMoveMultiple());
        assertEquals(0.35, p.extremeMoveWeight());
        assertEquals(1, p.timeDecayDays());
        assertEquals(1.10, p.hrpInitialRatio());
        assertTrue(p.heightenedRiskProfile());
    }

    static List<Position> mixedBook() {
        return List.of(
                future("es1", "ES", "3", "50", "6000", DEC),
                future("es2", "ES", "-1", "50", "6060", MAR),
                future("mes", "MES", "-12", "5", "6000", DEC),
                future("nq", "NQ", "-2", "20", "21000", DEC),
                option("esc", "ES", "-2", "120", "6000", OptionType.CALL, "6100", DEC, "0.18"),
                option("esp", "ES", "1", "90", "6000", OptionType.PUT, "5900", DEC, "0.21"),
                Position.future("btc", InstrumentType.CRYPTO_FUTURE, "BTCZ6", "BTC", "1", "5", "98000", DEC),
                Position.future("perp", InstrumentType.CRYPTO_PERPETUAL, "BTC-PERP", "BTC-PERP", "-3", "1", "98100",
                        null),
                Position.option("btcp", InstrumentType.CRYPTO_OPTION, "BTC P90000", "BTC", "-1", "5", "2500", "98000",
                        OptionType.PUT, "90000", DEC, "0.55"),
                Position.rates("zn", InstrumentType.TREASURY_FUTURE, "ZNZ6", "ZN", "5", "1000", "110.5", DEC, "65"),
                Position.rates("zb", InstrumentType.TREASURY_FUTURE, "ZBZ6", "ZB", "-2", "1000", "115", DEC, "180"));
    }

    static BigDecimal amount(MarginResult result, String group, LineKind kind) {
        return result.breakdown().stream().filter(l -> l.group().equals(group) && l.kind() == kind)
                .map(BreakdownLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
