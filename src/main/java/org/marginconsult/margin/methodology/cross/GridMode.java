package org.marginconsult.margin.methodology.cross;

/**
 * Which scenario grids a cross-margin proposal values positions on.
 */
public enum GridMode {
    /**
     * Each account on its own grid, exactly as today: the securities account under its siloed
     * methodology (portfolio margin or strategy-based, as the caller chooses), the futures account under
     * SPAN. No offsets are possible between accounts (their scenarios are not the same), so the offset
     * factor must be 0 and there can be no inter-group credits. With no add-ons this reproduces the siloed
     * requirement to the cent.
     */
    OWN_GRIDS,
    /**
     * One grid per risk group, on the group's driver, for the positions of both accounts: the
     * proposal being consulted on.
     */
    RISK_GROUP_GRIDS
}
