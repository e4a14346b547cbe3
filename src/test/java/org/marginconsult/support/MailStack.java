package org.marginconsult.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the SMTP test server for every {@code @QuarkusTest} of the suite, beside {@link TestStack}. */
@QuarkusTestResource(GreenMailTestResource.class)
public final class MailStack {

    private MailStack() {
    }
}
