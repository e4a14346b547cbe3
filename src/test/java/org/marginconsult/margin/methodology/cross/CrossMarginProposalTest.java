package org.marginconsult.margin.methodology.cross;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.reference.ProductClass;
import org.marginconsult.margin.support.ProposalFixtures;

class CrossMarginProposalTest {

    @Test
    void everySeededProposalParsesWithItsIdTitleAndVersion() {
        for (String id : ProposalFixtures.IDS) {
            CrossMarginProposal p = ProposalFixtures.load(id);
            assertEquals(id, p.id());
            assertEquals("1", p.version());
            assertTrue(p.title().length() > 10, id);
            assertTrue(p.description().length() > 50, id);
            assertEquals(GridMode.RISK_GROUP_GRIDS, p.parameters().gridMode());
        }
    }

    @Test
    void theSeededProposalsDifferInTheirOffsetAndFloor() {
        CrossMarginParameters a = ProposalFixtures.load("A-full-offset").parameters();
        CrossMarginParameters b = ProposalFixtures.load("B-80pct-capped").parameters();
        CrossMarginParameters c = ProposalFixtures.load("C-conservative").parameters();
        assertEquals(1.0, a.offsetFactor());
        assertEquals(0.0, a.floorShare());
        assertEquals(0.2, b.floorShare());
        assertEquals(0.5, c.offsetFactor());
        assertEquals(0.5, c.floorShare());
        assertEquals(0.02, c.concentration().rate());
        assertEquals(0.08, a.grid("US_LARGE_CAP", ProductClass.HIGH_CAP_BROAD_INDEX).priceDown());
        assertEquals(25.0, a.grid("US_RATES_2Y", ProductClass.RATES_TENOR_BUCKET).yieldShiftBp());
    }

    @Test
    void aWhatIfChangesTheVersionAndTheCanonicalForm() {
        CrossMarginProposal a = ProposalFixtures.load("A-full-offset");
        CrossMarginProposal what = a.withParameters(a.parameters().withOffsetFactor(0.8), "f0.8");
        assertEquals("1+f0.8", what.version());
        assertNotEquals(a.canonicalForm(), what.canonicalForm());
    }

    @Test
    void theSiloedProposalUsesOwnGridsWithNothingAdded() {
        CrossMarginParameters p = CrossMarginProposal.siloed().parameters();
        assertEquals(GridMode.OWN_GRIDS, p.gridMode());
        assertEquals(0.0, p.offsetFactor());
        assertTrue(p.credits().isEmpty());
    }
}
