package org.marginconsult.margin.methodology.cross;

import java.util.Objects;

import org.marginconsult.margin.ParameterSet;
import org.marginconsult.margin.VersionedId;

/**
 * A cross-margin proposal as published for comment: a versioned parameter document with an id, a title
 * and a description (the seeded ones are {@code src/main/resources/margin/proposals/*.json}, documented in
 * docs/methodology/proposals.md). The library does not read JSON; the application binds the document to
 * this record.
 *
 * @param id          stable identifier, e.g. {@code B-80pct-capped}
 * @param title       short title
 * @param description what the proposal does, in plain words
 * @param version     version of the document
 * @param parameters  the parameters
 */
public record CrossMarginProposal(String id, String title, String description, String version,
        CrossMarginParameters parameters) implements ParameterSet {

    /** Checks every part is present. */
    public CrossMarginProposal {
        if (id == null || id.isBlank() || version == null || version.isBlank()) {
            throw new IllegalArgumentException("a proposal needs an id and a version");
        }
        Objects.requireNonNull(parameters, "parameters");
        title = title == null ? id : title;
        description = description == null ? "" : description;
    }

    /** Today's siloed regime as a proposal (own grids, nothing else); used for comparisons and tests. */
    public static CrossMarginProposal siloed() {
        return new CrossMarginProposal("SILOED", "Today's siloed margin",
                "Each account under its own methodology; no cross-account offsets.", "1",
                CrossMarginParameters.ownGrids());
    }

    /**
     * The same proposal with other parameters, marked as a what-if in its version.
     *
     * @param changed   the changed parameters
     * @param versionTag appended to the version (e.g. a hash of the overrides)
     * @return the derived proposal
     */
    public CrossMarginProposal withParameters(CrossMarginParameters changed, String versionTag) {
        return new CrossMarginProposal(id, title, description, version + "+" + versionTag, changed);
    }

    @Override
    public VersionedId parameterSetId() {
        return new VersionedId(id, version);
    }

    @Override
    public String canonicalForm() {
        return parameters.canonicalForm();
    }
}
