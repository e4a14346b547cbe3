package org.marginconsult.margin.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.OptionType;

import com.opengamma.strata.pricer.impl.option.BlackScholesFormulaRepository;

/**
 * Reference values from Haug, The Complete Guide to Option Pricing Formulas (2nd ed.), computed to 16
 * digits (margin-methods.md section 7; they match Haug and QuantLib to 1e-4).
 */
class BlackScholesMertonTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void atTheMoneyStockCallAndPutMatchTheReferenceValues() {
        assertEquals(10.450583572185567, BlackScholesMerton.price(OptionType.CALL, 100, 100, 1, 0.05, 0.05, 0.2), TOLERANCE);
        assertEquals(5.573526022256968, BlackScholesMerton.price(OptionType.PUT, 100, 100, 1, 0.05, 0.05, 0.2), TOLERANCE);
    }

    @Test
    void haugBlackScholesCallExampleMatches() {
        assertEquals(2.133368444916200, BlackScholesMerton.price(OptionType.CALL, 60, 65, 0.25, 0.08, 0.08, 0.3), TOLERANCE);
    }

    @Test
    void black76OnAFutureGivesEqualCallAndPutAtTheMoney() {
        assertEquals(1.701050725236267, BlackScholesMerton.price(OptionType.CALL, 19, 19, 0.75, 0.10, 0.0, 0.28), TOLERANCE);
        assertEquals(1.701050725236267, BlackScholesMerton.price(OptionType.PUT, 19, 19, 0.75, 0.10, 0.0, 0.28), TOLERANCE);
    }

    @Test
    void indexPutWithDividendYieldMatchesMerton() {
        assertEquals(2.464787646755821, BlackScholesMerton.price(OptionType.PUT, 100, 95, 0.5, 0.10, 0.10 - 0.05, 0.2), TOLERANCE);
    }

    @Test
    void atExpiryTheValueIsIntrinsic() {
        assertEquals(5.0, BlackScholesMerton.price(OptionType.CALL, 105, 100, 0, 0.05, 0.05, 0.2), 0.0);
        assertEquals(0.0, BlackScholesMerton.price(OptionType.PUT, 105, 100, 0, 0.05, 0.05, 0.2), 0.0);
    }

    @Test
    void zeroVolatilityGivesTheDiscountedForwardIntrinsicValue() {
        double expected = 105 * Math.exp(0) - 100 * Math.exp(-0.05);
        assertEquals(expected, BlackScholesMerton.price(OptionType.CALL, 105, 100, 1, 0.05, 0.05, 0.0), 1e-12);
    }

    @Test
    void putCallParityHoldsOnRandomInputs() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            double s = 10 + 190 * random.nextDouble();
            double k = s * (0.5 + random.nextDouble());
            double t = 0.01 + 2 * random.nextDouble();
            double r = 0.1 * random.nextDouble();
            double b = r - 0.05 * random.nextDouble();
            double sigma = 0.05 + 0.9 * random.nextDouble();
            double call = BlackScholesMerton.price(true, s, k, t, r, b, sigma);
            double put = BlackScholesMerton.price(false, s, k, t, r, b, sigma);
            double parity = s * Math.exp((b - r) * t) - k * Math.exp(-r * t);
            assertEquals(parity, call - put, 1e-10 * Math.max(1, s));
        }
    }

    @Test
    void agreesWithOpenGammaStrataOnRandomInputs() {
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            double s = 10 + 190 * random.nextDouble();
            double k = s * (0.6 + 0.8 * random.nextDouble());
            double t = 0.02 + 2 * random.nextDouble();
            double r = 0.08 * random.nextDouble();
            double b = random.nextBoolean() ? 0 : r - 0.03 * random.nextDouble();
            double sigma = 0.05 + 0.9 * random.nextDouble();
            boolean call = random.nextBoolean();
            double ours = BlackScholesMerton.price(call, s, k, t, r, b, sigma);
            double strata = BlackScholesFormulaRepository.price(s, k, t, sigma, r, b, call);
            assertEquals(strata, ours, 1e-9 * Math.max(1, s), () -> "s=" + s + " k=" + k);
        }
    }

    @Test
    void deltaIsTheSlopeOfThePrice() {
        double h = 1e-4;
        double up = BlackScholesMerton.price(true, 100 + h, 95, 0.5, 0.05, 0.03, 0.25);
        double down = BlackScholesMerton.price(true, 100 - h, 95, 0.5, 0.05, 0.03, 0.25);
        assertEquals((up - down) / (2 * h), BlackScholesMerton.delta(true, 100, 95, 0.5, 0.05, 0.03, 0.25), 1e-7);
        double upPut = BlackScholesMerton.price(false, 100 + h, 95, 0.5, 0.05, 0.03, 0.25);
        double downPut = BlackScholesMerton.price(false, 100 - h, 95, 0.5, 0.05, 0.03, 0.25);
        assertEquals((upPut - downPut) / (2 * h), BlackScholesMerton.delta(false, 100, 95, 0.5, 0.05, 0.03, 0.25), 1e-7);
    }
}
