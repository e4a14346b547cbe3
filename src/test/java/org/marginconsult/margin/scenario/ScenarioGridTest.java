package org.marginconsult.margin.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScenarioGridTest {

    @Test
    void portfolioMarginHighCapGridHasTenPointsFromMinusEightToPlusSix() {
        ScenarioGrid grid = ScenarioGrid.priceRange("pm", 0.08, 0.06, 5, false, new double[] {0}, VolShiftKind.ABSOLUTE,
                0, 1, 0);
        assertEquals(10, grid.size());
        assertEquals(-0.08, grid.scenarios().get(0).priceMove(), 1e-15);
        assertEquals(-0.016, grid.scenarios().get(4).priceMove(), 1e-15);
        assertEquals(0.012, grid.scenarios().get(5).priceMove(), 1e-15);
        assertEquals(0.06, grid.scenarios().get(9).priceMove(), 1e-15);
    }

    @Test
    void spanGridHasSixteenScenariosInCmeOrder() {
        ScenarioGrid grid = ScenarioGrid.span("ES", 0.06, 0.05, VolShiftKind.ABSOLUTE, 2, 0.35, 1);
        assertEquals(16, grid.size());
        List<Scenario> s = grid.scenarios();
        assertEquals(0.0, s.get(0).priceMove());
        assertEquals(0.05, s.get(0).volShift());
        assertEquals(-0.05, s.get(1).volShift());
        assertEquals(0.02, s.get(2).priceMove(), 1e-15);
        assertEquals(-0.02, s.get(4).priceMove(), 1e-15);
        assertEquals(0.06, s.get(10).priceMove(), 1e-15);
        assertEquals(-0.06, s.get(12).priceMove(), 1e-15);
        assertEquals(0.12, s.get(14).priceMove(), 1e-15);
        assertEquals(0.35, s.get(15).weight());
        assertEquals(1.0, grid.decayDays());
    }

    @Test
    void yieldGridsShiftOnlyYields() {
        ScenarioGrid grid = ScenarioGrid.yieldShifts("10y", 30, 3, 2, 0.35);
        assertEquals(8, grid.size());
        assertEquals(-30.0, grid.scenarios().get(0).yieldShiftBp());
        assertEquals(60.0, grid.scenarios().get(6).yieldShiftBp());
        assertEquals(0.0, grid.scenarios().get(6).priceMove());
    }

    @Test
    void aScenarioCannotTakeAPriceBelowZero() {
        assertThrows(IllegalArgumentException.class, () -> new Scenario("x", -1.0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Scenario("x", 0.1, 0, 0, 0));
    }
}
