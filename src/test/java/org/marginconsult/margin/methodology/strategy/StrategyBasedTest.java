package org.marginconsult.margin.methodology.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginconsult.margin.OptionType.CALL;
import static org.marginconsult.margin.OptionType.PUT;
import static org.marginconsult.margin.support.StrategyFixtures.FAR;
import static org.marginconsult.margin.support.StrategyFixtures.NEAR;
import static org.marginconsult.margin.support.StrategyFixtures.indexOption;
import static org.marginconsult.margin.support.StrategyFixtures.option;
import static org.marginconsult.margin.support.StrategyFixtures.stock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.Account;
import org.marginconsult.margin.BreakdownLine;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.InvalidPortfolioException;
import org.marginconsult.margin.LineKind;
import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.Warning;
import org.marginconsult.margin.support.MarginFixtures;

/**
 * The methodology end to end on positions: published worked examples (source and hand arithmetic in
 * each test), and the properties every result must have.
 */
class StrategyBasedTest {

    private final StrategyBased methodology = StrategyBased.withDefaults();

    private MarginResult calculate(Position... positions) {
        return methodology.calculate(List.of(positions), MarginFixtures.context());
    }

    private static void assertCents(String expected, BigDecimal actual) {
        assertEquals(new BigDecimal(expected), actual);
    }

    private static List<String> lineKinds(MarginResult r) {
        return r.breakdown().stream().map(l -> l.description().substring(0, l.description().indexOf(':'))).toList();
    }

    @Test
    void stockThatCoversAnInTheMoneyCallOnlyUnderRegulationTIsReportedAsADifferentMaintenancePairing() {
        // 100 shares at 110, short 1 call K=100 at 12 (in the money by 10), long 1 call K=106 at 6, same expiry.
        // Initial: covered call 11,000 - 50% x 100 x 100 = 6,000 + long call 600 = 6,600, against the credit
        // spread (max loss 6 x 100 + long's 600 = 1,200) + stock 50% x 11,000 = 5,500 = 6,700.
        // Maintenance: covered call 11,000 - 75% x 10,000 = 3,500 + 600 = 4,100, against spread 1,200 + stock
        // 25% x 11,000 = 2,750 = 3,950: the pairings differ, and the result says so.
        MarginResult r = calculate(stock("s", "XYZ", "100", "110"), option("c1", "XYZ", CALL, "-1", "100", "12", "110", NEAR),
                option("c2", "XYZ", CALL, "1", "106", "6", "110", NEAR));
        assertCents("6600.00", r.total());
        assertCents("3950.00", r.maintenance());
        assertTrue(r.warnings().stream().anyMatch(w -> w.code().equals(StrategyBased.MAINTENANCE_PAIRING)));
    }

    @Test
    void whenBothRulesChooseTheSamePairingNoDifferentMaintenancePairingIsReported() {
        // As above with the long call at K=104: the spread (max loss 400 + 600 = 1,000) wins on both bases,
        // initial 1,000 + 5,500 = 6,500 (covered: 6,600), maintenance 1,000 + 2,750 = 3,750 (covered: 4,100).
        MarginResult r = calculate(stock("s", "XYZ", "100", "110"), option("c1", "XYZ", CALL, "-1", "100", "12", "110", NEAR),
                option("c2", "XYZ", CALL, "1", "104", "6", "110", NEAR));
        assertCents("6500.00", r.total());
        assertCents("3750.00", r.maintenance());
        assertTrue(r.warnings().stream().noneMatch(w -> w.code().equals(StrategyBased.MAINTENANCE_PAIRING)));
    }

    @Test
    void uncoveredCallWithItsProceedsShownApartTastytrade() {
        // tastytrade: short 1 call K=68 at 1.50, stock 65 -> max(1.50 + 13 - 3, 1.50 + 6.50) x 100 = 1,150.00;
        // proceeds 150.00 shown on their own, not netted.
        MarginResult r = calculate(option("1", "AAPL", CALL, "-1", "68", "1.50", "65", NEAR));
        assertCents("1150.00", r.total());
        assertCents("1150.00", r.maintenance());
        assertCents("150.00", r.saleProceeds());
        assertEquals(1, r.breakdown().size());
        assertEquals(LineKind.STRATEGY_REQUIREMENT, r.breakdown().get(0).kind());
        assertEquals(List.of("1"), r.breakdown().get(0).positionIds());
        assertEquals("STRATEGY_BASED", r.methodology().id());
    }

    @Test
    void everyLineGivesItsLegsArithmeticAndRule() {
        MarginResult r = calculate(option("1", "AAPL", CALL, "-1", "68", "1.50", "65", NEAR));
        String d = r.breakdown().get(0).description();
        assertTrue(d.startsWith("uncovered short option: short 1 AAPL " + NEAR + " 68 CALL"), d);
        assertTrue(d.contains("max(1.5 + 20% x 65 - OTM 3, 1.5 + 10% x 65) x 100 x 1 = 1150.00"), d);
        assertTrue(d.contains("proceeds 150.00") && d.endsWith("[Cboe Rule 10.3; FINRA Rule 4210(f)(2)]"), d);
    }

    @Test
    void putCreditSpreadIsPairedRatherThanLeftUncoveredEdeltapro() {
        // edeltapro: long put 120 at 0.80, short put 125 at 1.24 -> 5 x 100 + 80 = 580.00, proceeds 124.00.
        // Uncovered, the short would need 1.24 + max(20% x 126 - 1, 12.50) = 25.44 x 100 = 2,544 on its own.
        MarginResult r = calculate(option("long", "AAPL", PUT, "1", "120", "0.80", "126", NEAR),
                option("short", "AAPL", PUT, "-1", "125", "1.24", "126", NEAR));
        assertCents("580.00", r.total());
        assertCents("124.00", r.saleProceeds());
        assertEquals(List.of("put spread"), lineKinds(r));
    }

    @Test
    void coveredCallValuesTheStockAtTheStrike() {
        // Long 100 at 52, short 1 call K=50 at 4: initial 5,200 - 50% x 5,000 = 2,700.00; maintenance
        // 5,200 - 75% x 5,000 = 1,450.00; proceeds 400.00. Uncovered, the call alone would need
        // 4 + 20% x 52 = 14.40 x 100 = 1,440 on top of the stock's 2,600.
        MarginResult r = calculate(stock("s", "AAPL", "100", "52"), option("c", "AAPL", CALL, "-1", "50", "4", "52", NEAR));
        assertCents("2700.00", r.total());
        assertCents("1450.00", r.maintenance());
        assertCents("400.00", r.saleProceeds());
        assertEquals(List.of("covered call"), lineKinds(r));
        assertTrue(r.warnings().isEmpty());
    }

    @Test
    void ironCondorIsMarginedAtItsMaximumLossTastyware() {
        // tastyware test_iron_condor (published net 1,880): maximum loss 2,500 + longs 3,830 = 6,330.00;
        // proceeds 4,450.00. As two credit spreads it would be 2,500 + 3,200 + 2,500 + 630 = 8,830.
        MarginResult r = calculate(option("1", "AAPL", PUT, "1", "1000", "32", "1060", NEAR),
                option("2", "AAPL", PUT, "-1", "1025", "35.1", "1060", NEAR),
                option("3", "AAPL", CALL, "-1", "1150", "9.4", "1060", NEAR),
                option("4", "AAPL", CALL, "1", "1175", "6.3", "1060", NEAR));
        assertCents("6330.00", r.total());
        assertCents("4450.00", r.saleProceeds());
        assertEquals(List.of("short iron condor"), lineKinds(r));
    }

    @Test
    void ironButterflyIsMarginedAtItsMaximumLossTastyware() {
        // tastyware test_iron_butterfly (published net 90): long 16 put 0.1, short 20 put 0.2, short 20 call 7,
        // long 24 call 4: maximum loss 4 x 100 = 400 + longs 10 + 400 = 810.00; proceeds 20 + 700 = 720.00.
        MarginResult r = calculate(option("1", "AAPL", PUT, "1", "16", "0.1", "26.75", NEAR),
                option("2", "AAPL", PUT, "-1", "20", "0.2", "26.75", NEAR),
                option("3", "AAPL", CALL, "-1", "20", "7", "26.75", NEAR),
                option("4", "AAPL", CALL, "1", "24", "4", "26.75", NEAR));
        assertCents("810.00", r.total());
        assertCents("720.00", r.saleProceeds());
        assertEquals(List.of("short iron butterfly"), lineKinds(r));
    }

    @Test
    void butterflyWithUnequalWingsIsMarginedAtItsMaximumLossTastyware() {
        // tastyware test_long_call_butterfly (published net 680): +1 545 call 12.4, -2 550 call 8.8,
        // +1 565 call 2. Above 565 the payoff is (S-545) - 2(S-550) + (S-565) = -10 a share: maximum loss
        // 1,000. Requirement 1,000 + 1,240 + 200 = 2,440.00; proceeds 1,760.00; 2,440 - 1,760 = 680.
        MarginResult r = calculate(option("1", "AAPL", CALL, "1", "545", "12.4", "550", NEAR),
                option("2", "AAPL", CALL, "-2", "550", "8.8", "550", NEAR),
                option("3", "AAPL", CALL, "1", "565", "2", "550", NEAR));
        assertCents("2440.00", r.total());
        assertCents("1760.00", r.saleProceeds());
        assertEquals(List.of("long butterfly"), lineKinds(r));
    }

    @Test
    void longCondorLosesNothingSoOnlyItsLongsArePaidTastyware() {
        // tastyware test_long_put_condor (published 1,050): +1050 put 47.1, -1075 put 55.7, -1100 put 66.3,
        // +1125 put 85.4; the payoff is never negative, maximum loss 0. Requirement 4,710 + 8,540 = 13,250.00;
        // proceeds 5,570 + 6,630 = 12,200.00; net debit 1,050.
        MarginResult r = calculate(indexOption("1", "SPX", PUT, "1", "1050", "47.1", "1160", NEAR),
                indexOption("2", "SPX", PUT, "-1", "1075", "55.7", "1160", NEAR),
                indexOption("3", "SPX", PUT, "-1", "1100", "66.3", "1160", NEAR),
                indexOption("4", "SPX", PUT, "1", "1125", "85.4", "1160", NEAR));
        assertCents("13250.00", r.total());
        assertCents("12200.00", r.saleProceeds());
        assertEquals(List.of("long condor"), lineKinds(r));
    }

    @Test
    void shortStraddleIsExactToTheCentTastyware() {
        // tastyware test_straddle: (7 + 18.526) x 100 + 370 = 2,922.60 (the calculator rounds per share: 2,923).
        MarginResult r = calculate(option("c", "AAPL", CALL, "-1", "90", "7", "92.63", NEAR),
                option("p", "AAPL", PUT, "-1", "90", "3.7", "92.63", NEAR));
        assertCents("2922.60", r.total());
        assertCents("1070.00", r.saleProceeds());
        assertEquals(List.of("short straddle/strangle"), lineKinds(r));
    }

    @Test
    void shortBoxNeedsOneIntervalRatherThanTwo() {
        // Short 100 call 12.00, long 110 call 5.20, short 110 put 5.00, long 100 put 1.90: maximum loss
        // 10 x 100 = 1,000 + longs 710 = 1,710.00 (two credit spreads: 2,710); proceeds 1,700.00.
        MarginResult r = calculate(option("1", "AAPL", CALL, "-1", "100", "12.00", "105", NEAR),
                option("2", "AAPL", CALL, "1", "110", "5.20", "105", NEAR),
                option("3", "AAPL", PUT, "-1", "110", "5.00", "105", NEAR),
                option("4", "AAPL", PUT, "1", "100", "1.90", "105", NEAR));
        assertCents("1710.00", r.total());
        assertEquals(List.of("short box spread"), lineKinds(r));
    }

    @Test
    void broadBasedIndexEtfOptionsUseFifteenPercentTastyware() {
        // SPY is a high-cap broad-based index product in the reference data. tastyware test_short_broad_2:
        // U=433.35, short put K=430 at 7.8 -> max(7.8 + 65.0025 - 3.35, 7.8 + 43) x 100 = 6,945.25
        // (published 6,945 after per-share rounding).
        MarginResult r = calculate(Position.option("1", InstrumentType.EQUITY_OPTION, "SPY P430", "SPY", "-1", "100",
                "7.8", "433.35", PUT, "430", NEAR, "0.2"));
        assertCents("6945.25", r.total());
    }

    @Test
    void longOptionIsPaidInFullUpToNineMonthsAndSeventyFivePercentAfter() {
        // 12 CFR 220.12(f): a long call at 12 expiring exactly 9 months after 2026-11-20 (2027-08-20) is paid in
        // full, 1,200.00; one day later 75% x 1,200 = 900.00 (tastyware test_long_option_18_months: 900).
        var nine = MarginFixtures.AS_OF.plusMonths(9);
        assertCents("1200.00", calculate(option("1", "AAPL", CALL, "1", "80", "12", "78", nine)).total());
        assertCents("900.00", calculate(option("1", "AAPL", CALL, "1", "80", "12", "78", nine.plusDays(1))).total());
    }

    @Test
    void lowPricedShortStockIsHeldAtTwoFiftyAShare() {
        // FINRA 4210(c): short 1,000 at 2 -> initial 150% = 3,000.00; maintenance 2,000 + max(2,500, 2,000)
        // = 4,500.00; proceeds 2,000.00.
        MarginResult r = calculate(stock("1", "AAPL", "-1000", "2"));
        assertCents("3000.00", r.total());
        assertCents("4500.00", r.maintenance());
        assertCents("2000.00", r.saleProceeds());
    }

    @Test
    void positionsOfOneSeriesAreNettedBeforePairing() {
        // Two lots of the same short call (-1 and -2) and a long lot (+1) make one leg of -2 contracts:
        // 2 x 1,150.00 = 2,300.00, with all three position ids on the line.
        MarginResult r = calculate(option("a", "AAPL", CALL, "-1", "68", "1.50", "65", NEAR),
                option("b", "AAPL", CALL, "-2", "68", "1.50", "65", NEAR),
                option("c", "AAPL", CALL, "1", "68", "1.50", "65", NEAR));
        assertCents("2300.00", r.total());
        assertEquals(List.of("a", "b", "c"), r.breakdown().get(0).positionIds());
    }

    @Test
    void optionsOfDifferentMultipliersAreNotPaired() {
        // An adjusted 150-share call cannot cover a standard 100-share short call: both stand alone.
        Position adjusted = Position.option("adj", InstrumentType.EQUITY_OPTION, "AAPL1 C60", "AAPL", "1", "150", "6",
                "65", CALL, "60", NEAR, "0.3");
        MarginResult r = calculate(adjusted, option("s", "AAPL", CALL, "-1", "68", "1.50", "65", NEAR));
        // long 6 x 150 = 900 + uncovered 1,150 = 2,050.00
        assertCents("2050.00", r.total());
        assertEquals(2, r.breakdown().size());
    }

    @Test
    void resultsDoNotDependOnPositionOrder() {
        List<Position> book = mixedBook(new Random(7), 60);
        MarginResult first = methodology.calculate(book, MarginFixtures.context());
        Random shuffle = new Random(11);
        for (int i = 0; i < 10; i++) {
            List<Position> shuffled = new ArrayList<>(book);
            Collections.shuffle(shuffled, shuffle);
            MarginResult again = methodology.calculate(shuffled, MarginFixtures.context());
            assertEquals(first.total(), again.total());
            assertEquals(first.maintenance(), again.maintenance());
            assertEquals(first.saleProceeds(), again.saleProceeds());
            assertEquals(first.breakdown(), again.breakdown());
            assertEquals(first.inputHash(), again.inputHash());
        }
    }

    @Test
    void denseUnderlyingsArePairedAlikeWhateverThePositionOrder() {
        // Dense classes have many equally cheap two-leg pairings, and the complex spreads are combined from
        // the one the flow returns: which one must not depend on the order the positions came in (netted in
        // hash maps, legs put in canonical order before any network is built, lines explained in parallel).
        // Book of 600 (34 to 49 series an underlying: the branch and bound and the decomposition by expiry)
        // and of 5,000 (about 200 series: above every bound's limit, flagged).
        for (List<Position> book : List.of(StrategyBasedBenchmark.book(600, 10, 1),
                StrategyBasedBenchmark.book(5_000, 10, 1))) {
            MarginResult first = methodology.calculate(book, MarginFixtures.context());
            Random shuffle = new Random(5);
            for (int i = 0; i < 2; i++) {
                List<Position> shuffled = new ArrayList<>(book);
                Collections.shuffle(shuffled, shuffle);
                MarginResult again = methodology.calculate(shuffled, MarginFixtures.context());
                assertEquals(first.total(), again.total());
                assertEquals(first.maintenance(), again.maintenance());
                assertEquals(first.breakdown(), again.breakdown());
                assertEquals(first.warnings(), again.warnings());
            }
        }
    }

    @Test
    void totalsEqualTheSumOfTheBreakdownToTheCent() {
        Random random = new Random(3);
        for (int i = 0; i < 50; i++) {
            MarginResult r = methodology.calculate(mixedBook(random, 40), MarginFixtures.context());
            BigDecimal lines = r.breakdown().stream().map(BreakdownLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(r.total(), lines);
            assertEquals(r.total(), r.account(Account.SECURITIES).total());
            assertTrue(r.saleProceeds().signum() >= 0 && r.maintenance().signum() >= 0);
        }
    }

    @Test
    void fractionalOptionContractsAreRefusedWithTheField() {
        InvalidPortfolioException e = assertThrows(InvalidPortfolioException.class,
                () -> calculate(option("1", "AAPL", CALL, "-1.5", "68", "1.50", "65", NEAR)));
        assertEquals("quantity", e.errors().get(0).field());
        assertEquals(0, e.errors().get(0).positionIndex());
    }

    @Test
    void oneSeriesWithTwoMarksIsRefused() {
        InvalidPortfolioException e = assertThrows(InvalidPortfolioException.class,
                () -> calculate(option("1", "AAPL", CALL, "-1", "68", "1.50", "65", NEAR),
                        option("2", "AAPL", CALL, "-1", "68", "1.60", "65", NEAR)));
        assertEquals("price", e.errors().get(0).field());
        assertEquals(1, e.errors().get(0).positionIndex());
    }

    @Test
    void futuresAccountPositionsAreLeftOutWithAWarning() {
        Position future = Position.future("f", InstrumentType.FUTURE, "ESZ6", "ES", "1", "50", "5900", FAR);
        MarginResult r = calculate(future, option("1", "AAPL", CALL, "-1", "68", "1.50", "65", NEAR));
        assertCents("1150.00", r.total());
        assertTrue(r.warnings().stream().anyMatch(w -> w.code().equals(StrategyBased.NOT_MARGINED)
                && w.subject().equals("FUTURE")));
    }

    @Test
    void anUnderlyingWithMoreSeriesThanTheDecompositionTakesIsFlaggedAsNotProvenMinimal() {
        List<Position> positions = new ArrayList<>();
        for (int k = 0; k <= PairingOptimiser.DECOMPOSITION_LEGS; k++) {
            String strike = Integer.toString(80 + 2 * k);
            positions.add(option("c" + k, "AAPL", CALL, k % 2 == 0 ? "1" : "-1", strike, "2.00", "100", NEAR));
        }
        positions.add(option("small1", "MSFT", CALL, "1", "95", "6.00", "100", NEAR));
        positions.add(option("small2", "MSFT", CALL, "-2", "100", "3.00", "100", NEAR));
        positions.add(option("small3", "MSFT", CALL, "1", "105", "1.00", "100", NEAR));
        MarginResult r = methodology.calculate(positions, MarginFixtures.context());
        List<Warning> flagged = r.warnings().stream()
                .filter(w -> w.code().equals(StrategyBased.PAIRING_NOT_PROVEN_MINIMAL)).toList();
        assertEquals(1, flagged.size());
        assertTrue(flagged.get(0).message().contains("AAPL"));
        assertTrue(!flagged.get(0).message().contains("MSFT"), "the three-leg MSFT butterfly is searched exactly");
        assertTrue(flagged.get(0).message().endsWith(" AAPL. 1 of them has more than 128 option series of one"
                + " multiplier and no lower bound is computed for them."), flagged.get(0).message());
    }

    @Test
    void anUnprovenUnderlyingWithALowerBoundIsFlaggedWithHowFarAboveTheLeastItMayBe() {
        // Underlying U4 of the benchmark's book of 1,500 positions (86 series): its initial pairing is proven
        // minimal (PairingOptimiserTest.solvingEachPairOfExpiriesThatTheBestPairingLinksAgainAsOneProgramProvesA...),
        // its maintenance pairing (stock covering in-the-money calls at 75%) stays $652.00 above its bound: the
        // warning says both, so that "$0.00" is not read as the whole story.
        List<Position> positions = StrategyBasedBenchmark.book(1_500, 10, 1).stream()
                .filter(p -> p.underlying().equals("U4")).toList();
        MarginResult r = methodology.calculate(positions, MarginFixtures.context());
        List<Warning> flagged = r.warnings().stream()
                .filter(w -> w.code().equals(StrategyBased.PAIRING_NOT_PROVEN_MINIMAL)).toList();
        assertEquals(1, flagged.size());
        assertTrue(flagged.get(0).message().endsWith(": U4. Lower bounds put the initial requirement of 1 of them at"
                + " most $0.00 in all above the least the rules allow, and their maintenance requirement at most"
                + " $652.00."), flagged.get(0).message());
    }

    @Test
    void unknownUnderlyingsAreMarginedAsSingleEquitiesWithAWarning() {
        MarginResult r = calculate(option("1", "ZZZZ", CALL, "-1", "68", "1.50", "65", NEAR));
        assertCents("1150.00", r.total());
        assertTrue(r.warnings().stream().anyMatch(w -> w.code().equals(Warning.UNKNOWN_UNDERLYING)));
    }

    @Test
    void anEmptyPortfolioRequiresNothing() {
        MarginResult r = methodology.calculate(List.of(), MarginFixtures.context());
        assertCents("0.00", r.total());
        assertCents("0.00", r.maintenance());
        assertCents("0.00", r.saleProceeds());
    }

    /** Stocks and options on three underlyings, random sides, strikes, expiries and marks. */
    static List<Position> mixedBook(Random random, int size) {
        String[] underlyings = {"AAPL", "MSFT", "SPX"};
        String[] spot = {"190", "410", "5900"};
        List<Position> out = new ArrayList<>();
        java.util.Map<String, String> marks = new java.util.HashMap<>();
        for (int i = 0; i < size; i++) {
            int u = random.nextInt(3);
            int qty = (random.nextInt(5) + 1) * (random.nextBoolean() ? 1 : -1);
            String id = "p" + i;
            if (u < 2 && random.nextInt(4) == 0) {
                out.add(stock(id, underlyings[u], Integer.toString(qty * 100), spot[u]));
                continue;
            }
            BigDecimal s = new BigDecimal(spot[u]);
            BigDecimal strike = s.multiply(BigDecimal.valueOf(90 + 5 * random.nextInt(5)))
                    .divide(BigDecimal.valueOf(100)).setScale(0, java.math.RoundingMode.HALF_UP);
            var expiry = random.nextBoolean() ? NEAR : FAR.plusMonths(random.nextInt(12));
            var type = random.nextBoolean() ? CALL : PUT;
            String key = underlyings[u] + type + strike + expiry;
            String price = marks.computeIfAbsent(key, k -> BigDecimal.valueOf(10 + random.nextInt(3000), 2).toPlainString());
            out.add(u == 2 ? indexOption(id, "SPX", type, Integer.toString(qty), strike.toPlainString(), price, spot[u], expiry)
                    : option(id, underlyings[u], type, Integer.toString(qty), strike.toPlainString(), price, spot[u], expiry));
        }
        return out;
    }
}
