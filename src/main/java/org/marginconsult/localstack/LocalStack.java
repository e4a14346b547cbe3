package org.marginconsult.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Starts the parts a newcomer does not have installed: an embedded PostgreSQL (zonky binaries from
 * Maven Central) and a Keycloak server from its Maven Central distribution, with the realm imported.
 *
 * <p>Used by the run command (through {@link org.marginconsult.MarginConsultMain}) and by the test
 * suite. Each part starts only when no external one is configured: a set
 * {@code QUARKUS_DATASOURCE_JDBC_URL} means "use that database", a set
 * {@code QUARKUS_OIDC_AUTH_SERVER_URL} means "use that Keycloak".
 */
public final class LocalStack {

    private static final Logger LOG = Logger.getLogger(LocalStack.class.getName());
    public static final String REALM = "marginconsult";

    private LocalStack() {
    }

    /** Where and how to start the parts. */
    public record Settings(
            Path postgresDataDir,
            boolean cleanPostgresData,
            int postgresPort,
            Path keycloakHome,
            Path realmFile,
            int keycloakPort,
            Path logDir,
            UnaryOperator<String> realmCustomizer) {
    }

    /** What was started, as configuration the application reads. */
    public record Started(Map<String, String> config, List<AutoCloseable> resources) {
    }

    /**
     * Starts what is not configured externally, in parallel, and waits until both are ready.
     *
     * @return the configuration properties that point the application at what was started
     */
    public static Started start(Settings settings, boolean startPostgres, boolean startKeycloak) {
        Map<String, String> config = new LinkedHashMap<>();
        List<AutoCloseable> resources = new ArrayList<>();
        Process keycloak = startKeycloak ? launchKeycloak(settings) : null;
        try {
            if (startPostgres) {
                EmbeddedPostgres postgres = startPostgres(settings);
                resources.add(postgres);
                config.put("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
                config.put("quarkus.datasource.username", "postgres");
                config.put("quarkus.datasource.password", "postgres");
            }
            if (keycloak != null) {
                resources.add(() -> stopProcessTree(keycloak));
                String realmUrl = "http://localhost:" + settings.keycloakPort() + "/realms/" + REALM;
                awaitKeycloak(keycloak, realmUrl, settings.logDir().resolve("keycloak.log"));
                config.put("quarkus.oidc.auth-server-url", realmUrl);
            }
        } catch (RuntimeException e) {
            if (keycloak != null) {
                stopProcessTree(keycloak);
            }
            throw e;
        }
        return new Started(config, resources);
    }

    /** True when the variable or system property names a value: then nothing embedded starts. */
    public static boolean isExternallyConfigured(String property) {
        String env = property.toUpperCase().replace('.', '_').replace('-', '_');
        return notBlank(System.getenv(env)) || notBlank(System.getProperty(property));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }

    private static EmbeddedPostgres startPostgres(Settings settings) {
        try {
            Files.createDirectories(settings.postgresDataDir());
            LOG.info(() -> "Starting embedded PostgreSQL, data in " + settings.postgresDataDir());
            return EmbeddedPostgres.builder()
                    .setDataDirectory(settings.postgresDataDir())
                    .setCleanDataDirectory(settings.cleanPostgresData())
                    .setPort(settings.postgresPort())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("max_wal_size", "2GB")
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Embedded PostgreSQL did not start (data directory "
                    + settings.postgresDataDir() + "): " + e.getMessage(), e);
        }
    }

    private static Process launchKeycloak(Settings settings) {
        Path home = settings.keycloakHome();
        Path script = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home.toAbsolutePath()
                    + ": run the README command (Maven unpacks org.keycloak:keycloak-quarkus-dist there),"
                    + " or set QUARKUS_OIDC_AUTH_SERVER_URL to use another Keycloak.");
        }
        try {
            script.toFile().setExecutable(true);
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            String realm = Files.readString(settings.realmFile(), StandardCharsets.UTF_8);
            Files.writeString(importDir.resolve(REALM + "-realm.json"),
                    settings.realmCustomizer().apply(realm), StandardCharsets.UTF_8);
            Files.createDirectories(settings.logDir());
            Path log = settings.logDir().resolve("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(script.toAbsolutePath().toString(), "start-dev",
                    "--http-port=" + settings.keycloakPort(),
                    "--http-management-port=" + freePort(),
                    "--hostname=http://localhost:" + settings.keycloakPort(),
                    // In-memory store: every start imports the realm file afresh, so the realm
                    // in the repository is always the one in force.
                    "--db=dev-mem",
                    "--import-realm");
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().remove("JAVA_OPTS");
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            LOG.info(() -> "Starting Keycloak " + home.getFileName() + " on port " + settings.keycloakPort()
                    + ", log in " + log);
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopProcessTree(process)));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start from " + home, e);
        }
    }

    private static void awaitKeycloak(Process process, String realmUrl, Path log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(realmUrl + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " before it was ready; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(discovery)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    LOG.info(() -> "Keycloak ready: " + realmUrl);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        stopProcessTree(process);
        throw new IllegalStateException("Keycloak was not ready within 240 s; see " + log.toAbsolutePath());
    }

    private static void stopProcessTree(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(20),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** A path from a system property, an environment variable, or the default, in that order. */
    public static Path path(String property, String fallback) {
        return Path.of(Optional.ofNullable(System.getProperty(property))
                .or(() -> Optional.ofNullable(System.getenv(property.toUpperCase().replace('.', '_').replace('-', '_'))))
                .orElse(fallback));
    }
}
