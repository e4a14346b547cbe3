package org.marginconsult.consultation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommentPeriodTest {

    private static final Instant OPENS = Instant.parse("2026-06-30T04:00:00Z");
    private static final Instant CLOSES = Instant.parse("2026-09-01T03:59:59Z");

    @Test
    void withoutEventsItIsADraftAtAnyInstant() {
        CommentPeriod period = CommentPeriod.of(List.of());

        assertEquals(ConsultationStatus.DRAFT, period.statusAt(Instant.parse("2026-08-01T00:00:00Z")));
        assertTrue(period.closesAt().isEmpty());
    }

    @Test
    void theStatusFollowsTheInstantAskedAbout() {
        CommentPeriod period = CommentPeriod.of(history(open()));

        assertEquals(ConsultationStatus.UPCOMING, period.statusAt(OPENS.minusSeconds(1)));
        assertEquals(ConsultationStatus.OPEN, period.statusAt(OPENS));
        assertEquals(ConsultationStatus.OPEN, period.statusAt(CLOSES.plusMillis(999)));
        assertEquals(ConsultationStatus.CLOSED, period.statusAt(CLOSES.plusSeconds(1)));
    }

    @Test
    void anExtensionReplacesTheCloseAndTheOriginalEventStaysInTheHistory() {
        PeriodEvent extension = event(PeriodEventType.EXTEND, null, Instant.parse("2026-10-01T03:59:59Z"));
        CommentPeriod period = CommentPeriod.of(history(open(), extension));

        assertEquals(Instant.parse("2026-10-01T03:59:59Z"), period.closesAt().orElseThrow());
        assertEquals(ConsultationStatus.OPEN, period.statusAt(CLOSES.plusSeconds(1)));
        assertEquals(1, period.windows().size());
        assertEquals(2, period.eventCount());
    }

    @Test
    void aReopeningAddsAWindowAndTheGapBeforeItIsClosed() {
        PeriodEvent reopening = event(PeriodEventType.REOPEN, Instant.parse("2026-10-05T04:00:00Z"),
                Instant.parse("2026-11-05T04:59:59Z"));
        CommentPeriod period = CommentPeriod.of(history(open(), reopening));

        assertEquals(ConsultationStatus.CLOSED, period.statusAt(Instant.parse("2026-09-15T12:00:00Z")));
        assertEquals(CLOSES, period.windowFor(Instant.parse("2026-09-15T12:00:00Z")).orElseThrow().closesAt());
        assertEquals(ConsultationStatus.REOPENED, period.statusAt(Instant.parse("2026-10-05T04:00:00Z")));
        assertEquals(ConsultationStatus.CLOSED, period.statusAt(Instant.parse("2026-11-05T05:00:00Z")));
        assertEquals(OPENS, period.opensAt().orElseThrow(), "the period first opened with the original window");
    }

    @Test
    void aCorrectionOfThePublicationDateMovesTheOpeningOfTheCurrentWindow() {
        PeriodEvent correction = event(PeriodEventType.CORRECTION, Instant.parse("2026-07-01T04:00:00Z"), CLOSES);
        correction.publishedOn = LocalDate.of(2026, 7, 1);
        CommentPeriod period = CommentPeriod.of(history(open(), correction));

        assertEquals(ConsultationStatus.UPCOMING, period.statusAt(Instant.parse("2026-06-30T12:00:00Z")));
        assertEquals(LocalDate.of(2026, 7, 1), period.publishedOn().orElseThrow());
        assertEquals(60, period.periodDays().orElseThrow(), "the period length stays when only the date is corrected");
    }

    @Test
    void aChangeBeforeTheOpeningEventIsAnInconsistentHistory() {
        assertThrows(IllegalStateException.class,
                () -> CommentPeriod.of(history(event(PeriodEventType.EXTEND, null, CLOSES))));
    }

    private static PeriodEvent open() {
        PeriodEvent e = event(PeriodEventType.OPEN, OPENS, CLOSES);
        e.publishedOn = LocalDate.of(2026, 6, 30);
        e.periodDays = 60;
        return e;
    }

    private static PeriodEvent event(PeriodEventType type, Instant opensAt, Instant closesAt) {
        PeriodEvent e = new PeriodEvent();
        e.type = type;
        e.opensAt = opensAt;
        e.closesAt = closesAt;
        return e;
    }

    private static List<PeriodEvent> history(PeriodEvent... events) {
        List<PeriodEvent> list = new ArrayList<>(List.of(events));
        for (int i = 0; i < list.size(); i++) {
            list.get(i).seq = i + 1;
        }
        return list;
    }
}
