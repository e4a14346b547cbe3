package org.marginconsult.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Portfolio upload limits small enough to pass in a test: 64 KB, 100 positions, 4 KB of form envelope. */
public class SmallUploadLimits implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("marginconsult.portfolio.max-upload-size", "64K",
                "marginconsult.portfolio.max-rows", "100",
                "marginconsult.portfolio.form-allowance", "4K");
    }
}
