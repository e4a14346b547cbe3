package org.marginconsult.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.marginconsult.localstack.LocalStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives the test suite a real PostgreSQL (fresh, in a temporary directory) and a real Keycloak with the
 * demo realm, both started once per test JVM and shared by every {@code @QuarkusTest}. Ports are
 * chosen free, so several checkouts can run their suites side by side.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    /**
     * How long the tokens of the pages' client (marginconsult-web) live in the test realm: 5 minutes in the
     * demo realm, shorter here so that a browser test can wait past them.
     */
    public static final Duration WEB_TOKEN_LIFESPAN = Duration.ofSeconds(20);

    private static Map<String, String> config;

    @Override
    public synchronized Map<String, String> start() {
        if (config == null) {
            config = startOnce();
        }
        return config;
    }

    private static Map<String, String> startOnce() {
        int appPort = LocalStack.freePort();
        boolean postgres = !LocalStack.isExternallyConfigured("quarkus.datasource.jdbc.url");
        boolean keycloak = !LocalStack.isExternallyConfigured("quarkus.oidc.auth-server-url");
        Path work;
        try {
            work = Files.createTempDirectory("marginconsult-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var settings = new LocalStack.Settings(
                work.resolve("pgdata"),
                true,
                LocalStack.freePort(),
                LocalStack.path("marginconsult.keycloak.home", ".local/keycloak-26.7.3"),
                Path.of("docker/keycloak/marginconsult-realm.json"),
                LocalStack.freePort(),
                Path.of("target/test-stack"),
                realm -> realm.replace("http://localhost:8080/", "http://localhost:" + appPort + "/")
                        // the pages' tokens expire within a browser test, so the tests cross a refresh
                        .replace("\"pkce.code.challenge.method\": \"S256\"",
                                "\"pkce.code.challenge.method\": \"S256\", \"access.token.lifespan\": \""
                                        + WEB_TOKEN_LIFESPAN.toSeconds() + "\""));
        var started = LocalStack.start(settings, postgres, keycloak);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.resources().forEach(resource -> {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("Could not stop test stack part: " + e.getMessage());
            }
        })));
        Map<String, String> result = new HashMap<>(started.config());
        result.put("quarkus.http.test-port", String.valueOf(appPort));
        return Map.copyOf(result);
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; stopped by the shutdown hook.
    }
}
