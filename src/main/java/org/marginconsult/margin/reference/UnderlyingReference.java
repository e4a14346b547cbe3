package org.marginconsult.margin.reference;

/**
 * What the methodologies need to know about one underlying symbol.
 *
 * <p>A risk group is a set of underlyings driven by one risk factor (its {@code driver}): US large-cap
 * index (SPX, XSP, SPY, ES, MES), Nasdaq-100, bitcoin, a Treasury tenor bucket... A cross-margin grid
 * moves the driver; each underlying moves by {@code beta} times the driver's relative move (for a
 * rates bucket: beta times the driver's yield shift).
 *
 * @param symbol        the underlying symbol as it appears in a position's {@code underlying}
 * @param productClass  its product class
 * @param riskGroup     id of its risk group (a single equity forms its own group)
 * @param driver        the symbol whose move defines the group's scenarios
 * @param beta          relative move of this underlying per relative move of the driver (yield beta for rates)
 * @param priceRatio    approximate price of this underlying per unit of the driver's price (SPY ~ 0.1 SPX),
 *                      used to express exposures in driver units
 * @param dividendYield continuous dividend yield q used as cost of carry b = r - q for options on it
 * @param description   human-readable name
 */
public record UnderlyingReference(String symbol, ProductClass productClass, String riskGroup, String driver,
        double beta, double priceRatio, double dividendYield, String description) {

    /** Checks the numeric fields are finite and the beta and ratio positive. */
    public UnderlyingReference {
        if (symbol == null || symbol.isBlank() || productClass == null || riskGroup == null || driver == null) {
            throw new IllegalArgumentException("symbol, product class, risk group and driver are required");
        }
        if (!(beta > 0) || !(priceRatio > 0) || !Double.isFinite(beta) || !Double.isFinite(priceRatio)
                || !Double.isFinite(dividendYield)) {
            throw new IllegalArgumentException(symbol + ": beta and price ratio must be positive and finite");
        }
    }

    /**
     * The default applied to an underlying missing from the reference data: a single equity forming its
     * own risk group, beta 1, no dividend yield. Callers must surface a warning when they use it.
     *
     * @param symbol the unknown underlying
     * @return the default reference
     */
    public static UnderlyingReference unknownSingleEquity(String symbol) {
        return new UnderlyingReference(symbol, ProductClass.SINGLE_EQUITY, symbol, symbol, 1.0, 1.0, 0.0,
                "not in reference data: treated as a single equity");
    }
}
