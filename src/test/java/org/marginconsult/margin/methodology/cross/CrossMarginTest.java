package org.marginconsult.margin.methodology.cross;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.Account;
import org.marginconsult.margin.BreakdownLine;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.InvalidPortfolioException;
import org.marginconsult.margin.LineKind;
import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.PositionPnl;
import org.marginconsult.margin.Warning;
import org.marginconsult.margin.WorstScenario;
import org.marginconsult.margin.methodology.portfoliomargin.PortfolioMargin;
import org.marginconsult.margin.methodology.span.Span;
import org.marginconsult.margin.support.MarginFixtures;
import org.marginconsult.margin.support.ProposalFixtures;
import org.marginconsult.margin.support.RandomBooks;

class CrossMarginTest {

    private static final LocalDate ES_EXPIRY = LocalDate.of(2026, 12, 18);

    private static CrossMargin crossMargin(CrossMarginProposal proposal) {
        return new CrossMargin(proposal, PortfolioMargin.withDefaults(), Span.withDefaults());
    }

    private static MarginResult siloed(List<Position> positions) {
        List<Position> sec = positions.stream().filter(p -> p.account() == Account.SECURITIES).toList();
        List<Position> fut = positions.stream().filter(p -> p.account() == Account.FUTURES).toList();
        BigDecimal total = BigDecimal.ZERO;
        MarginResult pm = PortfolioMargin.withDefaults().calculate(sec, MarginFixtures.context());
        MarginResult span = Span.withDefaults().calculate(fut, MarginFixtures.context());
        total = total.add(pm.total()).add(span.total());
        return new MarginResult(pm.methodology(), pm.parameterSet(), "", pm.asOf(), "USD", total, total,
                pm.maintenance().add(span.maintenance()), pm.saleProceeds().add(span.saleProceeds()),
                concat(pm.accounts(), span.accounts()), concat(pm.breakdown(), span.breakdown()), List.of(), null,
                List.of());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Long 1,000 SPY at 590 in the securities account, short 2 ES at 5,900 in the futures account: same notional. */
    private static List<Position> spyAgainstEs() {
        return List.of(Position.equity("spy", InstrumentType.ETF, "SPY", "1000", "590"),
                Position.future("es", InstrumentType.FUTURE, "ESZ6", "ES", "-2", "50", "5900", ES_EXPIRY));
    }

    private static BigDecimal sum(List<BreakdownLine> lines, LineKind kind) {
        return lines.stream().filter(l -> l.kind() == kind).map(BreakdownLine::amount)
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    @Test
    void ownGridsReproduceTheSiloedRequirementToTheCent() {
        List<Position> book = RandomBooks.book(42, 60, true, true);
        MarginResult today = siloed(book);
        MarginResult own = crossMargin(CrossMarginProposal.siloed()).calculate(book, MarginFixtures.context());
        assertEquals(today.total(), own.total());
        assertEquals(today.maintenance(), own.maintenance());
        assertEquals(today.breakdown(), own.breakdown());
        assertEquals(today.account(Account.SECURITIES).total(), own.account(Account.SECURITIES).total());
        assertEquals(today.account(Account.FUTURES).total(), own.account(Account.FUTURES).total());
        assertEquals(new BigDecimal("0.00"), own.attribution().gridChange());
        assertEquals(new BigDecimal("0.00"), own.attribution().offsetChange());
        assertEquals(own.total(), own.attribution().siloedTotal());
    }

    @Test
    void aBookHedgedAcrossAccountsPaysOnlyTheContractMinimumUnderFullOffset() {
        MarginResult r = crossMargin(ProposalFixtures.load("A-full-offset")).calculate(spyAgainstEs(),
                MarginFixtures.context());
        // Siloed: PM -8% on $590,000 = 47,200; SPAN 2 x ES PSR 11,500 = 23,000, initial at 110% = 25,300.
        assertEquals(new BigDecimal("72500.00"), r.attribution().siloedTotal());
        // On the US large-cap grid (-8%/+6%) alone: SPY loses 47,200 down 8%, the short ES 35,400 up 6%.
        assertEquals(new BigDecimal("82600.00"), sum(r.breakdown(), LineKind.SCAN_RISK));
        assertEquals(new BigDecimal("-82600.00"), sum(r.breakdown(), LineKind.OFFSET));
        // Minimum $0.375 x 50 per ES contract.
        assertEquals(new BigDecimal("37.50"), sum(r.breakdown(), LineKind.MINIMUM_CHARGE));
        assertEquals(new BigDecimal("37.50"), r.total());
        assertEquals(new BigDecimal("10100.00"), r.attribution().gridChange());
        assertEquals(new BigDecimal("-82600.00"), r.attribution().offsetChange());
        assertEquals(new BigDecimal("37.50"), r.attribution().addOnChange());
        assertEquals("US_LARGE_CAP: minimum of $0.375 x multiplier per contract ($37.50) exceeds the risk after"
                + " offsets and credits ($0.00)", description(r, LineKind.MINIMUM_CHARGE));
        assertEquals("US_LARGE_CAP: both accounts in common scenarios, loss = loss side - 1 x gain side; worst: "
                + r.worstScenarios().get(0).scenarioLabel(), description(r, LineKind.OFFSET));
    }

    /** The explanation of the result's one line of the given kind. */
    private static String description(MarginResult r, LineKind kind) {
        List<BreakdownLine> lines = r.breakdown().stream().filter(l -> l.kind() == kind).toList();
        assertEquals(1, lines.size(), kind.toString());
        return lines.get(0).description();
    }

    @Test
    void halfOffsetCountsHalfOfTheOtherAccountsGain() {
        CrossMarginProposal a = ProposalFixtures.load("A-full-offset");
        CrossMarginProposal half = a.withParameters(a.parameters().withOffsetFactor(0.5), "f0.5");
        MarginResult r = crossMargin(half).calculate(spyAgainstEs(), MarginFixtures.context());
        // Down 8%: 47,200 lost on SPY less half of the 47,200 gained on ES.
        assertEquals(new BigDecimal("23600.00"), r.total());
        WorstScenario worst = r.worstScenarios().get(0);
        assertEquals("US_LARGE_CAP", worst.group());
        assertEquals(-0.08, worst.priceMove(), 1e-15);
        assertEquals(List.of(new PositionPnl("es", new BigDecimal("47200.00")),
                new PositionPnl("spy", new BigDecimal("-47200.00"))), worst.positions());
    }

    @Test
    void theSavingsCapRaisesTheRequirementToTwentyPercentOfSiloed() {
        MarginResult r = crossMargin(ProposalFixtures.load("B-80pct-capped")).calculate(spyAgainstEs(),
                MarginFixtures.context());
        assertEquals(new BigDecimal("14500.00"), r.total());
        assertEquals(new BigDecimal("14462.50"), sum(r.breakdown(), LineKind.FLOOR));
        assertEquals(new BigDecimal("14462.50"), r.attribution().floorChange());
        assertEquals("floor: at least 20% of the siloed requirement (savings capped at 80%)",
                description(r, LineKind.FLOOR));
    }

    @Test
    void opposingRiskInRelatedGroupsEarnsTheInterGroupCredit() {
        // Long 1 NQ (Nasdaq-100) against short 700 SPY (US large cap).
        List<Position> book = List.of(
                Position.future("nq", InstrumentType.FUTURE, "NQZ6", "NQ", "1", "20", "21000", ES_EXPIRY),
                Position.equity("spy", InstrumentType.ETF, "SPY", "-700", "590"));
        MarginResult r = crossMargin(ProposalFixtures.load("A-full-offset")).calculate(book, MarginFixtures.context());
        // NQ alone: 8% x 420,000 = 33,600; short SPY alone: 6% x 413,000 = 24,780; credit 2 x 0.75 x 24,780.
        assertEquals(new BigDecimal("58380.00"), sum(r.breakdown(), LineKind.SCAN_RISK));
        assertEquals(new BigDecimal("-37170.00"), sum(r.breakdown(), LineKind.CREDIT));
        assertEquals(new BigDecimal("21210.00"), r.total());
        assertEquals("inter-group credit: 75% of $24,780.00, the part of each group's requirement at risk in"
                + " opposite directions, taken from each of the two groups", description(r, LineKind.CREDIT));
    }

    @Test
    void groupsAtRiskInTheSameDirectionEarnNoCredit() {
        List<Position> book = List.of(
                Position.future("nq", InstrumentType.FUTURE, "NQZ6", "NQ", "1", "20", "21000", ES_EXPIRY),
                Position.equity("spy", InstrumentType.ETF, "SPY", "700", "590"));
        MarginResult r = crossMargin(ProposalFixtures.load("A-full-offset")).calculate(book, MarginFixtures.context());
        assertEquals(new BigDecimal("0.00"), sum(r.breakdown(), LineKind.CREDIT));
    }

    @Test
    void aTreasuryHedgedWithNoteFuturesIsChargedTheContractMinimum() {
        List<Position> book = List.of(
                Position.rates("note", InstrumentType.TREASURY, "T 4.25 11/35", "UST-10Y", "1000", "10", "98.5",
                        LocalDate.of(2035, 11, 15), "0.85"),
                Position.rates("zn", InstrumentType.TREASURY_FUTURE, "ZNZ6", "ZN", "-12", "1000", "111.25",
                        LocalDate.of(2026, 12, 19), "72.5"));
        MarginResult r = crossMargin(ProposalFixtures.load("A-full-offset")).calculate(book, MarginFixtures.context());
        // Net dv01 -20 $/bp: loses 600 at -30bp; minimum 12 x 0.375 x 1,000 = 4,500.
        assertEquals(new BigDecimal("4500.00"), r.total());
        assertEquals(new BigDecimal("3900.00"), sum(r.breakdown(), LineKind.MINIMUM_CHARGE));
    }

    @Test
    void aLargeGroupPaysTheConcentrationAddOnUnderTheConservativeProposal() {
        List<Position> book = List.of(Position.equity("spy", InstrumentType.ETF, "SPY", "100000", "590"));
        MarginResult r = crossMargin(ProposalFixtures.load("C-conservative")).calculate(book, MarginFixtures.context());
        // Gross $59,000,000 is $9,000,000 above the threshold: 2% = 180,000.
        assertEquals(new BigDecimal("180000.00"), sum(r.breakdown(), LineKind.ADD_ON));
        assertEquals("US_LARGE_CAP: concentration add-on 2% of the gross exposure above $50,000,000.00 (gross"
                + " exposure $59,000,000.00)", description(r, LineKind.ADD_ON));
    }

    @Test
    void unknownUnderlyingsAreReportedAsWarnings() {
        List<Position> book = List.of(Position.equity("x", InstrumentType.STOCK, "ZZZZ", "100", "10"));
        MarginResult r = crossMargin(ProposalFixtures.load("A-full-offset")).calculate(book, MarginFixtures.context());
        assertTrue(r.warnings().stream().anyMatch(w -> w.code().equals(Warning.UNKNOWN_UNDERLYING)
                && w.subject().equals("ZZZZ")));
        // Single-equity grid +/-15%.
        assertEquals(new BigDecimal("150.00"), r.total());
    }

    @Test
    void aTreasuryOnANonRatesUnderlyingIsRefusedOnItsUnderlyingField() {
        List<Position> book = List.of(Position.rates("t", InstrumentType.TREASURY, "T", "AAPL", "1", "10", "98",
                LocalDate.of(2030, 1, 1), "0.4"));
        InvalidPortfolioException e = assertThrows(InvalidPortfolioException.class,
                () -> crossMargin(ProposalFixtures.load("A-full-offset")).calculate(book, MarginFixtures.context(),
                        new SiloedBaseline(null, null)));
        assertEquals("underlying", e.errors().get(0).field());
    }

    @Test
    void ownGridsRefuseOffsetsBecauseTheAccountsScenariosDiffer() {
        assertThrows(IllegalArgumentException.class, () -> new CrossMarginParameters(GridMode.OWN_GRIDS, Map.of(),
                Map.of(), 0.5, Map.of(), List.of(), 0, ConcentrationAddOn.NONE, 0));
    }

    @Test
    void theResultNamesTheProposalAndItsVersion() {
        MarginResult r = crossMargin(ProposalFixtures.load("C-conservative")).calculate(spyAgainstEs(),
                MarginFixtures.context());
        assertEquals("CROSS_MARGIN", r.methodology().id());
        assertEquals("C-conservative", r.parameterSet().id());
        assertEquals("1", r.parameterSet().version());
        assertEquals(64, r.inputHash().length());
    }

    @Test
    void anErrorFromTodaysMethodologyNamesThePositionInTheWholePortfolio() {
        // Strategy-based refuses two marks for one stock; the second AAPL is position 2 of the portfolio
        // but position 1 of the securities account.
        List<Position> book = List.of(Position.equity("a", InstrumentType.STOCK, "AAPL", "100", "230"),
                Position.future("es", InstrumentType.FUTURE, "ESZ6", "ES", "1", "50", "5900", ES_EXPIRY),
                Position.equity("b", InstrumentType.STOCK, "AAPL", "100", "231"));
        CrossMargin cm = new CrossMargin(ProposalFixtures.load("A-full-offset"),
                org.marginconsult.margin.methodology.strategy.StrategyBased.withDefaults(), Span.withDefaults());
        InvalidPortfolioException e = assertThrows(InvalidPortfolioException.class,
                () -> cm.calculate(book, MarginFixtures.context()));
        assertTrue(e.errors().stream().allMatch(x -> x.positionIndex() == 0 || x.positionIndex() == 2),
                e.errors().toString());
    }
}
