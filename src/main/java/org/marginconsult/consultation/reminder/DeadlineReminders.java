package org.marginconsult.consultation.reminder;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.marginconsult.consultation.CommentPeriod;
import org.marginconsult.consultation.Consultation;
import org.marginconsult.consultation.DeadlineDisplay;
import org.marginconsult.consultation.LateCommentPolicy;
import org.marginconsult.security.AuditLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * E-mails the participants of every firm that has an unsubmitted draft on an open consultation, 7 days
 * and again 1 day before the period closes. Each reminder goes out once per recipient and closing
 * instant: a row in {@code reminder_sent} is inserted in the same transaction that sends the mail, so
 * a failed send is retried at the next run and a sent one is never repeated, even with several
 * instances running the schedule. An extension gives a new closing instant and so new reminders.
 */
@ApplicationScoped
public class DeadlineReminders {

    private static final Logger LOG = Logger.getLogger(DeadlineReminders.class);

    /** One reminder to write: a consultation, the closing instant it is about, and who gets it. */
    record Due(long consultationId, String title, Instant closesAt, ReminderKind kind, LateCommentPolicy policy,
            List<Recipient> recipients) {
    }

    record Recipient(String username, String email, String firm) {
    }

    @Inject
    Clock clock;

    @Inject
    Instance<UnsubmittedDrafts> drafts;

    @Inject
    Mailer mailer;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    ReminderConfig config;

    /**
     * Sends the reminders due at the application clock's current instant.
     *
     * @return how many e-mails were sent by this call
     */
    public int sendDue() {
        if (!drafts.isResolvable()) {
            LOG.debug("No UnsubmittedDrafts implementation: deadline reminders are off");
            return 0;
        }
        Instant now = clock.instant();
        List<Due> due = QuarkusTransaction.requiringNew().call(() -> findDue(now));
        int sent = 0;
        for (Due d : due) {
            for (Recipient r : d.recipients()) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> sendOnce(d, r, now))) {
                        sent++;
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Reminder %s for consultation %d to %s not sent; retried at the next run",
                            d.kind(), d.consultationId(), r.username());
                }
            }
        }
        return sent;
    }

    private List<Due> findDue(Instant now) {
        List<Due> due = new ArrayList<>();
        for (Consultation c : Consultation.<Consultation>listAll()) {
            CommentPeriod period = c.commentPeriod();
            if (!period.statusAt(now).acceptsComments()) {
                continue;
            }
            CommentPeriod.Window window = period.windowFor(now).orElseThrow();
            ReminderKind kind = ReminderKind.dueWith(Duration.between(now, window.endsAt()));
            if (kind == null) {
                continue;
            }
            Set<String> firms = drafts.get().firmsWithUnsubmittedDraft(c.id);
            List<Recipient> recipients = KnownUser.reachableIn(firms).stream()
                    .map(u -> new Recipient(u.username, u.email, u.firm)).toList();
            if (!recipients.isEmpty()) {
                due.add(new Due(c.id, c.title, window.closesAt(), kind, c.lateCommentPolicy, recipients));
            }
        }
        return due;
    }

    private boolean sendOnce(Due d, Recipient r, Instant now) {
        int claimed = em.createNativeQuery("insert into reminder_sent"
                        + " (consultation_id, kind, closes_at, username, email, firm, sent_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                        + " on conflict (consultation_id, kind, closes_at, username) do nothing")
                .setParameter(1, d.consultationId()).setParameter(2, d.kind().name()).setParameter(3, d.closesAt())
                .setParameter(4, r.username()).setParameter(5, r.email()).setParameter(6, r.firm())
                .setParameter(7, now)
                .executeUpdate();
        if (claimed == 0) {
            return false;
        }
        mailer.send(Mail.withText(r.email(), subject(d), body(d, r, now)));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", d.kind().name());
        after.put("username", r.username());
        after.put("firm", r.firm());
        after.put("closesAt", d.closesAt().toString());
        audit.record("REMINDER_SENT", "consultation", d.consultationId(), null, after,
                "Deadline reminder (" + d.kind().words() + ") to " + r.username());
        return true;
    }

    static String subject(Due d) {
        return "Reminder: comments on \"" + d.title() + "\" close in " + d.kind().words();
    }

    private String body(Due d, Recipient r, Instant now) {
        String base = config.publicUrl().replaceAll("/+$", "");
        return """
                Hello %s,

                Your firm (%s) has a draft comment on "%s" that has not been submitted.

                The comment period closes on %s (%s), in %s.
                %s

                The consultation: %s/consultations/%d
                Your firm's comments: %s/comments

                You receive this because you are a participant of %s in Margin Consult. Reminders are sent
                7 days and 1 day before a comment period closes, to firms with an unsubmitted draft.
                """.formatted(r.username(), r.firm(), d.title(),
                DeadlineDisplay.eastern(d.closesAt()), DeadlineDisplay.utc(d.closesAt()),
                DeadlineDisplay.remaining(now, d.closesAt().plusSeconds(1)),
                d.policy() == LateCommentPolicy.REJECT
                        ? "Comments submitted after that are refused."
                        : "Comments submitted after that are kept but marked late; the agencies need not consider them.",
                base, d.consultationId(), base, r.firm());
    }
}
