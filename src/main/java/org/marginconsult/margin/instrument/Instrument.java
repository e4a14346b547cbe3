package org.marginconsult.margin.instrument;

import org.marginconsult.margin.InstrumentType;

/**
 * What a position holds, as a closed set of typed views (obtained from
 * {@link org.marginconsult.margin.Position#instrument()}).
 *
 * <p>Methodologies switch over this sealed hierarchy so that adding an instrument kind is a compile
 * error wherever it is not yet handled.
 */
public sealed interface Instrument permits Equity, ListedOption, Future, Treasury, TreasuryFuture {

    /** The instrument type the view was built from. */
    InstrumentType type();

    /** The instrument's own symbol. */
    String symbol();

    /** The underlying's symbol, the key into reference data. */
    String underlying();
}
