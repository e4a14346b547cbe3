package org.marginconsult.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.scenario.Scenario;

class WorstScenarioTest {

    private static final Scenario DOWN = new Scenario("down 8%", -0.08, 0, 0, 1);

    @Test
    void positionsAddUpToMinusTheLossAfterRounding() {
        Random random = new Random(3);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(200);
            double[] pnl = new double[n];
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                pnl[i] = (random.nextDouble() - 0.6) * 1e5;
                ids.add("p" + i);
            }
            WorstScenario w = WorstScenario.of("G", GroupKind.RISK_GROUP, null, 0, DOWN, ids, pnl);
            BigDecimal sum = w.positions().stream().map(PositionPnl::pnl).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(w.loss().negate(), sum);
            for (int i = 0; i < n; i++) {
                assertEquals(-1, w.positions().get(i).pnl().subtract(Money.exact(pnl[i])).abs()
                        .compareTo(new BigDecimal("0.02")));
            }
        }
    }

    @Test
    void theLossIsMinusTheGroupPnlRoundedOnce() {
        WorstScenario w = WorstScenario.of("G", GroupKind.RISK_GROUP, null, 3, DOWN, List.of("spy", "es"),
                new double[] {-47200.004, 23600.001});
        assertEquals(new BigDecimal("23600.00"), w.loss());
        assertEquals(3, w.scenarioIndex());
        assertEquals("down 8%", w.scenarioLabel());
        assertEquals(-0.08, w.priceMove());
    }

    @Test
    void thePositionsAreAnUnchangeableListEqualToTheSamePnlListedOneByOne() {
        List<String> ids = new ArrayList<>(List.of("spy", "es"));
        WorstScenario w = WorstScenario.of("G", GroupKind.RISK_GROUP, null, 3, DOWN, ids,
                new double[] {-47200.004, 23600.001});
        ids.set(0, "changed");
        List<PositionPnl> expected = List.of(new PositionPnl("spy", new BigDecimal("-47200.00")),
                new PositionPnl("es", new BigDecimal("23600.00")));
        assertEquals(expected, w.positions());
        assertEquals(expected.hashCode(), w.positions().hashCode());
        assertEquals(new WorstScenario("G", GroupKind.RISK_GROUP, null, 3, "down 8%", -0.08, 0, 0, 1,
                new BigDecimal("23600.00"), expected), w);
        assertThrows(UnsupportedOperationException.class, () -> w.positions().set(0, expected.get(1)));
        assertThrows(UnsupportedOperationException.class, () -> w.positions().add(expected.get(1)));
    }
}
