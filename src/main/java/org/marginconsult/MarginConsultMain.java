package org.marginconsult;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.marginconsult.localstack.LocalStack;

import java.util.List;
import java.util.logging.Logger;

/**
 * Entry point. Before Quarkus boots, starts an embedded PostgreSQL and a local Keycloak unless the
 * environment names external ones ({@code QUARKUS_DATASOURCE_JDBC_URL}, {@code QUARKUS_OIDC_AUTH_SERVER_URL}),
 * so that one command runs the whole product on a machine with only a JDK.
 */
@QuarkusMain
public final class MarginConsultMain {

    private static final Logger LOG = Logger.getLogger(MarginConsultMain.class.getName());
    /** Survives dev-mode restarts (new class loader, same JVM), so the stack starts once per JVM. */
    private static final String STARTED_FLAG = "marginconsult.localstack.started";
    /** Demo portfolios for the demo realm's firms (PortfolioConfig#demoData). */
    private static final String DEMO_PORTFOLIOS = "marginconsult.portfolio.demo-data";

    private MarginConsultMain() {
    }

    public static void main(String... args) {
        if (System.getProperty(STARTED_FLAG) == null && !Boolean.getBoolean("marginconsult.localstack.disabled")) {
            startLocalStack();
        }
        Quarkus.run(args);
    }

    private static void startLocalStack() {
        boolean postgres = !LocalStack.isExternallyConfigured("quarkus.datasource.jdbc.url");
        boolean keycloak = !LocalStack.isExternallyConfigured("quarkus.oidc.auth-server-url");
        if (!postgres && !keycloak) {
            return;
        }
        var local = LocalStack.path("marginconsult.local.dir", ".local");
        var settings = new LocalStack.Settings(
                local.resolve("pgdata"),
                false,
                Integer.parseInt(System.getProperty("marginconsult.local.postgres-port", "54329")),
                LocalStack.path("marginconsult.keycloak.home", local.resolve("keycloak-26.7.3").toString()),
                LocalStack.path("marginconsult.keycloak.realm-file", "docker/keycloak/marginconsult-realm.json"),
                Integer.parseInt(System.getProperty("marginconsult.local.keycloak-port", "8180")),
                local.resolve("logs"),
                realm -> realm);
        var started = LocalStack.start(settings, postgres, keycloak);
        started.config().forEach(System::setProperty);
        // The local Keycloak brings the demo realm's users and firms: give each firm a demo portfolio too,
        // unless the command line or the environment already decided.
        if (keycloak && System.getProperty(DEMO_PORTFOLIOS) == null
                && System.getenv("MARGINCONSULT_PORTFOLIO_DEMO_DATA") == null) {
            System.setProperty(DEMO_PORTFOLIOS, "true");
        }
        List<AutoCloseable> resources = started.resources();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> resources.forEach(MarginConsultMain::closeQuietly)));
        System.setProperty(STARTED_FLAG, "true");
        LOG.info("Local stack ready: " + started.config().keySet());
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warning("Could not stop " + resource + ": " + e.getMessage());
        }
    }
}
