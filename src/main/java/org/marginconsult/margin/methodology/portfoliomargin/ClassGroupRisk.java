package org.marginconsult.margin.methodology.portfoliomargin;

import java.util.Arrays;
import java.util.List;

import org.marginconsult.margin.Position;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.reference.ProductClass;
import org.marginconsult.margin.scenario.ScenarioGrid;
import org.marginconsult.margin.scenario.ScenarioRevaluer;
import org.marginconsult.margin.scenario.ScannedPositions;

/**
 * A portfolio-margin class group (FINRA Rule 4210(g)): every position on one underlying, revalued at
 * the product class's equidistant valuation points, gains and losses offsetting fully.
 *
 * <p>Keeps every position's P&amp;L at every point (gain positive, in the order of {@link #grid()}) for
 * drill-down and for cross-margin calculations that combine the same numbers. Positions are sorted by
 * position id, so nothing depends on input order.
 *
 * <p>Risk = the largest net loss over the points (zero if the group gains everywhere). Minimum =
 * $0.375 x multiplier per option contract, long or short, a long option's charge capped at its market
 * value (4210(g)). Standalone requirement = max(risk, minimum). Immutable; USD as double.
 */
public final class ClassGroupRisk extends ScannedPositions {

    private final String underlying;
    private final ProductClass productClass;
    private final double minimum;

    private ClassGroupRisk(String underlying, ProductClass productClass, ScenarioGrid grid, List<Position> sorted,
            double[] pnl, double minimum) {
        super(grid, sorted, pnl);
        this.underlying = underlying;
        this.productClass = productClass;
        this.minimum = minimum;
    }

    /**
     * Revalues one class group.
     *
     * @param underlying   the class group's underlying
     * @param productClass its product class (decides the grid)
     * @param sorted       its positions, valid, sorted by position id, not empty
     * @param grid         the product class's grid
     * @param minimumPerContract dollars per unit of multiplier per option contract
     * @param context      valuation context
     * @return the class group's risk
     */
    static ClassGroupRisk scan(String underlying, ProductClass productClass, List<Position> sorted, ScenarioGrid grid,
            double minimumPerContract, ValuationContext context) {
        int n = sorted.size();
        int s = grid.size();
        double[] pnl = new double[n * s];
        double[] scratch = new double[s];
        ScenarioRevaluer revaluer = new ScenarioRevaluer(context);
        double minimum = 0;
        for (int i = 0; i < n; i++) {
            Position p = sorted.get(i);
            Arrays.fill(scratch, 0.0);
            revaluer.accumulate(p, 1.0, grid, scratch);
            System.arraycopy(scratch, 0, pnl, i * s, s);
            if (p.instrumentType().isOption()) {
                double contracts = Math.abs(p.quantity().doubleValue());
                double charge = minimumPerContract * p.multiplier().doubleValue() * contracts;
                if (p.quantity().signum() > 0) {
                    charge = Math.min(charge, p.exposureFactor() * p.price().doubleValue());
                }
                minimum += charge;
            }
        }
        return new ClassGroupRisk(underlying, productClass, grid, sorted, pnl, minimum);
    }

    /** The underlying all positions of the class group are on. */
    public String underlying() {
        return underlying;
    }

    /** The underlying's product class (reference data). */
    public ProductClass productClass() {
        return productClass;
    }

    /** The per-contract minimum of the class group's options. */
    public double minimum() {
        return minimum;
    }

    /** Standalone requirement: max(scan risk, minimum). */
    public double requirement() {
        return Math.max(scanRisk(), minimum);
    }
}
