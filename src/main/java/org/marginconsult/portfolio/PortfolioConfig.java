package org.marginconsult.portfolio;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of portfolio uploads ({@code marginconsult.portfolio.*}). */
@ConfigMapping(prefix = "marginconsult.portfolio")
public interface PortfolioConfig {

    /**
     * The largest file accepted (the file itself; a multipart request may be up to
     * {@link #formAllowance()} larger). Larger uploads are answered 413 as soon as the size is known:
     * from Content-Length before the body is read, or while the body streams. Keep
     * {@code quarkus.http.limits.max-body-size} at least this plus the allowance.
     */
    @WithDefault("100M")
    MemorySize maxUploadSize();

    /** Room for the multipart envelope and metadata fields on top of {@link #maxUploadSize()}. */
    @WithDefault("1M")
    MemorySize formAllowance();

    /** The most positions one upload may hold; more are answered 413. */
    @WithDefault("2000000")
    int maxRows();

    /** How many errors of a refused upload are kept with their details (all are counted). */
    @WithDefault("1000")
    int maxReportedErrors();

    /** Positions per page on the portfolio page and in {@code GET /api/v1/portfolios/{id}/positions}. */
    @WithDefault("50")
    int pageSize();

    /**
     * Whether to load, at start, a demo portfolio for each demo firm of the demo realm (firm-a, firm-b)
     * that does not have it yet. Off unless set: the run command turns it on when it starts the local
     * Keycloak with the demo realm ({@code MarginConsultMain}); tests turn it on only where they test it.
     */
    @WithDefault("false")
    boolean demoData();
}
