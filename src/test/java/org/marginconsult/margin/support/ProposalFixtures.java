package org.marginconsult.margin.support;

import org.marginconsult.margin.methodology.cross.CrossMarginProposal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the seeded proposal documents the way the application binds them (Jackson, unknown fields refused). */
public final class ProposalFixtures {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The seeded proposal ids. */
    public static final String[] IDS = {"A-full-offset", "B-80pct-capped", "C-conservative"};

    private ProposalFixtures() {
    }

    /** Parses a seeded proposal by id. */
    public static CrossMarginProposal load(String id) {
        try {
            return JSON.readValue(MarginFixtures.resource("margin/proposals/" + id + ".json"), CrossMarginProposal.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read proposal " + id, e);
        }
    }
}
