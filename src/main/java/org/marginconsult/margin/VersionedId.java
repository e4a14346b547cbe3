package org.marginconsult.margin;

import java.util.Objects;

/**
 * The identity of something a result depends on and that changes over time: a methodology
 * (e.g. {@code CROSS_MARGIN 1.0}) or a parameter set (e.g. {@code B-80pct-capped 1}).
 *
 * @param id      stable identifier
 * @param version version of that identifier's definition
 */
public record VersionedId(String id, String version) {
    /** Both parts are required. */
    public VersionedId {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
        return id + " " + version;
    }
}
