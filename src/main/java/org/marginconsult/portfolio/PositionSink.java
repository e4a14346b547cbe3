package org.marginconsult.portfolio;

import org.marginconsult.margin.Position;

import java.io.IOException;

/**
 * Where valid positions go as they are read. A reader stops feeding the sink at the first error: the
 * caller then discards whatever the sink received, since an upload is stored whole or not at all.
 */
@FunctionalInterface
public interface PositionSink {

    /**
     * The cells of the row being handed over, as the uploader wrote them (trimmed, and already checked:
     * numbers are plain or scientific decimals, dates ISO). Only valid during the call.
     */
    @FunctionalInterface
    interface Cells {
        String text(PositionColumn column);
    }

    /**
     * @param line     the position's line (see {@link UploadError#line()})
     * @param position the position, valid under the engine's contract
     * @param cells    the row's cells as written
     */
    void accept(int line, Position position, Cells cells) throws IOException;
}
