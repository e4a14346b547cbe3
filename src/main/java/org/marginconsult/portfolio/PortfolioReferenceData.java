package org.marginconsult.portfolio;

import jakarta.enterprise.context.ApplicationScoped;
import org.marginconsult.margin.reference.ReferenceData;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The engine's reference data (underlyings, risk groups), read once from the classpath: the margin
 * library does no I/O, so its caller reads the file. Uploads use it to warn about unknown underlyings
 * and to total positions by risk group.
 */
@ApplicationScoped
public class PortfolioReferenceData {

    static final String RESOURCE = "/margin/reference-data-v1.csv";

    private final ReferenceData data;

    public PortfolioReferenceData() {
        try (InputStream in = PortfolioReferenceData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("reference data " + RESOURCE + " is not on the classpath");
            }
            data = ReferenceData.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ReferenceData data() {
        return data;
    }
}
