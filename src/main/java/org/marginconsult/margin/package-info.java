/**
 * The margin engine: a pure Java library (no framework, no persistence, no I/O) that computes the
 * margin a portfolio requires under today's siloed rules and under cross-margin proposals.
 *
 * <p>How the types fit together: a portfolio is a list of {@link org.marginconsult.margin.Position}s
 * (checked by {@link org.marginconsult.margin.PositionValidator}); a
 * {@link org.marginconsult.margin.Methodology} bound to a {@link org.marginconsult.margin.ParameterSet}
 * computes a {@link org.marginconsult.margin.MarginResult} in a
 * {@link org.marginconsult.margin.ValuationContext} (date, rates, reference data). Sub-packages:
 * {@code instrument} (typed views of positions), {@code pricing} (Black-Scholes-Merton and the
 * scenario kernel), {@code scenario} (grids and revaluation), {@code reference} (underlyings, product
 * classes, risk groups), {@code methodology} (the rules), {@code collateral} (haircuts).
 *
 * <p>Conventions: money is USD; amounts are exact until {@link org.marginconsult.margin.Money} rounds
 * them HALF_UP to the cent, once; scenario P&amp;L is gain positive; requirements are non-negative.
 */
package org.marginconsult.margin;
