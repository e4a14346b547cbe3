package org.marginconsult.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The margin package is a pure library: no framework, persistence, I/O or JSON binding. Scans the
 * sources, so a forbidden import (including a static or fully qualified use) fails the build.
 */
class MarginLibraryPurityTest {

    private static final Path SOURCES = Path.of("src/main/java/org/marginconsult/margin");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(io\\.quarkus|jakarta|java\\.io|java\\.nio|java\\.sql|com\\.fasterxml)\\.");

    @Test
    void noMarginSourceUsesQuarkusJakartaIoNioSqlOrJackson() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).strip();
                    if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                        continue;
                    }
                    Matcher m = FORBIDDEN.matcher(code);
                    if (m.find()) {
                        violations.add(SOURCES.relativize(file) + ":" + (i + 1) + " " + code);
                    }
                }
            }
        }
        assertTrue(files > 20, "expected to scan the margin sources, found " + files + " files");
        assertEquals(List.of(), violations);
    }

    @Test
    void thePatternCatchesImportsAndQualifiedNames() {
        assertTrue(FORBIDDEN.matcher("import java.io.Reader;").find());
        assertTrue(FORBIDDEN.matcher("import static java.nio.charset.StandardCharsets.UTF_8;").find());
        assertTrue(FORBIDDEN.matcher("var m = new com.fasterxml.jackson.databind.ObjectMapper();").find());
        assertTrue(FORBIDDEN.matcher("import jakarta.inject.Inject;").find());
        assertTrue(!FORBIDDEN.matcher("import java.math.BigDecimal;").find());
    }
}
