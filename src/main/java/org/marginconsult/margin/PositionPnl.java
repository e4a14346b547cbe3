package org.marginconsult.margin;

import java.math.BigDecimal;

/**
 * A position's P&amp;L in a scenario, in USD cents, gain positive (the sign convention of every
 * scenario P&amp;L in this library; losses are reported as positive "loss" amounts elsewhere). Includes the
 * scenario's weight (e.g. 35% for SPAN extreme moves).
 *
 * @param positionId the position
 * @param pnl        weighted P&amp;L, gain positive, scale 2
 */
public record PositionPnl(String positionId, BigDecimal pnl) {
}
