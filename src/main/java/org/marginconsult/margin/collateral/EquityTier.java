package org.marginconsult.margin.collateral;

/**
 * Equity tiers of the prudential schedule for non-cleared swaps (12 CFR 45 Appendix B): S&amp;P 500
 * constituents, other S&amp;P 1500 constituents, and other equities.
 */
public enum EquityTier {
    /** Constituent of the S&amp;P 500 (or a main index). */
    SP500,
    /** Constituent of the S&amp;P 1500 not in the S&amp;P 500. */
    SP1500,
    /** Any other listed equity. */
    OTHER
}
