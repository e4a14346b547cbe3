package org.marginconsult.margin.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.marginconsult.margin.Rates;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.reference.ReferenceData;

/** Shared test fixtures: the shipped reference data and a valuation context on a fixed date. */
public final class MarginFixtures {

    /** The valuation date used across margin tests. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

    private static ReferenceData referenceData;

    private MarginFixtures() {
    }

    /** Reads a classpath resource as UTF-8 text. */
    public static String resource(String path) {
        try (InputStream in = MarginFixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped reference data, version 1. */
    public static synchronized ReferenceData referenceData() {
        if (referenceData == null) {
            referenceData = ReferenceData.parse(resource("margin/reference-data-v1.csv"));
        }
        return referenceData;
    }

    /** A context on {@link #AS_OF} with a 4% rate and the shipped reference data. */
    public static ValuationContext context() {
        return new ValuationContext(AS_OF, new Rates(0.04), referenceData());
    }
}
