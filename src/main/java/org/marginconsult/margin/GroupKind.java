package org.marginconsult.margin;

/** What a breakdown line or worst scenario is grouped by, in the words of the rule that groups it. */
public enum GroupKind {
    /** A whole account or portfolio-level line. */
    ACCOUNT,
    /** Portfolio margin class group: all products on one underlying (FINRA 4210(g)). */
    CLASS_GROUP,
    /** Portfolio margin product group: related class groups with partial offsets. */
    PRODUCT_GROUP,
    /** SPAN combined commodity: all contracts on one ultimate underlying. */
    COMBINED_COMMODITY,
    /** Cross-margin risk group: underlyings driven by one risk factor across both accounts. */
    RISK_GROUP,
    /** Strategy-based strategy: a pairing of positions (spread, straddle, covered call...) or a single leg. */
    STRATEGY
}
