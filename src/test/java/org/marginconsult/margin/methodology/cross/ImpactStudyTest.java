package org.marginconsult.margin.methodology.cross;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.Position;
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
}
