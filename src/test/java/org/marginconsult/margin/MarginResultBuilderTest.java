package org.marginconsult.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.scenario.Scenario;

class MarginResultBuilderTest {

    private static MarginResultBuilder builder() {
        return MarginResult.builder(new VersionedId("TEST", "1"), new VersionedId("p", "1"), "hash",
                LocalDate.of(2026, 11, 20));
    }

    @Test
    void accountLinesAndTheTotalAddUpAfterRounding() {
        // 0.012 of residue rounds to one cent, given to the first of three equal remainders.
        MarginResult r = builder()
                .line("AAPL", GroupKind.CLASS_GROUP, Account.SECURITIES, LineKind.SCAN_RISK, "a", new BigDecimal("100.004"), List.of("1"))
                .line("MSFT", GroupKind.CLASS_GROUP, Account.SECURITIES, LineKind.SCAN_RISK, "b", new BigDecimal("200.004"), List.of("2"))
                .line("ES", GroupKind.COMBINED_COMMODITY, Account.FUTURES, LineKind.SCAN_RISK, "c", new BigDecimal("300.004"), List.of("3"))
                .maintenance(Account.FUTURES, new BigDecimal("250.005"))
                .build();
        assertEquals(new BigDecimal("600.01"), r.total());
        assertEquals(r.total(), r.initial());
        assertEquals(new BigDecimal("600.01"),
                r.breakdown().stream().map(BreakdownLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(new BigDecimal("300.01"), r.account(Account.SECURITIES).total());
        assertEquals(new BigDecimal("300.00"), r.account(Account.FUTURES).total());
        assertEquals(new BigDecimal("250.01"), r.account(Account.FUTURES).maintenance());
        assertEquals(new BigDecimal("550.02"), r.maintenance());
    }

    @Test
    void saleProceedsAreShownAndNotNetted() {
        MarginResult r = builder()
                .line("short call", GroupKind.STRATEGY, Account.SECURITIES, LineKind.STRATEGY_REQUIREMENT, "naked call",
                        new BigDecimal("1150"), List.of("1"))
                .saleProceeds(Account.SECURITIES, new BigDecimal("150")).build();
        assertEquals(new BigDecimal("1150.00"), r.total());
        assertEquals(new BigDecimal("150.00"), r.saleProceeds());
    }

    @Test
    void offsetsAndAddOnsAreFilteredFromTheBreakdown() {
        MarginResult r = builder()
                .line("G", GroupKind.RISK_GROUP, null, LineKind.SCAN_RISK, "scan", 1000.0, List.of())
                .line("G", GroupKind.RISK_GROUP, null, LineKind.OFFSET, "offset", -400.0, List.of())
                .line("G", GroupKind.RISK_GROUP, null, LineKind.ADD_ON, "concentration", 50.0, List.of()).build();
        assertEquals(new BigDecimal("650.00"), r.total());
        assertEquals(1, r.offsets().size());
        assertEquals(1, r.addOns().size());
        assertEquals(new BigDecimal("650.00"), r.account(null).total());
    }

    @Test
    void worstScenarioPositionsAddUpToTheGroupLoss() {
        Scenario s = new Scenario("down", -0.1, 0, 0, 1);
        MarginResult r = builder().line("G", GroupKind.RISK_GROUP, null, LineKind.SCAN_RISK, "scan", 10.0, List.of())
                .worstScenario("G", GroupKind.RISK_GROUP, null, 0, s, List.of("a", "b", "c"),
                        new double[] {-3.333333, -3.333333, -3.333334}).build();
        WorstScenario w = r.worstScenarios().get(0);
        assertEquals(new BigDecimal("10.00"), w.loss());
        assertEquals(new BigDecimal("-10.00"),
                w.positions().stream().map(PositionPnl::pnl).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void aNegativeTotalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> builder()
                .line("G", GroupKind.RISK_GROUP, null, LineKind.CREDIT, "credit", -1.0, List.of()).build());
    }
}
