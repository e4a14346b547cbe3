package org.marginconsult.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.marginconsult.security.AuditEvent;
import org.marginconsult.security.AuditLog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes comment periods: publish, extend, reopen, close early, correct. Each change is first worked
 * out as a {@link PeriodPlan} (what the confirmation step shows), then recorded as a new
 * {@link PeriodEvent} and an audit entry in one transaction. The consultation row is locked for the
 * change, so a change and a comment being received ({@link CommentDeadline}) never interleave.
 */
@ApplicationScoped
public class CommentPeriodService {

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** What the change would do now; nothing is written. */
    @Transactional
    public PeriodPlan preview(long consultationId, PeriodAction action, PeriodRequest request) {
        Consultation c = ConsultationService.require(consultationId, LockModeType.NONE);
        return PeriodChangePlanner.plan(c.events, c.periodDays, action, request, clock.instant());
    }

    /**
     * Records the change. Refused with 409 if the period's state does not allow it, or if
     * {@code request.expectedEventCount()} is given and the period changed since the preview.
     */
    @Transactional
    public PeriodEvent apply(long consultationId, PeriodAction action, PeriodRequest request) {
        Consultation c = ConsultationService.require(consultationId, LockModeType.PESSIMISTIC_WRITE);
        if (request.expectedEventCount() != null && request.expectedEventCount() != c.events.size()) {
            throw new PeriodConflictException("The comment period changed since your preview (it now has "
                    + c.events.size() + " events, you saw " + request.expectedEventCount() + "). Review the change again.");
        }
        Instant now = clock.instant();
        CommentPeriod before = c.commentPeriod();
        PeriodPlan plan = PeriodChangePlanner.plan(c.events, c.periodDays, action, request, now);

        PeriodEvent event = new PeriodEvent();
        event.consultation = c;
        event.seq = c.events.size() + 1;
        event.type = action.eventType();
        event.frCitation = plan.citation();
        event.reason = plan.reason();
        event.opensAt = plan.opensAt();
        event.closesAt = plan.closesAt();
        event.previousClosesAt = plan.previousClosesAt();
        event.publishedOn = plan.publishedOn();
        event.periodDays = plan.periodDays();
        event.computedClosesAt = plan.computed() == null ? null : plan.computed().closesAt();
        event.overrideReason = plan.overrideReason();
        List<PeriodEvent> history = new ArrayList<>(c.events);
        history.add(event);
        CommentPeriod after = CommentPeriod.of(history);
        if (action == PeriodAction.PUBLISH) {
            c.publishedOn = plan.publishedOn();
            c.periodDays = plan.periodDays();
            c.updatedAt = now;
        }

        // The audit entry and the event share who and when.
        AuditEvent entry = audit.record("PERIOD_" + event.type.name(), "consultation", c.id,
                snapshot(before, now), withEvent(snapshot(after, now), event),
                plan.citation() + ": " + plan.reason()
                        + (plan.overrideReason() == null ? "" : " [override: " + plan.overrideReason() + "]"));
        event.recordedBy = entry.actor;
        event.recordedAt = entry.occurredAt;
        event.persist();
        c.events.add(event);
        return event;
    }

    private static Map<String, Object> snapshot(CommentPeriod period, Instant now) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", period.statusAt(now).code());
        state.put("publishedOn", period.publishedOn().map(Object::toString).orElse(null));
        state.put("opensAt", period.opensAt().map(Instant::toString).orElse(null));
        state.put("closesAt", period.closesAt().map(Instant::toString).orElse(null));
        state.put("windows", period.windows().size());
        state.put("events", period.eventCount());
        return state;
    }

    private static Map<String, Object> withEvent(Map<String, Object> state, PeriodEvent e) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("seq", e.seq);
        event.put("type", e.type.name());
        event.put("citation", e.frCitation);
        event.put("reason", e.reason);
        event.put("opensAt", e.opensAt == null ? null : e.opensAt.toString());
        event.put("closesAt", e.closesAt.toString());
        event.put("previousClosesAt", e.previousClosesAt == null ? null : e.previousClosesAt.toString());
        event.put("computedClosesAt", e.computedClosesAt == null ? null : e.computedClosesAt.toString());
        event.put("overrideReason", e.overrideReason);
        state.put("event", event);
        return state;
    }
}
