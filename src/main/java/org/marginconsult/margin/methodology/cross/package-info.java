/**
 * {@code CROSS_MARGIN}: cross-margin proposals as versioned parameter documents and the methodology
 * that applies them to both accounts of a portfolio, with the change from today's siloed requirement
 * attributed to grids, offsets, add-ons and floor.
 */
package org.marginconsult.margin.methodology.cross;
