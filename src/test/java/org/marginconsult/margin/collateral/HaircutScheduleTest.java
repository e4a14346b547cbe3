package org.marginconsult.margin.collateral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.Account;

/** Ladder values from SEC Rule 15c3-1(c)(2)(vi)(A) as listed in margin-methods.md section 6. */
class HaircutScheduleTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

    private static CollateralItem treasury(LocalDate maturity) {
        return new CollateralItem("t", Account.SECURITIES, CollateralKind.TREASURY, new BigDecimal("1000000"), maturity,
                null);
    }

    @Test
    void theSecLadderHaircutsEachMaturityBand() {
        HaircutSchedule sec = HaircutSchedules.sec15c3_1();
        Object[][] expected = {
            {AS_OF.plusMonths(2), 0.0}, {AS_OF.plusMonths(3), 0.005}, {AS_OF.plusMonths(8), 0.0075},
            {AS_OF.plusMonths(11), 0.01}, {AS_OF.plusMonths(18), 0.015}, {AS_OF.plusYears(2).plusMonths(6), 0.02},
            {AS_OF.plusYears(4), 0.03}, {AS_OF.plusYears(7), 0.04}, {AS_OF.plusYears(12), 0.045},
            {AS_OF.plusYears(17), 0.05}, {AS_OF.plusYears(22), 0.055}, {AS_OF.plusYears(25), 0.06},
            {AS_OF.plusYears(30), 0.06}};
        for (Object[] row : expected) {
            assertEquals((double) row[1], sec.haircut(treasury((LocalDate) row[0]), AS_OF), 0.0, row[0].toString());
        }
    }

    @Test
    void theBandBoundaryBelongsToTheLongerBand() {
        assertEquals(0.03, HaircutSchedules.sec15c3_1().haircut(treasury(AS_OF.plusYears(5).minusDays(1)), AS_OF));
        assertEquals(0.04, HaircutSchedules.sec15c3_1().haircut(treasury(AS_OF.plusYears(5)), AS_OF));
    }

    @Test
    void prudentialScheduleUsesThreeGovernmentBandsAndEquityTiers() {
        HaircutSchedule p = HaircutSchedules.prudentialSwaps();
        assertEquals(0.005, p.haircut(treasury(AS_OF.plusMonths(6)), AS_OF));
        assertEquals(0.02, p.haircut(treasury(AS_OF.plusYears(3)), AS_OF));
        assertEquals(0.04, p.haircut(treasury(AS_OF.plusYears(10)), AS_OF));
        assertEquals(0.25, p.haircut(new CollateralItem("e", Account.FUTURES, CollateralKind.EQUITY, BigDecimal.TEN,
                null, EquityTier.SP1500), AS_OF));
        assertEquals(0.15, p.haircut(new CollateralItem("g", Account.FUTURES, CollateralKind.GOLD, BigDecimal.TEN,
                null, null), AS_OF));
    }

    @Test
    void cryptoIsNotEligibleForBrokerDealerCapital() {
        assertEquals(1.0, HaircutSchedules.sec15c3_1().haircut(new CollateralItem("b", Account.SECURITIES,
                CollateralKind.BTC, BigDecimal.TEN, null, null), AS_OF));
        assertEquals(0.03, HaircutSchedules.cryptoVenue().haircut(new CollateralItem("b", Account.FUTURES,
                CollateralKind.BTC, BigDecimal.TEN, null, null), AS_OF));
    }

    @Test
    void aLadderWithoutAnOpenLastBandIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HaircutSchedule("x", "1", "s",
                List.of(new MaturityBand(12, 0.01)), Map.of(EquityTier.SP500, 0.1, EquityTier.SP1500, 0.1,
                        EquityTier.OTHER, 0.1), Map.of()));
    }
}
