package org.marginconsult.margin.methodology.cross;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.Account;
import org.marginconsult.margin.InputHash;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.reference.UnderlyingReference;
import org.marginconsult.margin.scenario.ScenarioRevaluer;
import org.marginconsult.margin.methodology.portfoliomargin.PortfolioMargin;
import org.marginconsult.margin.methodology.span.Span;
import org.marginconsult.margin.support.MarginFixtures;
import org.marginconsult.margin.support.ProposalFixtures;
import org.marginconsult.margin.support.RandomBooks;

class ImpactStudyTest {

    @Test
    void aStudyGivesExactlyTheResultsOfEachProposalCalculatedAlone() {
        List<CrossMarginProposal> proposals = Arrays.stream(ProposalFixtures.IDS).map(ProposalFixtures::load).toList();
        for (int seed = 0; seed < 5; seed++) {
            List<Position> book = RandomBooks.book(500 + seed, 80, true, true);
            ImpactStudy study = ImpactStudy.run(book, MarginFixtures.context(), PortfolioMargin.withDefaults(),
                    Span.withDefaults(), proposals);
            assertEquals(List.of(ProposalFixtures.IDS),
                    study.proposals().stream().map(r -> r.parameterSet().id()).toList());
            for (CrossMarginProposal p : proposals) {
                CrossMargin alone = new CrossMargin(p, PortfolioMargin.withDefaults(), Span.withDefaults());
                assertEquals(alone.calculate(book, MarginFixtures.context()), study.proposal(p.id()),
                        p.id() + " seed " + seed);
            }
            assertEquals(study.baseline().total(), study.proposal("A-full-offset").attribution().siloedTotal());
        }
    }

    @Test
    void offsetFactorVariantsOfOneProposalMatchTheirOwnCalculations() {
        CrossMarginProposal a = ProposalFixtures.load("A-full-offset");
        List<CrossMarginProposal> curve = new java.util.ArrayList<>();
        for (double f : new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}) {
            curve.add(a.withParameters(a.parameters().withOffsetFactor(f), "f" + f));
        }
        List<Position> book = RandomBooks.book(600, 120, true, true);
        ImpactStudy study = ImpactStudy.run(book, MarginFixtures.context(), PortfolioMargin.withDefaults(),
                Span.withDefaults(), curve);
        for (int i = 0; i < curve.size(); i++) {
            CrossMargin alone = new CrossMargin(curve.get(i), PortfolioMargin.withDefaults(), Span.withDefaults());
            assertEquals(alone.calculate(book, MarginFixtures.context()), study.proposals().get(i), "variant " + i);
        }
    }

    /** Without credits; with credit rates above 50% a lower leg requirement can earn less credit than it saves. */
    @Test
    void moreOffsetNeverCostsMoreWithoutCredits() {
        CrossMarginProposal a = ProposalFixtures.load("A-full-offset");
        List<CrossMarginProposal> curve = new java.util.ArrayList<>();
        for (double f : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            curve.add(a.withParameters(a.parameters().withoutCredits().withOffsetFactor(f), "f" + f));
        }
        for (int seed = 0; seed < 5; seed++) {
            ImpactStudy study = ImpactStudy.run(RandomBooks.book(700 + seed, 100, true, true), MarginFixtures.context(),
                    PortfolioMargin.withDefaults(), Span.withDefaults(), curve);
            for (int i = 1; i < curve.size(); i++) {
                assertEquals(true, study.proposals().get(i).total()
                        .compareTo(study.proposals().get(i - 1).total()) <= 0, "seed " + seed + " variant " + i);
            }
        }
    }

    @Test
    void theOffsetSensitivityEqualsEachOffsetFactorCalculatedInFullToTheCent() {
        List<CrossMarginProposal> proposals = Arrays.stream(ProposalFixtures.IDS).map(ProposalFixtures::load).toList();
        double[] factors = {0, 0.2, 0.4, 0.5, 0.6, 0.8, 1};
        for (int seed = 0; seed < 4; seed++) {
            List<Position> book = RandomBooks.book(800 + seed, 150, true, true);
            ImpactStudy study = ImpactStudy.run(book, MarginFixtures.context(), PortfolioMargin.withDefaults(),
                    Span.withDefaults(), proposals);
            for (CrossMarginProposal p : proposals) {
                List<ImpactStudy.OffsetPoint> curve = study.offsetSensitivity(p.id(), factors);
                assertEquals(factors.length, curve.size());
                for (int i = 0; i < factors.length; i++) {
                    CrossMarginProposal variant = p.withParameters(p.parameters().withOffsetFactor(factors[i]), "alone");
                    CrossMargin alone = new CrossMargin(variant, PortfolioMargin.withDefaults(), Span.withDefaults());
                    assertEquals(factors[i], curve.get(i).offsetFactor());
                    assertEquals(alone.calculate(book, MarginFixtures.context()).total(), curve.get(i).total(),
                            p.id() + " at f=" + factors[i] + " seed " + seed);
                }
            }
        }
    }

    @Test
    void theSensitivityAtEachProposalsOwnOffsetFactorIsTheProposalsTotal() {
        List<CrossMarginProposal> proposals = Arrays.stream(ProposalFixtures.IDS).map(ProposalFixtures::load).toList();
        ImpactStudy study = ImpactStudy.run(RandomBooks.book(900, 200, true, true), MarginFixtures.context(),
                PortfolioMargin.withDefaults(), Span.withDefaults(), proposals);
        for (CrossMarginProposal p : proposals) {
            assertEquals(study.proposal(p.id()).total(),
                    study.offsetSensitivity(p.id(), p.parameters().offsetFactor()).get(0).total(), p.id());
        }
    }

    @Test
    void eachGroupsScenarioPnlIsItsPositionsRevaluedPerAccountOnTheProposalsGrid() {
        CrossMarginProposal a = ProposalFixtures.load("A-full-offset");
        List<Position> book = RandomBooks.book(901, 150, true, true);
        ValuationContext context = MarginFixtures.context();
        ImpactStudy study = ImpactStudy.run(book, context, PortfolioMargin.withDefaults(), Span.withDefaults(),
                List.of(a));
        List<ImpactStudy.GroupPnl> groups = study.groupPnl(a.id());
        Map<String, List<Position>> members = new HashMap<>();
        for (Position p : book) {
            members.computeIfAbsent(context.referenceData().resolve(p.underlying()).riskGroup(),
                    k -> new java.util.ArrayList<>()).add(p);
        }
        assertEquals(members.keySet(), groups.stream().map(ImpactStudy.GroupPnl::riskGroup)
                .collect(java.util.stream.Collectors.toSet()));
        ScenarioRevaluer revaluer = new ScenarioRevaluer(context);
        for (ImpactStudy.GroupPnl g : groups) {
            double[] securities = new double[g.grid().size()];
            double[] futures = new double[g.grid().size()];
            for (Position p : members.get(g.riskGroup())) {
                UnderlyingReference ref = context.referenceData().resolve(p.underlying());
                revaluer.accumulate(p, ref.beta(), g.grid(), p.account() == Account.FUTURES ? futures : securities);
            }
            for (int j = 0; j < securities.length; j++) {
                assertEquals(securities[j], g.securities()[j], 1e-6 * Math.max(1, Math.abs(securities[j])), g.riskGroup());
                assertEquals(futures[j], g.futures()[j], 1e-6 * Math.max(1, Math.abs(futures[j])), g.riskGroup());
            }
        }
        double[] copy = groups.get(0).securities();
        copy[0] = 42e9;
        assertTrue(study.groupPnl(a.id()).get(0).securities()[0] != 42e9, "the study's vectors cannot be changed");
    }

    @Test
    void theStudysPositionsDigestIsThePortfolios() {
        List<Position> book = RandomBooks.book(902, 60, true, true);
        ImpactStudy study = ImpactStudy.run(book, MarginFixtures.context(), PortfolioMargin.withDefaults(),
                Span.withDefaults(), List.of(ProposalFixtures.load("A-full-offset")));
        assertTrue(Arrays.equals(InputHash.positionsDigest(book), study.positionsDigest()));
    }

    @Test
    void aSensitivityOfAProposalOutsideTheStudyOrOfAFactorOutsideZeroToOneIsRefused() {
        CrossMarginProposal a = ProposalFixtures.load("A-full-offset");
        ImpactStudy study = ImpactStudy.run(RandomBooks.book(903, 40, true, true), MarginFixtures.context(),
                PortfolioMargin.withDefaults(), Span.withDefaults(), List.of(a));
        assertThrows(IllegalArgumentException.class, () -> study.offsetSensitivity("B-80pct-capped", 0.5));
        assertThrows(IllegalArgumentException.class, () -> study.offsetSensitivity(a.id(), 1.5));
        assertThrows(IllegalArgumentException.class, () -> study.groupPnl("B-80pct-capped"));
    }

    @Test
    void aProposalOnOwnGridsHasNoGroupProfileAndNoOffsetFactorToVary() {
        CrossMarginProposal siloed = CrossMarginProposal.siloed();
        ImpactStudy study = ImpactStudy.run(RandomBooks.book(904, 40, true, true), MarginFixtures.context(),
                PortfolioMargin.withDefaults(), Span.withDefaults(), List.of(siloed));
        assertEquals(List.of(), study.groupPnl(siloed.id()));
        assertThrows(IllegalArgumentException.class, () -> study.offsetSensitivity(siloed.id(), 0.5));
    }

    @Test
    void aStudyTellsEachStepBeforeItStartsAndStopsWhenTheListenerThrows() {
        List<CrossMarginProposal> proposals = Arrays.stream(ProposalFixtures.IDS).map(ProposalFixtures::load).toList();
        List<String> told = new java.util.ArrayList<>();
        ImpactStudy.run(RandomBooks.book(905, 40, true, true), MarginFixtures.context(), PortfolioMargin.withDefaults(),
                Span.withDefaults(), proposals, (done, steps, next) -> told.add(done + "/" + steps + " " + next));
        List<String> expected = new java.util.ArrayList<>(List.of("0/5 validating and grouping the portfolio",
                "1/5 today's siloed margin"));
        for (int i = 0; i < proposals.size(); i++) {
            expected.add((2 + i) + "/5 proposal " + proposals.get(i).id());
        }
        assertEquals(expected, told);
        IllegalStateException stop = new IllegalStateException("claim lost");
        assertEquals(stop, assertThrows(IllegalStateException.class, () -> ImpactStudy.run(
                RandomBooks.book(905, 40, true, true), MarginFixtures.context(), PortfolioMargin.withDefaults(),
                Span.withDefaults(), proposals, (done, steps, next) -> {
                    if (done == 1) {
                        throw stop;
                    }
                })));
    }

    @Test
    void anInvalidPositionIsReportedByItsIndexInTheWholePortfolio() {
        List<Position> book = new java.util.ArrayList<>(RandomBooks.book(906, 60, true, true));
        int bad = 0;
        for (int i = book.size() - 1; i >= 0; i--) {
            if (book.get(i).instrumentType().isOption() && book.get(i).account() == Account.FUTURES) {
                bad = i;
                break;
            }
        }
        Position p = book.get(bad);
        book.set(bad, new Position(p.positionId(), p.account(), p.instrumentType(), p.symbol(), p.underlying(),
                p.quantity(), p.multiplier(), p.price(), p.underlyingPrice(), p.optionType(), null, p.expiry(),
                p.impliedVol(), p.dv01(), p.currency()));
        org.marginconsult.margin.InvalidPortfolioException e = assertThrows(
                org.marginconsult.margin.InvalidPortfolioException.class,
                () -> ImpactStudy.run(book, MarginFixtures.context(), PortfolioMargin.withDefaults(),
                        Span.withDefaults(), List.of(ProposalFixtures.load("A-full-offset"))));
        assertTrue(bad > 0, "a futures option late in the book");
        assertEquals(bad, e.errors().get(0).positionIndex());
        assertEquals("strike", e.errors().get(0).field());
    }
}
