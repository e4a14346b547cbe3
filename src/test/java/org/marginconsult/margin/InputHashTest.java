package org.marginconsult.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.support.MarginFixtures;

class InputHashTest {

    private record Params(String value) implements ParameterSet {
        @Override
        public VersionedId parameterSetId() {
            return new VersionedId("p", "1");
        }

        @Override
        public String canonicalForm() {
            return value;
        }
    }

    private static final VersionedId METHOD = new VersionedId("M", "1");

    private static List<Position> book() {
        return List.of(Position.equity("a", InstrumentType.STOCK, "AAPL", "100", "230.10"),
                Position.equity("b", InstrumentType.ETF, "SPY", "-5", "590"),
                Position.equity("c", InstrumentType.STOCK, "MSFT", "7", "410"));
    }

    @Test
    void theHashDoesNotDependOnPositionOrder() {
        List<Position> shuffled = new ArrayList<>(book());
        Collections.reverse(shuffled);
        assertEquals(InputHash.of(book(), METHOD, new Params("x"), MarginFixtures.context()),
                InputHash.of(shuffled, METHOD, new Params("x"), MarginFixtures.context()));
    }

    @Test
    void trailingZerosDoNotChangeTheHash() {
        List<Position> a = List.of(Position.equity("a", InstrumentType.STOCK, "AAPL", "100", "230.10"));
        List<Position> b = List.of(Position.equity("a", InstrumentType.STOCK, "AAPL", "100.0", "230.1"));
        assertEquals(InputHash.of(a, METHOD, new Params("x"), MarginFixtures.context()),
                InputHash.of(b, METHOD, new Params("x"), MarginFixtures.context()));
    }

    @Test
    void parametersQuantitiesAndDatesChangeTheHash() {
        String base = InputHash.of(book(), METHOD, new Params("x"), MarginFixtures.context());
        assertNotEquals(base, InputHash.of(book(), METHOD, new Params("y"), MarginFixtures.context()));
        assertNotEquals(base, InputHash.of(book().subList(0, 2), METHOD, new Params("x"), MarginFixtures.context()));
        assertNotEquals(base, InputHash.of(book(), METHOD, new Params("x"), new ValuationContext(
                MarginFixtures.AS_OF.plusDays(1), new Rates(0.04), MarginFixtures.referenceData())));
    }

    @Test
    void aLargeBookHashesAlikeInAnyOrderAndChangesWithAnyPosition() {
        List<Position> big = new ArrayList<>();
        for (int i = 0; i < 140_000; i++) {
            big.add(Position.equity("id" + i, InstrumentType.STOCK, "S" + (i % 977), String.valueOf(1 + i % 50),
                    "10." + (i % 100)));
        }
        List<Position> shuffled = new ArrayList<>(big);
        Collections.shuffle(shuffled, new java.util.Random(1));
        String hash = InputHash.of(big, METHOD, new Params("x"), MarginFixtures.context());
        assertEquals(hash, InputHash.of(shuffled, METHOD, new Params("x"), MarginFixtures.context()));
        shuffled.set(70_000, Position.equity("changed", InstrumentType.STOCK, "S1", "1", "10.1"));
        assertNotEquals(hash, InputHash.of(shuffled, METHOD, new Params("x"), MarginFixtures.context()));
    }

    @Test
    void identicalRowsAreCountedNotCollapsed() {
        Position a = Position.equity("a", InstrumentType.STOCK, "AAPL", "100", "230.10");
        assertNotEquals(InputHash.of(List.of(a), METHOD, new Params("x"), MarginFixtures.context()),
                InputHash.of(List.of(a, a), METHOD, new Params("x"), MarginFixtures.context()));
    }

    @Test
    void theDigestIsSha256OfUtf8() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", InputHash.sha256("abc"));
        assertEquals(sha256Reference("\u00e9\u20ac\uD83D\uDE00"), InputHash.sha256("\u00e9\u20ac\uD83D\uDE00"));
    }

    private static String sha256Reference(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
