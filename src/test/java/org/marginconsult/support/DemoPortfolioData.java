package org.marginconsult.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The demo portfolios loaded at start, as in a local run. */
public class DemoPortfolioData implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("marginconsult.portfolio.demo-data", "true");
    }
}
