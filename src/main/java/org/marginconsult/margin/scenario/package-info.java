/**
 * Scenario grids (portfolio margin points, SPAN risk arrays, cross-margin grids, yield shifts) and the
 * revaluation of positions over them; P&amp;L is gain positive and weighted by the scenario's weight.
 */
package org.marginconsult.margin.scenario;
