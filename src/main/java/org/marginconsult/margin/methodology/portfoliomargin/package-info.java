/**
 * {@code PORTFOLIO_MARGIN}: the securities account under FINRA Rule 4210(g), with theoretical values
 * as OCC's TIMS / Customer Portfolio Margin computes them (docs/methodology/portfolio-margin.md).
 *
 * <p>How the types fit together:
 * {@link org.marginconsult.margin.methodology.portfoliomargin.PortfolioMargin} is the
 * {@link org.marginconsult.margin.Methodology}, bound to one
 * {@link org.marginconsult.margin.methodology.portfoliomargin.PortfolioMarginParameters}.
 * {@code PortfolioMargin.assess} returns a
 * {@link org.marginconsult.margin.methodology.portfoliomargin.PortfolioMarginAssessment} in double: one
 * {@link org.marginconsult.margin.methodology.portfoliomargin.ClassGroupRisk} per underlying (P&amp;L per
 * position at every valuation point) and the
 * {@link org.marginconsult.margin.methodology.portfoliomargin.ProductGroupRisk}s that offset them;
 * {@code PortfolioMargin.calculate} rounds it once into a {@link org.marginconsult.margin.MarginResult}.
 *
 * <p>Scenario P&amp;L is gain positive; requirements are positive amounts; money is USD.
 */
package org.marginconsult.margin.methodology.portfoliomargin;
