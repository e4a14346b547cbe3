package org.marginconsult.margin;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The scenario that set a group's scan risk, with every position's P&amp;L in it, so a user can drill
 * from a total to the positions that drive it.
 *
 * <p>Sign convention: {@code loss} is positive for a loss (= minus the group's weighted P&amp;L);
 * position P&amp;L is gain positive. The positions' P&amp;L adds up to minus the loss, to the cent.
 *
 * @param group         group identifier
 * @param groupKind     how the group is formed
 * @param account       the account, or null for the combined cross-margin account
 * @param scenarioIndex index of the scenario in its grid
 * @param scenarioLabel the scenario's label (e.g. "down 2/3 range, vol up")
 * @param priceMove     relative move of the group's driver (or underlying), e.g. -0.08
 * @param volShift      volatility shift applied
 * @param yieldShiftBp  yield shift in basis points (rates groups)
 * @param weight        weight applied to the scenario's P&amp;L
 * @param loss          weighted loss of the group, positive for a loss, scale 2
 * @param positions     every position of the group with its weighted P&amp;L
 */
public record WorstScenario(String group, GroupKind groupKind, Account account, int scenarioIndex,
        String scenarioLabel, double priceMove, double volShift, double yieldShiftBp, double weight,
        BigDecimal loss, List<PositionPnl> positions) {
    /** Copies the position list (a list made by {@link #of} is immutable already and kept as it is). */
    public WorstScenario {
        positions = positions instanceof CentsList ? positions : List.copyOf(positions);
    }

    /**
     * Rounds a group's scenario P&amp;L to cents: the group's P&amp;L is the compensated (Neumaier) sum of the
     * positions' P&amp;L rounded HALF_UP once; each position's P&amp;L is rounded on its own and the residue given
     * back by the largest remainder, so the positions add up to minus the loss exactly (see {@link Money}).
     *
     * @param group         group id
     * @param groupKind     how the group is formed
     * @param account       the account, or null for the combined cross-margin account
     * @param scenarioIndex index of the scenario in its grid
     * @param scenario      the scenario
     * @param positionIds   the group's positions
     * @param positionPnl   each position's weighted P&amp;L in the scenario (gain positive), same order
     * @return the worst scenario in cents
     */
    public static WorstScenario of(String group, GroupKind groupKind, Account account, int scenarioIndex,
            org.marginconsult.margin.scenario.Scenario scenario, List<String> positionIds, double[] positionPnl) {
        int n = positionPnl.length;
        if (positionIds.size() != n) {
            throw new IllegalArgumentException("one P&L per position");
        }
        long[] cents = new long[n];
        double sum = 0;
        double compensation = 0;
        long roundedSum = 0;
        for (int i = 0; i < n; i++) {
            double v = positionPnl[i];
            double t = sum + v;
            compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
            cents[i] = Money.centsOf(v);
            roundedSum += cents[i];
        }
        long groupCents = Money.centsOf(sum + compensation);
        long residue = groupCents - roundedSum;
        if (residue != 0) {
            // Largest remainder first (ties by position order): remainders in (-1, 1) cent, packed with the
            // index into longs so a primitive sort orders them.
            int direction = Long.signum(residue);
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                double remainder = (positionPnl[i] * 100 - cents[i]) * direction;
                long rank = (long) Math.floor((1 - Math.max(-1, Math.min(1, remainder))) * (1 << 29));
                keys[i] = rank << 32 | i;
            }
            java.util.Arrays.sort(keys);
            for (long k = 0; k < Math.abs(residue); k++) {
                cents[(int) keys[(int) (k % n)]] += direction;
            }
        }
        return new WorstScenario(group, groupKind, account, scenarioIndex, scenario.label(), scenario.priceMove(),
                scenario.volShift(), scenario.yieldShiftBp(), scenario.weight(), BigDecimal.valueOf(-groupCents, 2),
                new CentsList(List.copyOf(positionIds), cents));
    }

    /**
     * Every position's P&amp;L of a group kept as the ids and a primitive array of cents, each element made
     * when it is read. A worst scenario lists every position of its group, so the results of one study of a
     * large book hold millions of them: an object and a {@code BigDecimal} apiece would be most of the
     * results' heap, and copying them from one generation to the next most of the collector's work.
     */
    private static final class CentsList extends AbstractList<PositionPnl> implements RandomAccess {
        private final List<String> positionIds;
        private final long[] cents;

        CentsList(List<String> positionIds, long[] cents) {
            this.positionIds = positionIds;
            this.cents = cents;
        }

        @Override
        public PositionPnl get(int index) {
            return new PositionPnl(positionIds.get(index), BigDecimal.valueOf(cents[index], 2));
        }

        @Override
        public int size() {
            return cents.length;
        }
    }
}
