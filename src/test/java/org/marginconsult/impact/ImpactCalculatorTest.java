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

    private static BigDecimal sum(java.util.Collection<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
