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
     * @param line     the position's line (see {@link UploadError#line()})
     * @param position the position, valid under the engine's contract
     */
    void accept(int line, Position position) throws IOException;
}
