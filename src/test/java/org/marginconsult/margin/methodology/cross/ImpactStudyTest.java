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
            assertEquals(List.of(ProposalFixtures.IDS), List.copyOf(study.proposals().keySet()));
            for (CrossMarginProposal p : proposals) {
                CrossMargin alone = new CrossMargin(p, PortfolioMargin.withDefaults(), Span.withDefaults());
                assertEquals(alone.calculate(book, MarginFixtures.context()), study.proposals().get(p.id()),
                        p.id() + " seed " + seed);
            }
            assertEquals(study.baseline().total(), study.proposals().get("A-full-offset").attribution().siloedTotal());
        }
    }
}
