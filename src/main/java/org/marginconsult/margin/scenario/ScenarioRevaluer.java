package org.marginconsult.margin.scenario;

import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.Rates;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.pricing.BlackScholesMerton;
import org.marginconsult.margin.pricing.CarryModel;
import org.marginconsult.margin.pricing.ScenarioKernel;

/**
 * Revalues positions over a {@link ScenarioGrid}: the P&amp;L of each position in each scenario, gain
 * positive, multiplied by the scenario's weight.
 *
 * <ul>
 * <li>Stocks, ETFs, futures, perpetuals: quantity x multiplier x price x beta x move (futures are
 * assumed to move by the same relative amount as their underlying; basis is ignored).</li>
 * <li>Options: quantity x multiplier x (V(scenario) - V(today)), with V the generalised
 * Black-Scholes-Merton value ({@link CarryModel}: b = r - q on stocks and indices, 0 on futures)
 * at the underlying price moved by beta x move, the volatility shifted, and the time to expiry
 * reduced by the grid's decay days (ACT/365F). Today's value is the model value, not the mark, so the
 * unchanged scenario with no vol shift and no decay has zero P&amp;L.</li>
 * <li>Treasuries and Treasury futures: -quantity x dv01 x beta x yield shift (first order).</li>
 * </ul>
 *
 * <p>{@code beta} is the underlying's sensitivity to the grid's driver: 1 when the grid is on the
 * position's own underlying (portfolio margin class groups, SPAN), the reference data's beta in a
 * cross-margin risk group. Growth factors and their logs are cached for the last (grid, beta) pair, so
 * revalue positions sorted by underlying. Not thread-safe: one instance per thread.
 */
public final class ScenarioRevaluer {

    private final ValuationContext context;
    private final double r;
    private ScenarioGrid cachedGrid;
    private double cachedBeta = Double.NaN;
    private double[][] cachedGrowth;
    private double[][] cachedLogGrowth;
    private double[] values = new double[16];

    /**
     * @param context valuation date, rates and reference data (for dividend yields)
     */
    public ScenarioRevaluer(ValuationContext context) {
        this.context = context;
        this.r = context.rates().riskFreeRate();
    }

    /**
     * Weighted P&amp;L of a position in every scenario of the grid.
     *
     * @param position a valid position
     * @param beta     the underlying's move per move of the grid's driver
     * @param grid     the grid
     * @return P&amp;L per scenario, gain positive, weighted
     */
    public double[] pnl(Position position, double beta, ScenarioGrid grid) {
        double[] out = new double[grid.size()];
        accumulate(position, beta, grid, out);
        return out;
    }

    /**
     * Adds a position's weighted P&amp;L in every scenario to {@code sums}, so that a group's P&amp;L can be
     * accumulated without a vector per position.
     *
     * @param position a valid position
     * @param beta     the underlying's move per move of the grid's driver
     * @param grid     the grid
     * @param sums     P&amp;L per scenario, added to
     */
    public void accumulate(Position position, double beta, ScenarioGrid grid, double[] sums) {
        double q = position.instrumentType().isOption()
                ? context.referenceData().resolve(position.underlying()).dividendYield() : 0;
        accumulate(position, beta, q, grid, sums);
    }

    /**
     * As {@link #accumulate(Position, double, ScenarioGrid, double[])}, with the underlying's dividend yield
     * given by a caller that has already resolved it in reference data.
     *
     * @param position      a valid position
     * @param beta          the underlying's move per move of the grid's driver
     * @param dividendYield the underlying's continuous dividend yield (used for options on stocks and indices)
     * @param grid          the grid
     * @param sums          P&amp;L per scenario, added to
     * @return an option's model value per unit today (to pass to a later call on the same position), NaN
     *         for other instruments
     */
    public double accumulate(Position position, double beta, double dividendYield, ScenarioGrid grid, double[] sums) {
        return accumulate(position, beta, dividendYield, grid, sums, Double.NaN);
    }

    /**
     * As {@link #accumulate(Position, double, double, ScenarioGrid, double[])}, reusing the option's model
     * value today returned by an earlier call (NaN to compute it), for a second pass over the same positions.
     *
     * @param position      a valid position
     * @param beta          the underlying's move per move of the grid's driver
     * @param dividendYield the underlying's continuous dividend yield
     * @param grid          the grid
     * @param sums          P&amp;L per scenario, added to
     * @param todayValue    the option's model value per unit today, or NaN
     * @return the option's model value per unit today, NaN for other instruments
     */
    public double accumulate(Position position, double beta, double dividendYield, ScenarioGrid grid, double[] sums,
            double todayValue) {
        InstrumentType type = position.instrumentType();
        double qm = position.exposureFactor();
        var scenarios = grid.scenarios();
        int n = scenarios.size();
        if (type.isRates()) {
            double q = position.quantity().doubleValue() * position.dv01().doubleValue();
            for (int j = 0; j < n; j++) {
                Scenario s = scenarios.get(j);
                sums[j] += -q * beta * s.yieldShiftBp() * s.weight();
            }
            return Double.NaN;
        }
        if (type.isLinear()) {
            double notional = qm * position.price().doubleValue() * beta;
            for (int j = 0; j < n; j++) {
                Scenario s = scenarios.get(j);
                sums[j] += notional * s.priceMove() * s.weight();
            }
            return Double.NaN;
        }
        prepareMoves(grid, beta);
        boolean call = position.optionType() == org.marginconsult.margin.OptionType.CALL;
        double spot = position.underlyingPrice().doubleValue();
        double strike = position.strike().doubleValue();
        double sigma = position.impliedVol().doubleValue();
        double t = Rates.yearFraction(context.asOf(), position.expiry());
        double b = CarryModel.of(type).costOfCarry(r, dividendYield);
        double today = Double.isNaN(todayValue) ? BlackScholesMerton.price(call, spot, strike, t, r, b, sigma)
                : todayValue;
        double tScenario = t - grid.decayDays() / 365.0;
        for (int block = 0; block < grid.blockCount(); block++) {
            int[] idx = grid.blockIndices(block);
            if (values.length < idx.length) {
                values = new double[idx.length];
            }
            double sigmaScenario = grid.volShiftKind().apply(sigma, grid.blockVolShift(block));
            ScenarioKernel.optionValues(call, spot, strike, tScenario, r, b, sigmaScenario, cachedGrowth[block],
                    cachedLogGrowth[block], values);
            for (int k = 0; k < idx.length; k++) {
                int j = idx[k];
                sums[j] += qm * (values[k] - today) * scenarios.get(j).weight();
            }
        }
        return today;
    }

    /**
     * The model value of an option position per unit of underlying today (Black-Scholes-Merton with the
     * position's implied vol), or the mark for other instruments.
     *
     * @param position a valid position
     * @return value per unit
     */
    public double modelValue(Position position) {
        if (!position.instrumentType().isOption()) {
            return position.price().doubleValue();
        }
        double t = Rates.yearFraction(context.asOf(), position.expiry());
        double q = context.referenceData().resolve(position.underlying()).dividendYield();
        double b = CarryModel.of(position.instrumentType()).costOfCarry(r, q);
        return BlackScholesMerton.price(position.optionType() == org.marginconsult.margin.OptionType.CALL,
                position.underlyingPrice().doubleValue(), position.strike().doubleValue(), t, r, b,
                position.impliedVol().doubleValue());
    }

    private void prepareMoves(ScenarioGrid grid, double beta) {
        if (grid == cachedGrid && beta == cachedBeta) {
            return;
        }
        int blocks = grid.blockCount();
        cachedGrowth = new double[blocks][];
        cachedLogGrowth = new double[blocks][];
        for (int block = 0; block < blocks; block++) {
            int[] idx = grid.blockIndices(block);
            double[] growth = new double[idx.length];
            for (int k = 0; k < idx.length; k++) {
                growth[k] = 1 + beta * grid.scenarios().get(idx[k]).priceMove();
            }
            cachedGrowth[block] = growth;
            cachedLogGrowth[block] = ScenarioKernel.logs(growth);
        }
        cachedGrid = grid;
        cachedBeta = beta;
    }
}
