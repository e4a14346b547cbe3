package org.marginconsult.margin.methodology.portfoliomargin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.marginconsult.margin.Position;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.reference.ProductClass;
import org.marginconsult.margin.scenario.Scenario;
import org.marginconsult.margin.scenario.ScenarioGrid;
import org.marginconsult.margin.scenario.ScenarioRevaluer;

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
public final class ClassGroupRisk {

    private final String underlying;
    private final ProductClass productClass;
    private final ScenarioGrid grid;
    private final List<Position> positions;
    private final List<String> positionIds;
    private final double[] pnl;
    private final double[] scenarioPnl;
    private final int worstScenario;
    private final double scanRisk;
    private final double minimum;

    private ClassGroupRisk(String underlying, ProductClass productClass, ScenarioGrid grid, List<Position> positions,
            List<String> positionIds, double[] pnl, double[] scenarioPnl, int worstScenario, double scanRisk,
            double minimum) {
        this.underlying = underlying;
        this.productClass = productClass;
        this.grid = grid;
        this.positions = positions;
        this.positionIds = positionIds;
        this.pnl = pnl;
        this.scenarioPnl = scenarioPnl;
        this.worstScenario = worstScenario;
        this.scanRisk = scanRisk;
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
        double[] totals = new double[s];
        double[] scratch = new double[s];
        ScenarioRevaluer revaluer = new ScenarioRevaluer(context);
        List<String> ids = new ArrayList<>(n);
        double minimum = 0;
        for (int i = 0; i < n; i++) {
            Position p = sorted.get(i);
            ids.add(p.positionId());
            Arrays.fill(scratch, 0.0);
            revaluer.accumulate(p, 1.0, grid, scratch);
            System.arraycopy(scratch, 0, pnl, i * s, s);
            for (int j = 0; j < s; j++) {
                totals[j] += scratch[j];
            }
            if (p.instrumentType().isOption()) {
                double contracts = Math.abs(p.quantity().doubleValue());
                double charge = minimumPerContract * p.multiplier().doubleValue() * contracts;
                if (p.quantity().signum() > 0) {
                    charge = Math.min(charge, p.exposureFactor() * p.price().doubleValue());
                }
                minimum += charge;
            }
        }
        int worst = 0;
        for (int j = 1; j < s; j++) {
            if (totals[j] < totals[worst]) {
                worst = j;
            }
        }
        return new ClassGroupRisk(underlying, productClass, grid, Collections.unmodifiableList(sorted),
                Collections.unmodifiableList(ids), pnl, totals, worst, Math.max(0.0, -totals[worst]), minimum);
    }

    /** The underlying all positions of the class group are on. */
    public String underlying() {
        return underlying;
    }

    /** The underlying's product class (reference data). */
    public ProductClass productClass() {
        return productClass;
    }

    /** The valuation points. */
    public ScenarioGrid grid() {
        return grid;
    }

    /** The positions, sorted by position id. */
    public List<Position> positions() {
        return positions;
    }

    /** The position ids, in the order of {@link #positions()}. */
    public List<String> positionIds() {
        return positionIds;
    }

    /**
     * P&amp;L of one position at one point, gain positive, USD.
     *
     * @param position index in {@link #positions()}
     * @param scenario index in {@link #grid()}
     * @return the P&amp;L
     */
    public double pnl(int position, int scenario) {
        return pnl[position * grid.size() + scenario];
    }

    /**
     * P&amp;L of one position at every point (a copy).
     *
     * @param position index in {@link #positions()}
     * @return P&amp;L per point
     */
    public double[] positionPnl(int position) {
        int s = grid.size();
        return Arrays.copyOfRange(pnl, position * s, position * s + s);
    }

    /**
     * P&amp;L of every position at one point (a copy), in the order of {@link #positions()}.
     *
     * @param scenario index in {@link #grid()}
     * @return P&amp;L per position
     */
    public double[] scenarioColumn(int scenario) {
        int n = positions.size();
        int s = grid.size();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = pnl[i * s + scenario];
        }
        return out;
    }

    /** The class group's net P&amp;L at every point (a copy), gain positive. */
    public double[] scenarioPnl() {
        return scenarioPnl.clone();
    }

    /** Index of the point with the largest net loss (the first on ties). */
    public int worstScenarioIndex() {
        return worstScenario;
    }

    /** The point with the largest net loss. */
    public Scenario worstScenario() {
        return grid.scenarios().get(worstScenario);
    }

    /** The largest net loss over the points, at least zero. */
    public double scanRisk() {
        return scanRisk;
    }

    /** The per-contract minimum of the class group's options. */
    public double minimum() {
        return minimum;
    }

    /** Standalone requirement: max(scan risk, minimum). */
    public double requirement() {
        return Math.max(scanRisk, minimum);
    }
}
