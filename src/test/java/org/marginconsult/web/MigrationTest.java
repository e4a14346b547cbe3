package org.marginconsult.web;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema comes only from the SQL files of the top-level migrations/ folder, and Hibernate validates
 * the entities against it at every boot: this test boots the application on a fresh database, so a
 * mismatch between an entity and the migrations fails it.
 */
@QuarkusTest
class MigrationTest {

    @Inject
    Flyway flyway;

    @ConfigProperty(name = "quarkus.hibernate-orm.schema-management.strategy")
    String schemaManagement;

    @Test
    void everyFileOfTheMigrationsFolderIsAppliedAndNothingIsPending() throws IOException {
        long files;
        try (Stream<Path> list = Files.list(Path.of("migrations"))) {
            files = list.filter(p -> p.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        }
        MigrationInfo[] applied = flyway.info().applied();
        assertEquals(files, applied.length, "applied: " + Arrays.toString(applied));
        assertEquals(0, flyway.info().pending().length);
        assertTrue(Arrays.stream(applied).allMatch(m -> m.getState().isApplied() && !m.getState().isFailed()));
    }

    @Test
    void hibernateValidatesTheEntitiesAgainstTheMigratedSchemaInsteadOfGeneratingIt() {
        assertEquals("validate", schemaManagement);
    }
}
