package org.marginconsult.margin.methodology.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.marginconsult.margin.support.StrategyFixtures.NEAR;
import static org.marginconsult.margin.support.StrategyFixtures.leg;
import static org.marginconsult.margin.support.StrategyFixtures.stockLeg;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Worked examples of each rule, with the arithmetic done by hand from the rule's text in the comment
 * above each assertion. Sources: 12 CFR 220.12, FINRA Rule 4210(c)-(f), Cboe Rule 10.3, and the
 * published calculators named in each test.
 */
class StrategyRulesTest {

    private final StrategyRules rules = new StrategyRules(StrategyBasedParameters.defaults());

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + ", got " + actual);
    }

    private static Leg broad(Leg l) {
        return new Leg(l.kind(), "SPY", l.strike(), l.expiry(), l.multiplier(), l.price(), l.underlyingPrice(),
                l.quantity(), l.longDated(), true, l.positionIds());
    }

    private static Leg longDated(Leg l) {
        return new Leg(l.kind(), l.underlying(), l.strike(), l.expiry(), l.multiplier(), l.price(),
                l.underlyingPrice(), l.quantity(), true, l.broadIndex(), l.positionIds());
    }

    @Test
    void uncoveredCallIsPremiumPlusTwentyPercentLessOutOfTheMoneyTastytrade() {
        // tastytrade (reference file, section 1): short 1 call K=68 at 1.50, stock 65.
        // max(1.50 + 0.20 x 65 - 3, 1.50 + 0.10 x 65) x 100 = max(11.50, 8.00) x 100 = 1,150.00
        Strategy s = rules.shortOption(leg(LegKind.CALL, "-1", "68", "1.50", "65", NEAR), 1);
        assertAmount("1150", s.initial());
        assertAmount("1150", s.maintenance());
        assertAmount("150", s.saleProceeds());
    }

    @Test
    void uncoveredPutFallsToTenPercentOfTheStrikeTastywareShortPut() {
        // tastyware/margin-estimator test_short_put: U=95, short put K=80 at 2.
        // max(2 + 0.20 x 95 - 15, 2 + 0.10 x 80) x 100 = max(6, 10) x 100 = 1,000.00
        assertAmount("1000", rules.shortOption(leg(LegKind.PUT, "-1", "80", "2", "95", NEAR), 1).initial());
    }

    @Test
    void inTheMoneyCallHasNoOutOfTheMoneyReductionTastywareShortCallItm() {
        // tastyware test_short_call_itm: U=128.5, short call K=120 at 8.4.
        // max(8.4 + 0.20 x 128.5 - 0, 8.4 + 12.85) x 100 = max(34.10, 21.25) x 100 = 3,410.00
        assertAmount("3410", rules.shortOption(leg(LegKind.CALL, "-1", "120", "8.4", "128.5", NEAR), 1).initial());
    }

    @Test
    void broadBasedIndexUsesFifteenPercentAndKeepsTheTenPercentFloorTastywareShortBroad() {
        // tastyware test_short_broad: broad-based U=445.35, short put K=410 at 0.10.
        // max(0.10 + 0.15 x 445.35 - 35.35, 0.10 + 0.10 x 410) x 100 = max(31.5525, 41.10) x 100 = 4,110.00
        Leg put = broad(leg(LegKind.PUT, "-1", "410", "0.10", "445.35", NEAR));
        assertAmount("4110", rules.shortOption(put, 1).initial());
    }

    @Test
    void broadBasedCallIsExactWhereAPerShareRoundingCalculatorDrifts() {
        // tastyware test_short_call_broad_itm: broad-based U=433.35, short call K=430 at 8.7.
        // max(8.7 + 0.15 x 433.35, 8.7 + 43.335) x 100 = 73.7025 x 100 = 7,370.25; the calculator rounds
        // 73.7025 to 73.70 a share first and publishes 7,370: the per-share rounding the reference warns about.
        Leg call = broad(leg(LegKind.CALL, "-1", "430", "8.7", "433.35", NEAR));
        assertAmount("7370.25", rules.shortOption(call, 1).initial());
    }

    @Test
    void longOptionWithinNineMonthsIsPaidInFullTastywareLongOption() {
        // tastyware test_long_option: long call at 5 -> 5 x 100 = 500.00, initial and maintenance.
        Strategy s = rules.longOption(leg(LegKind.CALL, "1", "125", "5", "128.5", NEAR), 1);
        assertAmount("500", s.initial());
        assertAmount("500", s.maintenance());
        assertAmount("0", s.saleProceeds());
    }

    @Test
    void longOptionBeyondNineMonthsNeedsSeventyFivePercentTastywareEighteenMonths() {
        // tastyware test_long_option_18_months: long call at 12, 18 months out -> 75% x 12 x 100 = 900.00
        Strategy s = rules.longOption(longDated(leg(LegKind.CALL, "1", "80", "12", "78", NEAR)), 1);
        assertAmount("900", s.initial());
        assertAmount("900", s.maintenance());
    }

    @Test
    void longStockNeedsHalfInitiallyAndAQuarterToMaintainSchwab() {
        // Schwab (reference file, section 2): long 100 shares at 50 -> Reg T initial 50% x 5,000 = 2,500.00;
        // FINRA 4210(c)(1) maintenance 25% x 5,000 = 1,250.00.
        Strategy s = rules.longStock(stockLeg("100", "50"), new BigDecimal("100"));
        assertAmount("2500", s.initial());
        assertAmount("1250", s.maintenance());
    }

    @Test
    void shortStockNeedsOneHundredFiftyPercentWithTheProceedsShownApart() {
        // 12 CFR 220.12(c)(1): short 100 at 50 -> 150% x 5,000 = 7,500.00, of which the 5,000.00 proceeds.
        // FINRA 4210(c): maintenance = proceeds 5,000 + max($5 x 100 = 500, 30% x 5,000 = 1,500) = 6,500.00
        Strategy s = rules.shortStock(stockLeg("-100", "50"), new BigDecimal("100"));
        assertAmount("7500", s.initial());
        assertAmount("6500", s.maintenance());
        assertAmount("5000", s.saleProceeds());
    }

    @Test
    void shortStockBetweenFiveAndSixteenSixtySevenIsHeldAtFiveDollarsAShare() {
        // FINRA 4210(c): short 1,000 at 10 -> proceeds 10,000 + max($5 x 1,000 = 5,000, 30% x 10,000 = 3,000)
        // = 15,000.00 (the $5 floor binds up to $16.67, where 30% of the price reaches $5).
        assertAmount("15000", rules.shortStock(stockLeg("-1000", "10"), new BigDecimal("1000")).maintenance());
    }

    @Test
    void lowPricedShortStockIsHeldAtTwoFiftyAShareOrFullValue() {
        // FINRA 4210(c), below $5: short 1,000 at 2 -> proceeds 2,000 + max($2.50 x 1,000 = 2,500, 100% x 2,000)
        // = 4,500.00; initial 150% x 2,000 = 3,000.00.
        Strategy s = rules.shortStock(stockLeg("-1000", "2"), new BigDecimal("1000"));
        assertAmount("4500", s.maintenance());
        assertAmount("3000", s.initial());
    }

    @Test
    void coveredCallCountsTheStockAtNoMoreThanTheStrike() {
        // Rule: no requirement on the call; stock counted at min(S, K) (tastytrade: "if the call is
        // in-the-money, the stock is treated as if it was valued at the strike price").
        // Long 100 at 52, short 1 call K=50 at 4: value 5,200; counted 5,000.
        // initial 5,200 - 50% x 5,000 = 2,700.00; maintenance 5,200 - 75% x 5,000 = 1,450.00; proceeds 400.00
        Strategy s = rules.coveredCall(stockLeg("100", "52"), leg(LegKind.CALL, "-1", "50", "4", "52", NEAR), 1);
        assertAmount("2700", s.initial());
        assertAmount("1450", s.maintenance());
        assertAmount("400", s.saleProceeds());
    }

    @Test
    void outOfTheMoneyCoveredCallAddsNothingToTheStock() {
        // Long 100 at 48, short 1 call K=50 at 1: counted min(48, 50) = 48, so the requirement is the stock's
        // own: 50% x 4,800 = 2,400.00 and 25% x 4,800 = 1,200.00.
        Strategy s = rules.coveredCall(stockLeg("100", "48"), leg(LegKind.CALL, "-1", "50", "1", "48", NEAR), 1);
        assertAmount("2400", s.initial());
        assertAmount("1200", s.maintenance());
    }

    @Test
    void creditPutSpreadIsTheStrikeDifferencePlusTheLongPaidInFullEdeltapro() {
        // edeltapro (reference file): long put K=120 at 0.80, short put K=125 at 1.24 -> (125 - 120) x 100
        // + 0.80 x 100 = 500 + 80 = 580.00; proceeds 1.24 x 100 = 124.00 applied separately.
        Strategy s = rules.spread(leg(LegKind.PUT, "-1", "125", "1.24", "126", NEAR),
                leg(LegKind.PUT, "1", "120", "0.80", "126", NEAR), 1);
        assertAmount("580", s.initial());
        assertAmount("124", s.saleProceeds());
    }

    @Test
    void creditCallSpreadInTheMoneyNetsToTheMaximumLossLessTheCreditTastyware() {
        // tastyware test_call_credit_spread_itm: long 125 call at 3.8, short 120 call at 8.4 -> published net 40.
        // Requirement (125 - 120) x 100 + 380 = 880.00, proceeds 840.00: 880 - 840 = 40.
        Strategy s = rules.spread(leg(LegKind.CALL, "-1", "120", "8.4", "128.5", NEAR),
                leg(LegKind.CALL, "1", "125", "3.8", "128.5", NEAR), 1);
        assertAmount("880", s.initial());
        assertAmount("40", s.initial().subtract(s.saleProceeds()));
    }

    @Test
    void debitSpreadPaysTheNetDebitTastywarePutDebitSpread() {
        // tastyware test_put_debit_spread: long 250 put at 3, short 240 put at 0.95 -> published 205.
        // Requirement: no loss by strikes + long 300.00 = 300.00; proceeds 95.00; net debit 205.
        Strategy s = rules.spread(leg(LegKind.PUT, "-1", "240", "0.95", "255", NEAR),
                leg(LegKind.PUT, "1", "250", "3", "255", NEAR), 1);
        assertAmount("300", s.initial());
        assertAmount("205", s.initial().subtract(s.saleProceeds()));
    }

    @Test
    void shortStraddleIsTheLargerRequirementPlusTheOtherPremiumTastywareStraddle() {
        // tastyware test_straddle: U=92.63, short 90 call at 7 and short 90 put at 3.7.
        // Call: 7 + 0.20 x 92.63 = 25.526; put: 3.7 + max(18.526 - 2.63, 9.0) = 19.596.
        // (25.526 + 3.7) x 100 = 2,922.60 (published 2,923 after rounding 25.526 to 25.53 a share).
        Strategy s = rules.straddle(leg(LegKind.CALL, "-1", "90", "7", "92.63", NEAR),
                leg(LegKind.PUT, "-1", "90", "3.7", "92.63", NEAR), 1);
        assertAmount("2922.60", s.initial());
        assertAmount("1070", s.saleProceeds());
    }

    @Test
    void ironCondorNeedsItsMaximumLossTastywareIronCondor() {
        // tastyware test_iron_condor: long 1000 put 32, short 1025 put 35.1, short 1150 call 9.4,
        // long 1175 call 6.3 -> published 1,880. Maximum loss over all strikes 25 x 100 = 2,500 (below
        // 1025 or above 1150, never both); requirement 2,500 + longs 3,200 + 630 = 6,330.00; proceeds
        // 3,510 + 940 = 4,450.00; 6,330 - 4,450 = 1,880.
        Strategy s = rules.complexSpread(StrategyKind.SHORT_IRON_CONDOR, List.of(
                StrategyLeg.contracts(leg(LegKind.PUT, "1", "1000", "32", "1060", NEAR), 1),
                StrategyLeg.contracts(leg(LegKind.PUT, "-1", "1025", "35.1", "1060", NEAR), 1),
                StrategyLeg.contracts(leg(LegKind.CALL, "-1", "1150", "9.4", "1060", NEAR), 1),
                StrategyLeg.contracts(leg(LegKind.CALL, "1", "1175", "6.3", "1060", NEAR), 1)));
        assertAmount("6330", s.initial());
        assertAmount("4450", s.saleProceeds());
        assertAmount("1880", s.initial().subtract(s.saleProceeds()));
    }

    @Test
    void longButterflyLosesNothingAtAnyStrikeTastywareLongPutButterfly() {
        // tastyware test_long_put_butterfly: +1 540 put 5.6, -2 550 put 7.2, +1 555 put 9.8 -> published 600.
        // Payoff at 540: +15 - 20 = -5 a share, the worst (also below 540): maximum loss 500.00.
        // Requirement 500 + 560 + 980 = 2,040.00; proceeds 1,440.00; 2,040 - 1,440 = 600.
        Strategy s = rules.complexSpread(StrategyKind.LONG_BUTTERFLY, List.of(
                StrategyLeg.contracts(leg(LegKind.PUT, "1", "540", "5.6", "550", NEAR), 1),
                StrategyLeg.contracts(leg(LegKind.PUT, "-2", "550", "7.2", "550", NEAR), 2),
                StrategyLeg.contracts(leg(LegKind.PUT, "1", "555", "9.8", "550", NEAR), 1)));
        assertAmount("2040", s.initial());
        assertAmount("600", s.initial().subtract(s.saleProceeds()));
    }

    @Test
    void shortBoxNeedsOneIntervalNotTwo() {
        // Short box (rule: maximum loss over all strikes): short 100 call 12.00, long 110 call 5.20, short 110
        // put 5.00, long 100 put 1.90. The payoff is -10 a share at every price: maximum loss 1,000.00.
        // Requirement 1,000 + 520 + 190 = 1,710.00; proceeds 1,200 + 500 = 1,700.00. As two credit
        // spreads it would be 1,520 + 1,190 = 2,710.00.
        Strategy s = rules.complexSpread(StrategyKind.SHORT_BOX, List.of(
                StrategyLeg.contracts(leg(LegKind.CALL, "-1", "100", "12.00", "105", NEAR), 1),
                StrategyLeg.contracts(leg(LegKind.CALL, "1", "110", "5.20", "105", NEAR), 1),
                StrategyLeg.contracts(leg(LegKind.PUT, "-1", "110", "5.00", "105", NEAR), 1),
                StrategyLeg.contracts(leg(LegKind.PUT, "1", "100", "1.90", "105", NEAR), 1)));
        assertAmount("1710", s.initial());
        assertAmount("1700", s.saleProceeds());
    }

    @Test
    void aStrategyPricedQuietlyIsExplainedWithTheSameAmounts() {
        Strategy quiet = rules.quiet().straddle(leg(LegKind.CALL, "-2", "90", "7", "92.63", NEAR),
                leg(LegKind.PUT, "-2", "90", "3.7", "92.63", NEAR), 2);
        Strategy explained = rules.explained(quiet);
        assertEquals("", quiet.explanation());
        assertEquals(quiet.initial(), explained.initial());
        assertEquals(quiet.legs(), explained.legs());
        assertEquals(true, explained.explanation().startsWith("short straddle, 2 x"));
    }

    @Test
    void maximumLossRefusesMoreShortCallsThanLongCalls() {
        assertThrows(IllegalArgumentException.class, () -> StrategyRules.maximumLoss(List.of(
                StrategyLeg.contracts(leg(LegKind.CALL, "-2", "100", "1", "100", NEAR), 2),
                StrategyLeg.contracts(leg(LegKind.CALL, "1", "110", "1", "100", NEAR), 1))));
    }

    @Test
    void spreadRefusesALongExpiringBeforeTheShort() {
        assertThrows(IllegalArgumentException.class, () -> rules.spread(
                leg(LegKind.CALL, "-1", "100", "1", "100", NEAR.plusMonths(1)),
                leg(LegKind.CALL, "1", "105", "1", "100", NEAR), 1));
    }
}
