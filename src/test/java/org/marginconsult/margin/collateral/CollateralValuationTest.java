package org.marginconsult.margin.collateral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.Account;

class CollateralValuationTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

    private final List<CollateralItem> items = List.of(
            new CollateralItem("note", Account.SECURITIES, CollateralKind.TREASURY, new BigDecimal("1000000"),
                    AS_OF.plusYears(7), null),
            new CollateralItem("aapl", Account.SECURITIES, CollateralKind.EQUITY, new BigDecimal("200000"), null,
                    EquityTier.SP500),
            new CollateralItem("cash", Account.FUTURES, CollateralKind.CASH_USD, new BigDecimal("50000"), null, null),
            new CollateralItem("btc", Account.FUTURES, CollateralKind.BTC, new BigDecimal("100000"), null, null));

    @Test
    void todayEachAccountUsesItsOwnSchedule() {
        CollateralReport today = CollateralValuation.compare(items, HaircutSchedules.sec15c3_1(),
                HaircutSchedules.prudentialSwaps(), HaircutSchedules.harmonisedProposal(), AS_OF).today();
        // 7-year note: 4% under 15c3-1; AAPL 15%; cash 0; BTC not eligible under the prudential schedule.
        assertEquals(new BigDecimal("960000.00"), today.items().get(0).collateralValue());
        assertEquals(new BigDecimal("170000.00"), today.items().get(1).collateralValue());
        assertEquals(new BigDecimal("50000.00"), today.items().get(2).collateralValue());
        assertEquals(new BigDecimal("0.00"), today.items().get(3).collateralValue());
        assertEquals(new BigDecimal("1180000.00"), today.collateralValue());
        assertEquals(new BigDecimal("1350000.00"), today.marketValue());
        assertEquals(new BigDecimal("170000.00"), today.haircutAmount());
    }

    @Test
    void theProposalCountsBitcoinAfterItsHaircut() {
        CollateralComparison c = CollateralValuation.compare(items, HaircutSchedules.sec15c3_1(),
                HaircutSchedules.prudentialSwaps(), HaircutSchedules.harmonisedProposal(), AS_OF);
        assertEquals(new BigDecimal("80000.00"), c.proposal().items().get(3).collateralValue());
        assertEquals(new BigDecimal("1260000.00"), c.proposal().collateralValue());
        assertEquals(new BigDecimal("80000.00"), c.change());
    }

    @Test
    void itemValuesAddUpToTheTotalAfterRounding() {
        List<CollateralItem> odd = List.of(
                new CollateralItem("a", Account.SECURITIES, CollateralKind.TREASURY, new BigDecimal("333.333"),
                        AS_OF.plusMonths(4), null),
                new CollateralItem("b", Account.SECURITIES, CollateralKind.TREASURY, new BigDecimal("333.333"),
                        AS_OF.plusMonths(4), null),
                new CollateralItem("c", Account.SECURITIES, CollateralKind.TREASURY, new BigDecimal("333.334"),
                        AS_OF.plusMonths(4), null));
        CollateralReport r = CollateralValuation.value(odd, i -> HaircutSchedules.sec15c3_1(), AS_OF);
        assertEquals(new BigDecimal("995.00"), r.collateralValue());
        assertEquals(r.collateralValue(), r.items().stream().map(CollateralValue::collateralValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(r.marketValue(), r.items().stream().map(CollateralValue::marketValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
