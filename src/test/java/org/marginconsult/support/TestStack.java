package org.marginconsult.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the local stack for every {@code @QuarkusTest} of the suite. */
@QuarkusTestResource(LocalStackTestResource.class)
public final class TestStack {

    private TestStack() {
    }
}
