/**
 * Typed, immutable views of what a position holds ({@link org.marginconsult.margin.instrument.Instrument}
 * and its permitted records), so methodologies can switch exhaustively over instrument kinds.
 */
package org.marginconsult.margin.instrument;
