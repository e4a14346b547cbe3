package org.marginconsult.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.marginconsult.consultation.Agency;
import org.marginconsult.consultation.CommentAcceptance;
import org.marginconsult.consultation.CommentDeadline;
import org.marginconsult.consultation.Consultation;
import org.marginconsult.consultation.ConsultationStatus;
import org.marginconsult.consultation.Question;
import org.marginconsult.consultation.QuestionPart;
import org.marginconsult.consultation.QuestionSection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the comment feature needs to know about consultations, in one place: the questions to answer,
 * each agency's identifiers, which consultations are open, and the deadline check.
 */
@ApplicationScoped
public class ConsultationFacts {

    /** A question as a comment shows it: stable key, display number, section, text with its parts. */
    public record QuestionRef(String key, String number, String sectionNumber, String sectionTitle, String text) {
    }

    /** One identifier of the consultation at one agency, e.g. SEC "File No." S7-2026-01. */
    @io.quarkus.qute.TemplateData
    public record Identifier(String agency, String label, String value) {
    }

    /** A consultation a participant may start a comment on. */
    public record OpenConsultation(long id, String title, Instant closesAt) {
    }

    @Inject
    CommentDeadline deadline;

    @Inject
    Clock clock;

    public Consultation require(long consultationId) {
        Consultation c = Consultation.findById(consultationId);
        if (c == null) {
            throw new NotFoundException("No consultation " + consultationId);
        }
        return c;
    }

    public String title(long consultationId) {
        return require(consultationId).title;
    }

    public Set<Agency> agencies(long consultationId) {
        return require(consultationId).agencies();
    }

    /** The questions still in force, in the notice's order. */
    public List<QuestionRef> questions(long consultationId) {
        List<QuestionRef> refs = new ArrayList<>();
        for (QuestionSection section : QuestionSection.ofConsultation(consultationId)) {
            if (section.withdrawn) {
                continue;
            }
            for (Question q : section.questions) {
                if (q.withdrawn) {
                    continue;
                }
                StringBuilder text = new StringBuilder(q.text);
                for (QuestionPart part : q.parts) {
                    text.append("\n(").append(part.label).append(") ").append(part.text);
                }
                refs.add(new QuestionRef(q.key, q.number, section.number, section.title, text.toString()));
            }
        }
        return refs;
    }

    /** The identifiers of the agencies filed with, SEC first. */
    public List<Identifier> identifiers(long consultationId, Set<Agency> filedWith) {
        Consultation c = require(consultationId);
        List<Identifier> ids = new ArrayList<>();
        if (filedWith.contains(Agency.SEC)) {
            add(ids, "SEC", "File No.", c.secFileNumber);
            add(ids, "SEC", "Release No.", c.secReleaseNumber);
            add(ids, "SEC", "RIN", c.secRin);
        }
        if (filedWith.contains(Agency.CFTC)) {
            add(ids, "CFTC", "RIN", c.cftcRin);
        }
        add(ids, "Federal Register", "Citation", c.frCitation);
        add(ids, "Federal Register", "Document No.", c.frDocumentNumber);
        return ids;
    }

    private static void add(List<Identifier> ids, String agency, String label, String value) {
        if (value != null && !value.isBlank()) {
            ids.add(new Identifier(agency, label, value));
        }
    }

    /** Consultations accepting comments now, soonest closing first. */
    @Transactional
    public List<OpenConsultation> openNow() {
        Instant now = clock.instant();
        List<OpenConsultation> open = new ArrayList<>();
        for (Consultation c : Consultation.<Consultation>listAll()) {
            var period = c.commentPeriod();
            ConsultationStatus status = period.statusAt(now);
            if (status == ConsultationStatus.OPEN || status == ConsultationStatus.REOPENED) {
                Instant closesAt = period.windowFor(now).map(w -> w.closesAt()).orElse(null);
                open.add(new OpenConsultation(c.id, c.title, closesAt));
            }
        }
        open.sort((a, b) -> a.closesAt() == null ? 1 : b.closesAt() == null ? -1 : a.closesAt().compareTo(b.closesAt()));
        return open;
    }

    /** The deadline check, inside the caller's (submitting) transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CommentAcceptance acceptanceAt(long consultationId, Instant receivedAt) {
        return deadline.acceptanceAt(consultationId, receivedAt);
    }
}
