package org.marginconsult.margin;

/**
 * What a breakdown line of a {@link MarginResult} represents. Every line is a signed amount of money
 * (offsets and credits negative, charges positive) and the lines add up to the total.
 */
public enum LineKind {
    /** Largest weighted scenario loss of a group (portfolio margin, SPAN scan risk, cross-margin scan). */
    SCAN_RISK,
    /** Requirement of one strategy under strategy-based rules (Reg T / FINRA 4210 / Cboe). */
    STRATEGY_REQUIREMENT,
    /** SPAN intra-commodity (calendar) spread charge. */
    SPREAD_CHARGE,
    /** SPAN delivery (spot) month charge. */
    DELIVERY_CHARGE,
    /** Amount by which the short option minimum exceeded the risk it replaces. */
    SHORT_OPTION_MINIMUM,
    /** SPAN net option value deduction (negative for net long options). */
    NET_OPTION_VALUE,
    /** Amount by which a per-contract minimum charge exceeded the risk it replaces. */
    MINIMUM_CHARGE,
    /** Reduction for gains offsetting losses across class groups or accounts inside a group (negative). */
    OFFSET,
    /** Credit between groups or commodities (negative). */
    CREDIT,
    /** Add-on such as concentration or illiquidity (positive). */
    ADD_ON,
    /** Uplift to a floor expressed as a share of another requirement (savings cap). */
    FLOOR,
    /** Uplift from maintenance to initial (e.g. SPAN 110% for heightened-risk accounts). */
    INITIAL_UPLIFT;

    /** True for lines that recognise offsets (offsets and credits). */
    public boolean isOffset() {
        return this == OFFSET || this == CREDIT;
    }

    /** True for lines added on top of scenario risk (add-ons, minimums, floors, initial uplifts). */
    public boolean isAddOn() {
        return this == ADD_ON || this == MINIMUM_CHARGE || this == FLOOR || this == INITIAL_UPLIFT
                || this == SHORT_OPTION_MINIMUM;
    }
}
