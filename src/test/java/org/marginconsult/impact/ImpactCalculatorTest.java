package org.marginconsult.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginconsult.impact.ImpactResult.ProposalImpact;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.PositionPnl;
import org.marginconsult.margin.Rates;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.methodology.cross.CrossMargin;
import org.marginconsult.margin.methodology.span.Span;
import org.marginconsult.margin.methodology.cross.CrossMarginProposal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class ImpactCalculatorTest {

    static final MarginCatalog CATALOG = ImpactFixtures.catalog();
    static final List<CrossMarginProposal> PROPOSALS = List.copyOf(CATALOG.proposals().values());
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    ImpactResult run(List<Position> positions) {
        return ImpactFixtures.calculator(CATALOG).calculate(ImpactFixtures.input(positions),
                SecuritiesRegime.PORTFOLIO_MARGIN, PROPOSALS, (p, s) -> { });
    }

    @Test
    void rerunningTheSameInputsGivesIdenticalNumbersAndHash() throws Exception {
        ImpactResult first = run(ImpactFixtures.samplePositions());
        ImpactResult second = run(ImpactFixtures.samplePositions());
        assertEquals(JSON.writeValueAsString(first), JSON.writeValueAsString(second));
        assertEquals(64, first.provenance().inputHash().length());
    }

    @Test
    void positionOrderChangesNeitherNumbersNorHash() throws Exception {
        List<Position> shuffled = new ArrayList<>(ImpactFixtures.samplePositions());
        Collections.reverse(shuffled);
        assertEquals(JSON.writeValueAsString(run(ImpactFixtures.samplePositions())), JSON.writeValueAsString(run(shuffled)));
    }

    @Test
    void aDifferentPortfolioGivesADifferentHash() {
        assertTrue(!run(ImpactFixtures.book(30)).provenance().inputHash()
                .equals(run(ImpactFixtures.samplePositions()).provenance().inputHash()));
    }

    @Test
    void eachProposalShowsItsChangeAgainstTodayInDollarsAndPercent() {
        ImpactResult result = run(ImpactFixtures.samplePositions());
        assertEquals(3, result.proposals().size());
        BigDecimal today = result.today().total();
        assertTrue(today.signum() > 0);
        for (ProposalImpact p : result.proposals()) {
            assertEquals(p.total().subtract(today), p.change());
            assertEquals(p.change().multiply(BigDecimal.valueOf(100)).divide(today, 2, RoundingMode.HALF_UP),
                    p.changePercent());
            assertEquals(today, p.attribution().siloedTotal());
            assertEquals(p.total(), p.attribution().proposalTotal());
        }
    }

    @Test
    void riskGroupsAndAccountsAddUpToEachTotal() {
        ImpactResult result = run(ImpactFixtures.samplePositions());
        assertEquals(result.today().total(), sum(result.today().byRiskGroup().values()));
        assertEquals(result.today().total(), sum(result.today().byAccount().values()));
        for (ProposalImpact p : result.proposals()) {
            assertEquals(p.total(), sum(p.byRiskGroup().values()), p.id());
            assertEquals(p.total(), sum(p.byAccount().values()), p.id());
        }
    }

    @Test
    void todaysFuturesCreditsAndNetOptionValueCountInTheRiskGroupOfTheirUnderlyingNotAtPortfolioLevel() {
        ImpactResult result = ImpactFixtures.calculator(CATALOG).calculate(
                ImpactFixtures.input(ImpactFixtures.samplePositions()), SecuritiesRegime.STRATEGY_BASED, PROPOSALS,
                (p, s) -> { });
        java.util.Map<String, BigDecimal> expected = new java.util.TreeMap<>();
        boolean creditWithoutPositions = false;
        for (ImpactResult.Line l : result.today().lines()) {
            boolean accountWide = l.group().equals("SECURITIES") || l.group().equals("FUTURES");
            String group = accountWide ? ImpactCalculator.PORTFOLIO_LEVEL
                    : CATALOG.referenceData().resolve(l.group()).riskGroup();
            expected.merge(group, l.amount(), BigDecimal::add);
            creditWithoutPositions |= l.kind().equals("CREDIT") && l.account().equals("FUTURES");
        }
        assertTrue(creditWithoutPositions, "the sample book earns SPAN inter-commodity credits");
        assertEquals(expected, result.today().byRiskGroup());
    }

    @Test
    void theSensitivityCurveAtTheProposalsOwnOffsetFactorIsTheProposalsTotal() {
        ImpactResult result = run(ImpactFixtures.samplePositions());
        assertNotNull(result.sensitivity());
        CrossMarginProposal proposal = CATALOG.proposal(result.sensitivity().proposal()).orElseThrow();
        BigDecimal f = BigDecimal.valueOf(proposal.parameters().offsetFactor());
        BigDecimal atF = result.sensitivity().points().stream()
                .filter(pt -> pt.offsetFactor().compareTo(f) == 0).findFirst().orElseThrow().total();
        assertEquals(result.proposal(proposal.id()).total(), atF);
        assertEquals(6, result.sensitivity().points().size());
    }

    @Test
    void worstScenarioContributorsAreRankedLargestLossFirst() {
        ImpactResult result = run(ImpactFixtures.samplePositions());
        for (ProposalImpact p : result.proposals()) {
            for (var w : p.worstScenarios()) {
                for (int i = 1; i < w.contributors().size(); i++) {
                    assertTrue(w.contributors().get(i - 1).pnl().compareTo(w.contributors().get(i).pnl()) <= 0);
                }
            }
        }
        assertTrue(result.profiles().size() > 0);
    }

    @Test
    void collateralShowsValueTodayAndTheLiquidityReleasedUnderAProposal() {
        ImpactResult result = run(ImpactFixtures.samplePositions());
        var today = result.today().collateral();
        var proposal = result.proposals().get(0).collateral();
        assertEquals(new BigDecimal("6250000.00"), today.marketValue());
        assertEquals(proposal.collateralValue().subtract(today.collateralValue()), proposal.releasedVersusToday());
    }

    @Test
    void underStrategyBasedTheWholeSampleIncludingCashTreasuriesIsMarginedAndReproducible() throws Exception {
        ImpactResult first = ImpactFixtures.calculator(CATALOG).calculate(
                ImpactFixtures.input(ImpactFixtures.allSamplePositions()), SecuritiesRegime.STRATEGY_BASED,
                PROPOSALS, (p, s) -> { });
        ImpactResult second = ImpactFixtures.calculator(CATALOG).calculate(
                ImpactFixtures.input(ImpactFixtures.allSamplePositions()), SecuritiesRegime.STRATEGY_BASED,
                PROPOSALS, (p, s) -> { });
        assertEquals("STRATEGY_BASED", first.provenance().methodologies().get(0).id());
        assertTrue(first.today().byAccount().get("SECURITIES").signum() > 0);
        assertEquals(JSON.writeValueAsString(first), JSON.writeValueAsString(second));
        assertTrue(!first.provenance().inputHash().equals(run(ImpactFixtures.samplePositions()).provenance().inputHash()));
    }

    @Test
    void noProposalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ImpactFixtures.calculator(CATALOG).calculate(
                ImpactFixtures.input(ImpactFixtures.samplePositions()), SecuritiesRegime.PORTFOLIO_MARGIN, List.of(),
                (p, s) -> { }));
    }

    @Test
    void eachSensitivityPointIsTheTotalOfAFullCalculationAtThatOffsetFactor() {
        List<Position> book = ImpactFixtures.book(600);
        ImpactResult result = run(book);
        CrossMarginProposal proposal = CATALOG.proposal(result.sensitivity().proposal()).orElseThrow();
        ValuationContext context = new ValuationContext(ImpactFixtures.AS_OF, new Rates(0.04), CATALOG.referenceData());
        for (ImpactResult.SensitivityPoint point : result.sensitivity().points()) {
            CrossMarginProposal variant = proposal.withParameters(
                    proposal.parameters().withOffsetFactor(point.offsetFactor().doubleValue()), "alone");
            assertEquals(new CrossMargin(variant, SecuritiesRegime.PORTFOLIO_MARGIN.methodology(), Span.withDefaults())
                    .calculate(book, context).total(), point.total(), "f=" + point.offsetFactor());
        }
        assertEquals(List.of("0.0000", "0.2000", "0.4000", "0.6000", "0.8000", "1.0000"),
                result.sensitivity().points().stream().map(pt -> pt.offsetFactor().toPlainString()).toList());
    }

    @Test
    void eachGroupsProfileIsTheScenarioPnlItsScanRiskWasTakenFrom() {
        ImpactResult result = run(ImpactFixtures.samplePositions());
        ImpactResult.ProposalImpact a = result.proposal("A-full-offset");
        int checked = 0;
        for (ImpactResult.GroupProfile profile : result.profiles()) {
            if (!profile.proposal().equals(a.id())) {
                continue;
            }
            BigDecimal worstSecurities = profile.points().stream().map(ImpactResult.ProfilePoint::securities)
                    .map(BigDecimal::negate).reduce(BigDecimal.ZERO, BigDecimal::max);
            BigDecimal worstFutures = profile.points().stream().map(ImpactResult.ProfilePoint::futures)
                    .map(BigDecimal::negate).reduce(BigDecimal.ZERO, BigDecimal::max);
            BigDecimal combined = profile.points().stream().map(ImpactResult.ProfilePoint::combined)
                    .map(BigDecimal::negate).reduce(BigDecimal.ZERO, BigDecimal::max);
            assertTrue(combined.compareTo(worstSecurities.add(worstFutures).add(new BigDecimal("0.02"))) <= 0,
                    "netting the accounts in common scenarios never loses more than both worst cases");
            checked++;
        }
        assertTrue(checked > 3, "a profile per risk group");
    }

    @Test
    void progressRisesThroughTheStagesOfTheRun() {
        List<Integer> percents = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        ImpactFixtures.calculator(CATALOG).calculate(ImpactFixtures.input(ImpactFixtures.samplePositions()),
                SecuritiesRegime.PORTFOLIO_MARGIN, PROPOSALS, (p, s) -> {
                    percents.add(p);
                    stages.add(s);
                });
        for (int i = 1; i < percents.size(); i++) {
            assertTrue(percents.get(i) > percents.get(i - 1), "progress rises: " + percents);
        }
        assertEquals(ImpactCalculator.STUDY_START, percents.get(0));
        assertTrue(stages.get(0).startsWith("today's margin (securities under PORTFOLIO_MARGIN, futures under SPAN)"));
        assertTrue(stages.stream().anyMatch(s -> s.startsWith("sensitivity of ")));
        assertTrue(percents.get(percents.size() - 1) < 100, "100% only once the result is stored");
    }

    @Test
    void theDrillDownKeepsTheLargestLossesFirstAsAFullSortWould() {
        java.util.Random random = new java.util.Random(7);
        List<PositionPnl> all = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            all.add(new PositionPnl("P" + random.nextInt(100_000) + "-" + i,
                    BigDecimal.valueOf(random.nextInt(2001) - 1000, 2)));
        }
        List<PositionPnl> sorted = new ArrayList<>(all);
        sorted.sort(java.util.Comparator.comparing(PositionPnl::pnl).thenComparing(PositionPnl::positionId));
        assertEquals(sorted.subList(0, 25), ImpactCalculator.top(all, 25));
        assertEquals(sorted, ImpactCalculator.top(all, 10_000));
        assertEquals(List.of(), ImpactCalculator.top(all, 0));
    }

    private static BigDecimal sum(java.util.Collection<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
