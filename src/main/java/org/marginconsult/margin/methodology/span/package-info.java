/**
 * {@code SPAN}: today's performance bond of the futures account, after CME SPAN (CME Group, "CME SPAN
 * Methodology Overview"; docs/methodology/span.md).
 *
 * <p>How the types fit together: {@link org.marginconsult.margin.methodology.span.Span} is the
 * {@link org.marginconsult.margin.Methodology}, bound to one
 * {@link org.marginconsult.margin.methodology.span.SpanParameters} (scenario shape, what-if switches, a
 * table of {@link org.marginconsult.margin.methodology.span.CombinedCommodityParameters} and a list of
 * {@link org.marginconsult.margin.methodology.span.InterCommoditySpread}s; the shipped set comes from
 * {@link org.marginconsult.margin.methodology.span.SpanDefaults}). {@code Span.assess} returns a
 * {@link org.marginconsult.margin.methodology.span.SpanAssessment} in double: one
 * {@link org.marginconsult.margin.methodology.span.CombinedCommodityRisk} per combined commodity (its
 * 16-scenario P&amp;L per position, scan risk, charges) plus the credits and totals;
 * {@code Span.calculate} rounds it once into a {@link org.marginconsult.margin.MarginResult}.
 *
 * <p>Scenario P&amp;L is gain positive and already weighted (extreme moves at 35%); requirements are
 * positive amounts; money is USD.
 */
package org.marginconsult.margin.methodology.span;
