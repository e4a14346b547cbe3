package org.marginconsult.impact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.marginconsult.margin.Methodology;
import org.marginconsult.margin.methodology.cross.CrossMarginProposal;
import org.marginconsult.margin.methodology.portfoliomargin.PortfolioMargin;
import org.marginconsult.margin.methodology.strategy.StrategyBased;
import org.marginconsult.margin.reference.ReferenceData;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shipped margin inputs the margin library cannot read itself (it does no I/O): the reference
 * data table and the proposals' parameter documents under {@code src/main/resources/margin/}, loaded
 * once and bound strictly (an unknown field in a proposal is an error at start, not a silent default).
 */
@ApplicationScoped
public class ProposalCatalog {

    /** The seeded proposals, in the order they are offered. */
    public static final List<String> SEEDED = List.of("A-full-offset", "B-80pct-capped", "C-conservative");

    static final String REFERENCE_DATA = "margin/reference-data-v1.csv";

    private final ReferenceData referenceData;
    private final Map<String, CrossMarginProposal> proposals = new LinkedHashMap<>();

    public ProposalCatalog() {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        referenceData = ReferenceData.parse(new String(read(REFERENCE_DATA), StandardCharsets.UTF_8));
        for (String id : SEEDED) {
            try {
                proposals.put(id, json.readValue(read("margin/proposals/" + id + ".json"), CrossMarginProposal.class));
            } catch (IOException e) {
                throw new UncheckedIOException("proposal " + id + " cannot be read", e);
            }
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ReferenceData referenceData() {
        return referenceData;
    }

    public List<CrossMarginProposal> proposals() {
        return List.copyOf(proposals.values());
    }

    public Optional<CrossMarginProposal> proposal(String id) {
        return Optional.ofNullable(proposals.get(id));
    }

    /** Today's methodology of the securities account, with its shipped default parameters. */
    public Methodology securitiesMethodology(SecuritiesRegime regime) {
        return switch (regime) {
            case PORTFOLIO_MARGIN -> PortfolioMargin.withDefaults();
            case STRATEGY_BASED -> StrategyBased.withDefaults();
        };
    }
}
