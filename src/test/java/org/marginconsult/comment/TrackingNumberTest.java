package org.marginconsult.comment;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackingNumberTest {

    @Test
    void aNumberReadsAsPrefixYearTwoGroupsAndACheckCharacter() {
        TrackingNumber n = TrackingNumber.of(2026, "7Q4MX2KD");
        assertTrue(n.toString().matches("MC-2026-7Q4M-X2KD-[0-9A-Z*~$=]"), n.toString());
        assertEquals(n, TrackingNumber.parse(n.toString()).orElseThrow());
    }

    @Test
    void theCheckIsTheValueModulo37() {
        // year * 32^8 + body, with a body of zeros: only the year contributes.
        long value = 2026L * (1L << 40);
        char expected = TrackingNumber.CHECK_SYMBOLS.charAt((int) (value % 37));
        assertEquals(expected, TrackingNumber.of(2026, "00000000").check());
    }

    @Test
    void typedVariantsAreReadTheSameWay() {
        TrackingNumber n = TrackingNumber.of(2026, "10A0B1CD");
        String body = n.body().replace('0', 'o').replace('1', 'l').toLowerCase();
        String typed = "mc 2026 " + body.substring(0, 4) + " " + body.substring(4) + " " + Character.toLowerCase(n.check());
        assertEquals(n, TrackingNumber.parse(typed).orElseThrow());
    }

    @Test
    void everySingleCharacterMistakeIsCaught() {
        TrackingNumber n = TrackingNumber.random(2026);
        String body = n.body();
        for (int i = 0; i < body.length(); i++) {
            for (char c : TrackingNumber.ALPHABET.toCharArray()) {
                if (c == body.charAt(i)) {
                    continue;
                }
                String wrong = body.substring(0, i) + c + body.substring(i + 1);
                assertFalse(TrackingNumber.parse("MC-2026-" + wrong + "-" + n.check()).isPresent(), wrong);
            }
        }
    }

    @Test
    void everySwapOfNeighbouringCharactersIsCaught() {
        for (int round = 0; round < 200; round++) {
            TrackingNumber n = TrackingNumber.random(2026);
            String body = n.body();
            for (int i = 0; i + 1 < body.length(); i++) {
                if (body.charAt(i) == body.charAt(i + 1)) {
                    continue;
                }
                String swapped = body.substring(0, i) + body.charAt(i + 1) + body.charAt(i) + body.substring(i + 2);
                assertFalse(TrackingNumber.parse("MC-2026-" + swapped + "-" + n.check()).isPresent(), swapped);
            }
        }
    }

    @Test
    void randomNumbersDoNotRepeatInPractice() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(TrackingNumber.random(2026).toString()));
        }
    }

    @Test
    void malformedInputIsRefused() {
        assertFalse(TrackingNumber.parse(null).isPresent());
        assertFalse(TrackingNumber.parse("MC-2026-ABC").isPresent());
        assertFalse(TrackingNumber.parse("XX-2026-7Q4M-X2KD-5").isPresent());
        assertThrows(IllegalArgumentException.class, () -> TrackingNumber.of(2026, "UUUUUUUU"));
    }
}
