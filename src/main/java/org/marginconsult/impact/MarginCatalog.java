package org.marginconsult.impact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.marginconsult.margin.methodology.cross.CrossMarginProposal;
import org.marginconsult.margin.reference.ReferenceData;

/**
 * The margin engine's published data, read once from the classpath at startup (the margin library does
 * no I/O): the reference data and the cross-margin proposal documents. A missing or malformed file stops
 * the application from starting rather than margining with wrong data.
 */
@Startup
@ApplicationScoped
public class MarginCatalog {

    private final ReferenceData referenceData;
    private final Map<String, CrossMarginProposal> proposals;

    @Inject
    public MarginCatalog(MarginConfig config, ObjectMapper mapper) {
        this.referenceData = ReferenceData.parse(read(config.referenceData()));
        ObjectMapper strict = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        Map<String, CrossMarginProposal> loaded = new LinkedHashMap<>();
        for (String id : config.proposals()) {
            String path = "margin/proposals/" + id + ".json";
            try {
                CrossMarginProposal p = strict.readValue(read(path), CrossMarginProposal.class);
                if (!p.id().equals(id)) {
                    throw new IllegalStateException(path + " declares id " + p.id());
                }
                loaded.put(id, p);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read proposal " + path + ": " + e.getMessage(), e);
            }
        }
        this.proposals = Collections.unmodifiableMap(loaded);
    }

    private static String read(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference data. */
    public ReferenceData referenceData() {
        return referenceData;
    }

    /** The published proposals by id, in configuration order. */
    public Map<String, CrossMarginProposal> proposals() {
        return proposals;
    }

    /** One published proposal. */
    public Optional<CrossMarginProposal> proposal(String id) {
        return Optional.ofNullable(proposals.get(id));
    }
}
