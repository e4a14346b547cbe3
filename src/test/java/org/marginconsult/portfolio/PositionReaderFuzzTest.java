package org.marginconsult.portfolio;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.PositionValidator;
import org.marginconsult.margin.reference.ReferenceData;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSV reader never fails other than by reporting {@link UploadError}s: whatever the bytes, it
 * returns a result, every position it lets through is valid, and it stops feeding positions at the
 * first error.
 *
 * <p>In the normal suite Jazzer replays the seed inputs under
 * {@code src/test/resources/org/marginconsult/portfolio/PositionReaderFuzzTestInputs/}, and a second
 * test mutates those seeds with a fixed random seed for a few thousand rounds. To fuzz for real:
 * {@code JAZZER_FUZZ=1 ./mvnw -o test -Dtest=PositionReaderFuzzTest#csvReaderOnlyEverReportsUploadErrors}
 * (findings are written next to the seeds).
 */
class PositionReaderFuzzTest {

    private static final ReferenceData REFERENCE = PositionReaderTest.reference();
    private static final ReadRules RULES = new ReadRules(LocalDate.of(2026, 11, 20), 1 << 16, 200, 50);

    @FuzzTest(maxDuration = "60s")
    void csvReaderOnlyEverReportsUploadErrors(byte[] input) throws IOException {
        check(input);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void thousandsOfMutatedSeedsAllEndInAResultAndNeverInAnException() throws IOException {
        List<byte[]> seeds = seeds();
        Random random = new Random(20261121L);
        for (int round = 0; round < 5000; round++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            check(mutate(seed, random));
        }
    }

    static void check(byte[] input) throws IOException {
        List<Position> accepted = new ArrayList<>();
        ReadResult result = new PositionReader(REFERENCE).csv(new ByteArrayInputStream(input), RULES,
                (line, p) -> accepted.add(p));
        assertTrue(result.errorCount() >= result.errors().size(), "every kept error is counted");
        assertTrue(result.errors().size() <= RULES.maxReportedErrors(), "errors are capped");
        assertTrue(result.positions() <= RULES.maxRows(), "rows stop at the limit");
        for (UploadError e : result.errors()) {
            assertFalse(e.message() == null || e.message().isBlank(), "every error explains itself");
        }
        assertEquals(List.of(), PositionValidator.validate(accepted), "only valid positions reach the sink");
        if (result.valid()) {
            assertEquals(result.positions(), accepted.size(), "a valid file hands over every position");
            assertTrue(result.positions() > 0, "a valid file has positions");
        }
    }

    static List<byte[]> seeds() throws IOException {
        Path dir = Path.of("src/test/resources/org/marginconsult/portfolio/PositionReaderFuzzTestInputs/"
                + "csvReaderOnlyEverReportsUploadErrors");
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                out.add(Files.readAllBytes(f));
            }
        }
        try (InputStream in = PositionReaderFuzzTest.class.getResourceAsStream("/portfolio/sample-portfolio.csv")) {
            out.add(in.readAllBytes());
        }
        return out;
    }

    /** Flips, inserts, deletes or duplicates bytes, favouring the characters CSV cares about. */
    static byte[] mutate(byte[] seed, Random random) {
        byte[] special = "\",\r\n\u0000;\t-=@.eE+".getBytes(StandardCharsets.ISO_8859_1);
        List<Byte> bytes = new ArrayList<>(seed.length + 16);
        for (byte b : seed) {
            bytes.add(b);
        }
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits; i++) {
            int at = bytes.isEmpty() ? 0 : random.nextInt(bytes.size());
            byte value = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : special[random.nextInt(special.length)];
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (!bytes.isEmpty()) {
                        bytes.set(at, value);
                    }
                }
                case 1 -> bytes.add(at, value);
                case 2 -> {
                    if (!bytes.isEmpty()) {
                        bytes.remove(at);
                    }
                }
                default -> {
                    int length = Math.min(bytes.size() - at, 1 + random.nextInt(40));
                    List<Byte> copy = new ArrayList<>(bytes.subList(at, at + length));
                    bytes.addAll(random.nextInt(bytes.size() + 1), copy);
                }
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }
}
