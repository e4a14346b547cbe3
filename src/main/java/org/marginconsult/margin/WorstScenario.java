package org.marginconsult.margin;

import java.math.BigDecimal;
import java.util.List;

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
    /** Copies the position list. */
    public WorstScenario {
        positions = List.copyOf(positions);
    }
}
