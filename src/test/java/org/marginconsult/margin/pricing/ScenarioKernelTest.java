package org.marginconsult.margin.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ScenarioKernelTest {

    @Test
    void kernelValuesEqualTheClosedFormAtEveryMovedPrice() {
        Random random = new Random(3);
        double[] growth = {0.85, 0.9, 0.95, 0.97, 1.0, 1.02, 1.06, 1.1, 1.15, 1.3};
        double[] logs = ScenarioKernel.logs(growth);
        double[] out = new double[growth.length];
        for (int i = 0; i < 2_000; i++) {
            boolean call = random.nextBoolean();
            double s = 10 + 190 * random.nextDouble();
            double k = s * (0.6 + 0.8 * random.nextDouble());
            double t = 0.01 + 2 * random.nextDouble();
            double r = 0.08 * random.nextDouble();
            double b = random.nextBoolean() ? 0 : r - 0.03 * random.nextDouble();
            double sigma = 0.05 + 0.9 * random.nextDouble();
            ScenarioKernel.optionValues(call, s, k, t, r, b, sigma, growth, logs, out);
            for (int j = 0; j < growth.length; j++) {
                double expected = BlackScholesMerton.price(call, s * growth[j], k, t, r, b, sigma);
                assertEquals(expected, out[j], 1e-11 * Math.max(1, s));
            }
        }
    }

    @Test
    void expiredOptionsAreWorthTheirIntrinsicValueAtEachPrice() {
        double[] growth = {0.9, 1.1};
        double[] out = new double[2];
        ScenarioKernel.optionValues(false, 100, 100, 0, 0.05, 0.05, 0.2, growth, ScenarioKernel.logs(growth), out);
        assertEquals(10.0, out[0], 1e-12);
        assertEquals(0.0, out[1], 0);
    }

    @Test
    void aPriceCannotFallBelowZero() {
        assertThrows(IllegalArgumentException.class, () -> ScenarioKernel.logs(new double[] {0.0}));
    }
}
