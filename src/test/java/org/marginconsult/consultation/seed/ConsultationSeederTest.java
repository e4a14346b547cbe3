package org.marginconsult.consultation.seed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.marginconsult.consultation.Consultation;
import org.marginconsult.security.AuditEvent;
import org.marginconsult.security.AuditLog;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ConsultationSeederTest {

    @Inject
    ConsultationSeeder seeder;

    @Inject
    AuditLog audit;

    @Test
    void theSeedIsRecordedThroughTheServicesAndAuditedAsTheSystem() {
        long id = idOf(ConsultationSeeder.SLUG_2026);

        List<AuditEvent> trail = audit.forEntity("consultation", String.valueOf(id));

        assertEquals(List.of("CONSULTATION_CREATE", "PERIOD_OPEN", "QUESTIONS_IMPORT"),
                trail.stream().map(e -> e.action).toList());
        assertTrue(trail.stream().allMatch(e -> e.actor.equals(AuditLog.SYSTEM_ACTOR)));
    }

    @Test
    void startingAgainSeedsNothingTwiceAndChangesNothing() {
        long id2026 = idOf(ConsultationSeeder.SLUG_2026);
        long id2020 = idOf(ConsultationSeeder.SLUG_2020);
        int before2026 = audit.forEntity("consultation", String.valueOf(id2026)).size();
        int before2020 = audit.forEntity("consultation", String.valueOf(id2020)).size();
        long consultations = QuarkusTransaction.requiringNew().call(() -> Consultation.count());

        seeder.onStart(null);

        assertEquals(consultations, (long) QuarkusTransaction.requiringNew().call(() -> Consultation.count()));
        assertEquals(before2026, audit.forEntity("consultation", String.valueOf(id2026)).size());
        assertEquals(before2020, audit.forEntity("consultation", String.valueOf(id2020)).size());
    }

    private static long idOf(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Consultation.findBySlug(slug).orElseThrow().id);
    }
}
