package org.marginconsult.margin.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered set of {@link Scenario}s applied to one group of positions, with how volatility shifts
 * apply and how many days of time decay options lose in every scenario. Immutable.
 *
 * <p>The grid keeps its scenarios grouped by volatility shift ("blocks"), because inside a block only
 * the underlying moves and the revaluation kernel can hoist everything else.
 *
 * <p>Factories build the standard grids: {@link #priceRange} (portfolio margin's 10 points, cross-margin
 * grids), {@link #span} (CME SPAN's 16 scenarios in CME's order), {@link #yieldShifts} (rates buckets).
 */
public final class ScenarioGrid {

    private final String id;
    private final List<Scenario> scenarios;
    private final VolShiftKind volShiftKind;
    private final double decayDays;
    private final double[] volShifts;
    private final int[][] blockIndices;

    private ScenarioGrid(String id, List<Scenario> scenarios, VolShiftKind volShiftKind, double decayDays) {
        this.id = Objects.requireNonNull(id, "id");
        this.scenarios = List.copyOf(scenarios);
        this.volShiftKind = Objects.requireNonNull(volShiftKind, "volShiftKind");
        if (this.scenarios.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one scenario");
        }
        if (!(decayDays >= 0)) {
            throw new IllegalArgumentException("decay days must not be negative");
        }
        this.decayDays = decayDays;
        Map<Double, List<Integer>> blocks = new LinkedHashMap<>();
        for (int i = 0; i < this.scenarios.size(); i++) {
            blocks.computeIfAbsent(this.scenarios.get(i).volShift(), k -> new ArrayList<>()).add(i);
        }
        this.volShifts = new double[blocks.size()];
        this.blockIndices = new int[blocks.size()][];
        int b = 0;
        for (Map.Entry<Double, List<Integer>> e : blocks.entrySet()) {
            volShifts[b] = e.getKey();
            blockIndices[b] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            b++;
        }
    }

    /**
     * A grid of explicit scenarios.
     *
     * @param id           identifier for results (e.g. "PM high-cap -8/+6")
     * @param scenarios    the scenarios, in reporting order
     * @param volShiftKind how vol shifts apply
     * @param decayDays    calendar days of time decay applied to options in every scenario
     * @return the grid
     */
    public static ScenarioGrid of(String id, List<Scenario> scenarios, VolShiftKind volShiftKind, double decayDays) {
        return new ScenarioGrid(id, scenarios, volShiftKind, decayDays);
    }

    /**
     * Equidistant price moves from {@code -down} to {@code +up}, each combined with every vol shift,
     * plus optional extreme moves.
     *
     * <p>Portfolio margin (FINRA 4210(g)): {@code priceRange(id, 0.08, 0.06, 5, false, [0], ABSOLUTE, 0, 1, 0)}
     * gives the 10 points of a high-cap broad-based index.
     *
     * @param id              identifier
     * @param down            largest down move as a positive fraction (0.08 = -8%)
     * @param up              largest up move as a positive fraction
     * @param pointsPerSide   number of moves on each side (equidistant, the last at the range)
     * @param includeZero     whether the unchanged price is a scenario
     * @param volShifts       vol shifts combined with every price move (use {0} for none)
     * @param volShiftKind    how vol shifts apply
     * @param extremeMultiple extreme moves at +/- this multiple of the range with vol unchanged; 0 for none
     * @param extremeWeight   weight of the extreme moves' P&amp;L
     * @param decayDays       days of time decay for options
     * @return the grid
     */
    public static ScenarioGrid priceRange(String id, double down, double up, int pointsPerSide, boolean includeZero,
            double[] volShifts, VolShiftKind volShiftKind, double extremeMultiple, double extremeWeight,
            double decayDays) {
        if (pointsPerSide < 1 || !(down > 0) || !(up > 0) || volShifts.length == 0) {
            throw new IllegalArgumentException("a price range needs positive bounds, points and at least one vol shift");
        }
        List<Scenario> list = new ArrayList<>();
        for (double vol : volShifts) {
            String volLabel = vol == 0 ? "" : (vol > 0 ? ", vol up" : ", vol down");
            for (int i = pointsPerSide; i >= 1; i--) {
                double move = -down * i / pointsPerSide;
                list.add(new Scenario(String.format("down %.2f%%%s", 100 * down * i / pointsPerSide, volLabel), move,
                        vol, 0, 1));
            }
            if (includeZero) {
                list.add(new Scenario("unchanged" + volLabel, 0, vol, 0, 1));
            }
            for (int i = 1; i <= pointsPerSide; i++) {
                double move = up * i / pointsPerSide;
                list.add(new Scenario(String.format("up %.2f%%%s", 100 * up * i / pointsPerSide, volLabel), move, vol,
                        0, 1));
            }
        }
        if (extremeMultiple > 0) {
            list.add(new Scenario(String.format("extreme up %.2f%%", 100 * up * extremeMultiple), up * extremeMultiple, 0,
                    0, extremeWeight));
            list.add(new Scenario(String.format("extreme down %.2f%%", 100 * down * extremeMultiple),
                    -down * extremeMultiple, 0, 0, extremeWeight));
        }
        return new ScenarioGrid(id, list, volShiftKind, decayDays);
    }

    /**
     * CME SPAN's 16 risk-array scenarios in CME's order: (1) unchanged vol up, (2) unchanged vol down,
     * (3/4) up 1/3 vol up/down, (5/6) down 1/3, (7/8) up 2/3, (9/10) down 2/3, (11/12) up 3/3,
     * (13/14) down 3/3, (15) up X x range, (16) down X x range, both vol unchanged at weight w.
     *
     * @param id              identifier (e.g. the combined commodity)
     * @param priceScanRange  price scan range as a fraction of the price (PSR / (price x multiplier))
     * @param volScanRange    volatility scan range
     * @param volShiftKind    how the volatility scan range applies
     * @param extremeMultiple extreme move multiple X (classic 2)
     * @param extremeWeight   extreme move weight w (classic 0.35)
     * @param decayDays       days of time decay for options (classic 1)
     * @return the grid
     */
    public static ScenarioGrid span(String id, double priceScanRange, double volScanRange, VolShiftKind volShiftKind,
            double extremeMultiple, double extremeWeight, double decayDays) {
        List<Scenario> list = new ArrayList<>(16);
        String[] fractions = {"0", "1/3", "2/3", "3/3"};
        for (int k = 0; k <= 3; k++) {
            for (int sign : k == 0 ? new int[] {1} : new int[] {1, -1}) {
                double move = sign * priceScanRange * k / 3.0;
                String price = k == 0 ? "unchanged" : (sign > 0 ? "up " : "down ") + fractions[k] + " range";
                list.add(new Scenario(price + ", vol up", move, volScanRange, 0, 1));
                list.add(new Scenario(price + ", vol down", move, -volScanRange, 0, 1));
            }
        }
        list.add(new Scenario("extreme up " + extremeMultiple + " x range", extremeMultiple * priceScanRange, 0, 0,
                extremeWeight));
        list.add(new Scenario("extreme down " + extremeMultiple + " x range", -extremeMultiple * priceScanRange, 0, 0,
                extremeWeight));
        return new ScenarioGrid(id, list, volShiftKind, decayDays);
    }

    /**
     * Yield shifts for a rates bucket: equidistant shifts from -maxBp to +maxBp, plus optional extremes.
     *
     * @param id              identifier
     * @param maxBp           largest shift in basis points
     * @param pointsPerSide   shifts on each side
     * @param extremeMultiple extreme shifts at +/- this multiple; 0 for none
     * @param extremeWeight   weight of the extreme shifts
     * @return the grid
     */
    public static ScenarioGrid yieldShifts(String id, double maxBp, int pointsPerSide, double extremeMultiple,
            double extremeWeight) {
        if (pointsPerSide < 1 || !(maxBp > 0)) {
            throw new IllegalArgumentException("a yield grid needs a positive range and points");
        }
        List<Scenario> list = new ArrayList<>();
        for (int i = pointsPerSide; i >= 1; i--) {
            double bp = -maxBp * i / pointsPerSide;
            list.add(new Scenario(String.format("yields %.1fbp", bp), 0, 0, bp, 1));
        }
        for (int i = 1; i <= pointsPerSide; i++) {
            double bp = maxBp * i / pointsPerSide;
            list.add(new Scenario(String.format("yields +%.1fbp", bp), 0, 0, bp, 1));
        }
        if (extremeMultiple > 0) {
            list.add(new Scenario(String.format("extreme yields +%.1fbp", maxBp * extremeMultiple), 0, 0,
                    maxBp * extremeMultiple, extremeWeight));
            list.add(new Scenario(String.format("extreme yields -%.1fbp", maxBp * extremeMultiple), 0, 0,
                    -maxBp * extremeMultiple, extremeWeight));
        }
        return new ScenarioGrid(id, list, VolShiftKind.ABSOLUTE, 0);
    }

    /** Identifier for results. */
    public String id() {
        return id;
    }

    /** The scenarios, in reporting order. */
    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** Number of scenarios. */
    public int size() {
        return scenarios.size();
    }

    /** How vol shifts apply. */
    public VolShiftKind volShiftKind() {
        return volShiftKind;
    }

    /** Days of time decay applied to options in every scenario. */
    public double decayDays() {
        return decayDays;
    }

    int blockCount() {
        return volShifts.length;
    }

    double blockVolShift(int block) {
        return volShifts[block];
    }

    int[] blockIndices(int block) {
        return blockIndices[block];
    }

    /** Canonical text for input hashes. */
    public String canonicalForm() {
        StringBuilder sb = new StringBuilder(id).append('[').append(volShiftKind).append(";decay=").append(decayDays);
        for (Scenario s : scenarios) {
            sb.append(';').append(s.priceMove()).append(',').append(s.volShift()).append(',').append(s.yieldShiftBp())
                    .append(',').append(s.weight());
        }
        return sb.append(']').toString();
    }

    @Override
    public String toString() {
        return canonicalForm();
    }
}
