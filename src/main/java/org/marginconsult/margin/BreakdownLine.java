package org.marginconsult.margin;

import java.math.BigDecimal;
import java.util.List;

/**
 * One signed line of a result's breakdown, in USD cents. The lines of a {@link MarginResult} add up to
 * its total exactly.
 *
 * @param group       the group's identifier (underlying, combined commodity, risk group, strategy id)
 * @param groupKind   how the group is formed
 * @param account     the account the line belongs to; null for a line of the combined cross-margin account
 * @param kind        what the amount is
 * @param description plain-words explanation, including the rule applied
 * @param amount      signed amount, scale 2 (negative for offsets and credits)
 * @param positionIds the positions the line is about (may be empty for portfolio-level lines)
 */
public record BreakdownLine(String group, GroupKind groupKind, Account account, LineKind kind, String description,
        BigDecimal amount, List<String> positionIds) {
    /** Copies the id list. */
    public BreakdownLine {
        positionIds = List.copyOf(positionIds);
    }
}
