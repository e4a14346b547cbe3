package org.marginconsult.margin.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.marginconsult.margin.Position;

/**
 * The positions of one scanned group (a portfolio-margin class group under FINRA Rule 4210(g), a SPAN
 * combined commodity) with every position's P&amp;L at every scenario of its grid, the group's net P&amp;L
 * per scenario, and the scenario of largest net loss: what both rules take as the group's risk (4210(g):
 * the greatest net loss over the valuation points; SPAN: the scan risk over the 16 scenarios).
 *
 * <p>P&amp;L is gain positive, in USD, already multiplied by the scenario's weight (1 except SPAN's
 * extreme moves), in the order of {@link #grid()}; positions are held sorted by position id, so nothing
 * depends on input order, and a user can drill from the risk to the position that drives it. Immutable.
 */
public abstract class ScannedPositions {

    private final ScenarioGrid grid;
    private final List<Position> positions;
    private final List<String> positionIds;
    private final double[] pnl;
    private final double[] scenarioPnl;
    private final int worstScenario;
    private final double scanRisk;

    /**
     * @param grid      the scenarios
     * @param sorted    the positions, sorted by position id, not empty
     * @param pnl       P&amp;L of position i at scenario j at {@code i * grid.size() + j}, not copied
     */
    protected ScannedPositions(ScenarioGrid grid, List<Position> sorted, double[] pnl) {
        int s = grid.size();
        this.grid = grid;
        this.positions = Collections.unmodifiableList(sorted);
        List<String> ids = new ArrayList<>(sorted.size());
        for (Position p : sorted) {
            ids.add(p.positionId());
        }
        this.positionIds = Collections.unmodifiableList(ids);
        this.pnl = pnl;
        double[] totals = new double[s];
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = 0; j < s; j++) {
                totals[j] += pnl[i * s + j];
            }
        }
        int worst = 0;
        for (int j = 1; j < s; j++) {
            if (totals[j] < totals[worst]) {
                worst = j;
            }
        }
        this.scenarioPnl = totals;
        this.worstScenario = worst;
        this.scanRisk = Math.max(0.0, -totals[worst]);
    }

    /** The scenarios. */
    public ScenarioGrid grid() {
        return grid;
    }

    /** The positions, sorted by position id; index {@code i} of every per-position accessor refers to this list. */
    public List<Position> positions() {
        return positions;
    }

    /** The position ids, in the order of {@link #positions()}. */
    public List<String> positionIds() {
        return positionIds;
    }

    /** Number of positions. */
    public int positionCount() {
        return positions.size();
    }

    /**
     * P&amp;L of one position in one scenario, gain positive, USD.
     *
     * @param position index in {@link #positions()}
     * @param scenario index in {@link #grid()}
     * @return the P&amp;L
     */
    public double pnl(int position, int scenario) {
        return pnl[position * grid.size() + scenario];
    }

    /**
     * P&amp;L of one position in every scenario (a copy).
     *
     * @param position index in {@link #positions()}
     * @return P&amp;L per scenario
     */
    public double[] positionPnl(int position) {
        int s = grid.size();
        return Arrays.copyOfRange(pnl, position * s, position * s + s);
    }

    /**
     * P&amp;L of every position in one scenario (a copy), in the order of {@link #positions()}.
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

    /** The group's net P&amp;L per scenario (a copy), gain positive. */
    public double[] scenarioPnl() {
        return scenarioPnl.clone();
    }

    /** Index of the scenario with the largest net loss (the first on ties). */
    public int worstScenarioIndex() {
        return worstScenario;
    }

    /** The scenario with the largest net loss. */
    public Scenario worstScenario() {
        return grid.scenarios().get(worstScenario);
    }

    /** The largest net loss over the scenarios, at least zero. */
    public double scanRisk() {
        return scanRisk;
    }
}
