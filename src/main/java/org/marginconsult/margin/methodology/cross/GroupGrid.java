package org.marginconsult.margin.methodology.cross;

import java.util.List;

import org.marginconsult.margin.scenario.ScenarioGrid;
import org.marginconsult.margin.scenario.VolShiftKind;

/**
 * The scenario grid of a cross-margin risk group, on the group's driver: equidistant price moves from
 * {@code -priceDown} to {@code +priceUp}, each combined with every volatility shift, plus extreme moves
 * at {@code extremeMultiple} times the range counted at {@code extremeWeight}, and {@code decayDays} of
 * option time decay in every scenario. For a rates tenor bucket the moves are yield shifts of up to
 * {@code yieldShiftBp} basis points each way (positions revalued by dv01), with the same number of points
 * and the same extremes.
 *
 * @param priceDown       largest down move as a positive fraction (0.08 = -8%)
 * @param priceUp         largest up move as a positive fraction
 * @param pointsPerSide   number of moves each side
 * @param includeZero     whether the unchanged price is a scenario (it matters with vol shifts and decay)
 * @param volShifts       volatility shifts combined with every price move ({@code [0]} for none)
 * @param volShiftKind    absolute (vol points) or relative shifts
 * @param extremeMultiple extreme moves at this multiple of the range, vol unchanged; 0 for none
 * @param extremeWeight   weight of the extreme moves' P&amp;L, in (0, 1]
 * @param decayDays       calendar days of option time decay in every scenario
 * @param yieldShiftBp    rates groups: largest yield shift in basis points
 */
public record GroupGrid(double priceDown, double priceUp, int pointsPerSide, boolean includeZero,
        List<Double> volShifts, VolShiftKind volShiftKind, double extremeMultiple, double extremeWeight,
        double decayDays, double yieldShiftBp) {

    /** Checks ranges are positive, weights in (0, 1] and extreme moves keep prices positive. */
    public GroupGrid {
        volShifts = List.copyOf(volShifts);
        if (!(priceDown > 0 && priceDown < 1) || !(priceUp > 0) || pointsPerSide < 1 || volShifts.isEmpty()
                || volShiftKind == null || !(extremeMultiple >= 0) || !(extremeWeight > 0 && extremeWeight <= 1)
                || !(decayDays >= 0) || !(yieldShiftBp > 0)) {
            throw new IllegalArgumentException("grid: ranges, points and yield shift must be positive, the down range "
                    + "below 100%, at least one vol shift, extreme weight in (0, 1], decay not negative");
        }
        if (extremeMultiple * priceDown >= 1) {
            throw new IllegalArgumentException("grid: the extreme down move " + extremeMultiple + " x " + priceDown
                    + " would take prices to zero or below");
        }
    }

    /**
     * The scenario grid for a group.
     *
     * @param id    grid identifier (the risk group)
     * @param rates true for a rates tenor bucket (yield shifts)
     * @return the grid
     */
    public ScenarioGrid toScenarioGrid(String id, boolean rates) {
        if (rates) {
            return ScenarioGrid.yieldShifts(id, yieldShiftBp, pointsPerSide, extremeMultiple, extremeWeight);
        }
        double[] shifts = volShifts.stream().mapToDouble(Double::doubleValue).toArray();
        return ScenarioGrid.priceRange(id, priceDown, priceUp, pointsPerSide, includeZero, shifts, volShiftKind,
                extremeMultiple, extremeWeight, decayDays);
    }

    String canonicalForm() {
        return priceDown + "," + priceUp + "," + pointsPerSide + "," + includeZero + "," + volShifts + ","
                + volShiftKind + "," + extremeMultiple + "," + extremeWeight + "," + decayDays + "," + yieldShiftBp;
    }
}
