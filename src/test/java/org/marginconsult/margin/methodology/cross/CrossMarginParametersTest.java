package org.marginconsult.margin.methodology.cross;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.reference.ProductClass;
import org.marginconsult.margin.scenario.VolShiftKind;
import org.marginconsult.margin.support.ProposalFixtures;

class CrossMarginParametersTest {

    private static final GroupGrid GRID = new GroupGrid(0.1, 0.1, 5, false, List.of(0.0), VolShiftKind.ABSOLUTE, 0,
            1, 0, 30);

    @Test
    void anOffsetFactorOutsideZeroToOneIsRefused() {
        CrossMarginParameters a = ProposalFixtures.load("A-full-offset").parameters();
        assertThrows(IllegalArgumentException.class, () -> a.withOffsetFactor(1.2));
        assertThrows(IllegalArgumentException.class, () -> a.withOffsetFactor(-0.1));
    }

    @Test
    void riskGroupGridsNeedAGridForEveryProductClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossMarginParameters(GridMode.RISK_GROUP_GRIDS, Map.of(ProductClass.CRYPTO, GRID), Map.of(),
                        1, Map.of(), List.of(), 0, ConcentrationAddOn.NONE, 0));
        assertTrue(e.getMessage().contains("HIGH_CAP_BROAD_INDEX"));
    }

    @Test
    void aGroupOverrideTakesPrecedenceOverItsClass() {
        CrossMarginParameters a = ProposalFixtures.load("A-full-offset").parameters();
        assertEquals(30.0, a.grid("US_RATES_10Y", ProductClass.RATES_TENOR_BUCKET).yieldShiftBp());
        assertEquals(0.25, a.grid("BITCOIN", ProductClass.CRYPTO).priceDown());
    }

    @Test
    void anExtremeMoveBelowMinusOneHundredPercentIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GroupGrid(0.4, 0.4, 3, true, List.of(0.0),
                VolShiftKind.ABSOLUTE, 3, 0.35, 0, 30));
    }

    @Test
    void ownGridsRefuseMinimumsBecauseEachAccountKeepsItsOwn() {
        assertThrows(IllegalArgumentException.class, () -> new CrossMarginParameters(GridMode.OWN_GRIDS, Map.of(),
                Map.of(), 0, Map.of(), List.of(), 0.375, ConcentrationAddOn.NONE, 0));
    }

    @Test
    void aCreditRateAboveOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GroupCredit("A", "B", 1.5));
        assertThrows(IllegalArgumentException.class, () -> new GroupCredit("A", "A", 0.5));
    }
}
