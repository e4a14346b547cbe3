/**
 * Collateral haircuts per regime (SEC Rule 15c3-1, the prudential non-cleared swaps schedule of
 * 12 CFR 45 Appendix B, a crypto venue's table, a harmonised proposal) and the collateral value of
 * posted assets today versus under a proposal.
 */
package org.marginconsult.margin.collateral;
