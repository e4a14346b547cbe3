package org.marginconsult.margin.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Reference values of the standard normal CDF from Abramowitz and Stegun table 26.1 and high-precision tables. */
class NormalDistributionTest {

    @Test
    void centreIsOneHalf() {
        assertEquals(0.5, NormalDistribution.cdf(0), 0);
    }

    @Test
    void matchesTabulatedValuesAcrossAllThreeIntervals() {
        assertEquals(0.6914624612740131, NormalDistribution.cdf(0.5), 3e-16);
        assertEquals(0.8413447460685429, NormalDistribution.cdf(1.0), 3e-16);
        assertEquals(0.9750021048517795, NormalDistribution.cdf(1.96), 3e-16);
        assertEquals(0.0227501319481792, NormalDistribution.cdf(-2.0), 1e-17);
        assertEquals(3.1671241833119863e-05, NormalDistribution.cdf(-4.0), 1e-19);
        assertEquals(2.866515718791939e-07, NormalDistribution.cdf(-5.0), 1e-20);
        assertEquals(7.619853024160527e-24, NormalDistribution.cdf(-10.0), 1e-36);
    }

    @Test
    void tailsAreSymmetric() {
        for (double x = -8; x <= 8; x += 0.01) {
            assertEquals(1.0, NormalDistribution.cdf(x) + NormalDistribution.cdf(-x), 2e-16);
        }
    }

    @Test
    void farTailsSaturate() {
        assertEquals(0.0, NormalDistribution.cdf(-40), 0);
        assertEquals(1.0, NormalDistribution.cdf(40), 0);
    }
}
