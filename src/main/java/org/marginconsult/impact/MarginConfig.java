package org.marginconsult.impact;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the margin engine's data comes from and the defaults of a calculation request. */
@ConfigMapping(prefix = "marginconsult.margin")
public interface MarginConfig {

    /** Classpath location of the reference data file (underlyings, product classes, risk groups). */
    @WithDefault("margin/reference-data-v1.csv")
    String referenceData();

    /** Ids of the published cross-margin proposals, each read from {@code margin/proposals/<id>.json}. */
    @WithDefault("A-full-offset,B-80pct-capped,C-conservative")
    List<String> proposals();

    /**
     * Continuously-compounded risk-free rate used to price options when a request gives none (decimal;
     * 0.04 = 4%, about the level of short-term Treasury yields in November 2026).
     */
    @WithDefault("0.04")
    double riskFreeRate();
}
