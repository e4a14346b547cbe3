package org.marginconsult.margin.pricing;

/**
 * The standard normal cumulative distribution N(x), accurate to about 1e-16 relative, computed through
 * the complementary error function with W. J. Cody's rational Chebyshev approximations ("Rational
 * Chebyshev approximations for the error function", Math. Comp. 23, 1969; the coefficients of his
 * public-domain SPECFUN routine CALERF).
 *
 * <p>N(x) = erfc(-x / sqrt 2) / 2, so the tails are computed without cancellation.
 */
public final class NormalDistribution {

    private static final double INV_SQRT2 = 0.70710678118654752440;
    private static final double INV_SQRT_PI = 0.56418958354775628695;
    private static final double XBIG = 26.543;

    private static final double A0 = 3.16112374387056560e00;
    private static final double A1 = 1.13864154151050156e02;
    private static final double A2 = 3.77485237685302021e02;
    private static final double A3 = 3.20937758913846947e03;
    private static final double A4 = 1.85777706184603153e-1;
    private static final double B0 = 2.36012909523441209e01;
    private static final double B1 = 2.44024637934444173e02;
    private static final double B2 = 1.28261652607737228e03;
    private static final double B3 = 2.84423683343917062e03;

    private static final double C0 = 5.64188496988670089e-1;
    private static final double C1 = 8.88314979438837594e00;
    private static final double C2 = 6.61191906371416295e01;
    private static final double C3 = 2.98635138197400131e02;
    private static final double C4 = 8.81952221241769090e02;
    private static final double C5 = 1.71204761263407058e03;
    private static final double C6 = 2.05107837782607147e03;
    private static final double C7 = 1.23033935479799725e03;
    private static final double C8 = 2.15311535474403846e-8;
    private static final double D0 = 1.57449261107098347e01;
    private static final double D1 = 1.17693950891312499e02;
    private static final double D2 = 5.37181101862009858e02;
    private static final double D3 = 1.62138957456669019e03;
    private static final double D4 = 3.29079923573345963e03;
    private static final double D5 = 4.36261909014324716e03;
    private static final double D6 = 3.43936767414372164e03;
    private static final double D7 = 1.23033935480374942e03;

    private static final double P0 = 3.05326634961232344e-1;
    private static final double P1 = 3.60344899949804439e-1;
    private static final double P2 = 1.25781726111229246e-1;
    private static final double P3 = 1.60837851487422766e-2;
    private static final double P4 = 6.58749161529837803e-4;
    private static final double P5 = 1.63153871373020978e-2;
    private static final double Q0 = 2.56852019228982242e00;
    private static final double Q1 = 1.87295284992346725e00;
    private static final double Q2 = 5.27905102951428412e-1;
    private static final double Q3 = 6.05183413124413191e-2;
    private static final double Q4 = 2.33520497626869185e-3;

    private NormalDistribution() {
    }

    /**
     * Standard normal cumulative distribution.
     *
     * @param x the argument
     * @return P(Z &lt;= x) for Z standard normal
     */
    public static double cdf(double x) {
        return 0.5 * erfc(-x * INV_SQRT2);
    }

    /**
     * Standard normal density.
     *
     * @param x the argument
     * @return exp(-x^2/2) / sqrt(2 pi)
     */
    public static double pdf(double x) {
        return 0.39894228040143267794 * Math.exp(-0.5 * x * x);
    }

    /**
     * Complementary error function erfc(x) = 1 - erf(x) (Cody's three intervals).
     *
     * @param x the argument
     * @return erfc(x)
     */
    public static double erfc(double x) {
        double y = Math.abs(x);
        double result;
        if (y <= 0.46875) {
            double z = y * y;
            double num = ((((A4 * z + A0) * z + A1) * z + A2) * z + A3);
            double den = ((((z + B0) * z + B1) * z + B2) * z + B3);
            return 1.0 - x * num / den;
        } else if (y <= 4.0) {
            double num = (((((((C8 * y + C0) * y + C1) * y + C2) * y + C3) * y + C4) * y + C5) * y + C6) * y + C7;
            double den = (((((((y + D0) * y + D1) * y + D2) * y + D3) * y + D4) * y + D5) * y + D6) * y + D7;
            result = Math.exp(-y * y) * num / den;
        } else if (y < XBIG) {
            double z = 1.0 / (y * y);
            double num = ((((P5 * z + P0) * z + P1) * z + P2) * z + P3) * z + P4;
            double den = ((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4;
            result = (INV_SQRT_PI - z * num / den) / y;
            // exp(-y*y) split as in CALERF so the large square loses no precision.
            double ysq = Math.floor(y * 16.0) / 16.0;
            double del = (y - ysq) * (y + ysq);
            result *= Math.exp(-ysq * ysq) * Math.exp(-del);
        } else {
            result = 0.0;
        }
        return x < 0 ? 2.0 - result : result;
    }
}
