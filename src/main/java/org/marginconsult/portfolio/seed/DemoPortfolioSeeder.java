package org.marginconsult.portfolio.seed;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.marginconsult.portfolio.FirmCategory;
import org.marginconsult.portfolio.MetadataInput;
import org.marginconsult.portfolio.MetadataInput.CollateralInput;
import org.marginconsult.portfolio.PortfolioConfig;
import org.marginconsult.portfolio.PortfolioService;
import org.marginconsult.portfolio.PortfolioService.UploadFormat;
import org.marginconsult.portfolio.UploadRejectedException;
import org.marginconsult.portfolio.UploadSpool;
import org.marginconsult.security.AuditLog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads, at start, one demo portfolio for each firm of the demo realm, so that a local run has books to
 * model impact on: firm-a gets the sample portfolio linked from the upload page, firm-b a crypto
 * market-maker's book. Only when {@code marginconsult.portfolio.demo-data} is on (see
 * {@link PortfolioConfig#demoData()}).
 *
 * <p>Each book goes through {@link PortfolioService#uploadFor}, the path every upload takes (every line
 * checked, COPY in one transaction, audited, here with {@link AuditLog#SYSTEM_ACTOR} as the actor).
 * Idempotent: a firm that already has a portfolio under the demo label is left alone, so restarts add
 * no versions and a user's own uploads are never touched.
 */
@ApplicationScoped
public class DemoPortfolioSeeder {

    private static final Logger LOG = Logger.getLogger(DemoPortfolioSeeder.class);

    /**
     * A demo portfolio.
     *
     * @param firm     the owning firm (its {@code firm} claim in the demo realm)
     * @param resource the CSV on the class path
     * @param metadata label, as-of date, firm category and posted collateral, as a user would type them
     */
    public record DemoBook(String firm, String resource, MetadataInput metadata) {

        public String label() {
            return metadata.label();
        }

        String fileName() {
            return resource.substring(resource.lastIndexOf('/') + 1);
        }
    }

    /** The demo books, one per demo firm. */
    public static final List<DemoBook> BOOKS = List.of(
            new DemoBook("firm-a", "/portfolio/sample-portfolio.csv", new MetadataInput(
                    "Demo: sample cross-margin book", "2026-11-20", FirmCategory.DUAL_REGISTRANT.name(), List.of(
                            new CollateralInput("SECURITIES", "US_TREASURY", "10000000", "2030-05-15"),
                            new CollateralInput("FUTURES", "CASH_USD", "5000000", "")))),
            new DemoBook("firm-b", "/portfolio/demo-crypto-market-maker.csv", new MetadataInput(
                    "Demo: crypto market-maker book", "2026-11-20", FirmCategory.CRYPTO_FIRM.name(), List.of(
                            new CollateralInput("FUTURES", "STABLECOIN", "2000000", ""),
                            new CollateralInput("FUTURES", "BITCOIN", "1500000", ""),
                            new CollateralInput("SECURITIES", "CASH_USD", "3000000", "")))));

    @Inject
    PortfolioConfig config;

    @Inject
    PortfolioService portfolios;

    @Inject
    UploadSpool spool;

    void onStart(@Observes StartupEvent start) {
        if (config.demoData()) {
            seed();
        }
    }

    /**
     * Loads every demo book whose firm does not have it yet.
     *
     * @return the ids of the portfolios stored now (none when every firm had its book)
     */
    public List<Long> seed() {
        List<Long> stored = new ArrayList<>();
        for (DemoBook book : BOOKS) {
            if (portfolios.hasLabel(book.firm(), book.label())) {
                LOG.debugf("Demo portfolio '%s' of %s already present", book.label(), book.firm());
                continue;
            }
            try {
                stored.add(load(book));
            } catch (UploadRejectedException e) {
                // The books ship with the application and DemoPortfolioSeederTest uploads them: a refusal
                // here means the reference data changed under them. The application still starts.
                LOG.errorf("Demo portfolio '%s' of %s was refused, not loaded: %s", book.label(), book.firm(),
                        e.errors().stream().map(err -> "line " + err.line() + " " + err.column() + ": " + err.message())
                                .collect(Collectors.joining("; ")));
            }
        }
        return stored;
    }

    private long load(DemoBook book) {
        try (InputStream in = DemoPortfolioSeeder.class.getResourceAsStream(book.resource())) {
            if (in == null) {
                throw new IllegalStateException("Demo portfolio missing from the class path: " + book.resource());
            }
            try (UploadSpool.Spooled saved = spool.fromBody(in, UploadFormat.CSV, book.fileName())) {
                PortfolioService.UploadOutcome outcome = portfolios.uploadFor(book.firm(), AuditLog.SYSTEM_ACTOR,
                        book.metadata(), saved.file());
                LOG.infof("Seeded demo portfolio '%s' v%d for %s: %d positions", book.label(),
                        outcome.portfolio().version, book.firm(), outcome.portfolio().positionCount);
                return outcome.portfolio().id;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
