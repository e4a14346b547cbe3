/**
 * {@code STRATEGY_BASED}: today's margin of a securities account under Regulation T (12 CFR 220.12),
 * FINRA Rule 4210(c)-(f) and Cboe Rule 10.3, with positions paired into the strategies of least total
 * requirement.
 *
 * <p>How the types fit together: {@link org.marginconsult.margin.methodology.strategy.StrategyBased}
 * nets positions into {@link org.marginconsult.margin.methodology.strategy.Leg}s, one
 * {@link org.marginconsult.margin.methodology.strategy.UnderlyingBook} per underlying; the package-private
 * pairing (a min-cost flow over two-leg strategies, then complex spreads by branch and bound or by a
 * decomposition by expiry into small integer programs) turns each book into
 * {@link org.marginconsult.margin.methodology.strategy.Strategy} values, each priced by
 * {@link org.marginconsult.margin.methodology.strategy.StrategyRules} under
 * {@link org.marginconsult.margin.methodology.strategy.StrategyBasedParameters};
 * {@link org.marginconsult.margin.methodology.strategy.StrategyPairing} holds them unrounded and the
 * methodology's {@link org.marginconsult.margin.MarginResult} shows one breakdown line per strategy.
 *
 * <p>Amounts are USD and exact until the result rounds them HALF_UP to the cent, once. Requirements
 * include long options' cost and uncovered options' premium; sale proceeds are a separate figure.
 * docs/methodology/strategy-based.md states every rule, its source, the pairing algorithm and its limits.
 */
package org.marginconsult.margin.methodology.strategy;
