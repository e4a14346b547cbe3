package org.marginconsult.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.marginconsult.consultation.ConsultationView.Cftc;
import org.marginconsult.consultation.ConsultationView.CommentPeriodView;
import org.marginconsult.consultation.ConsultationView.EventView;
import org.marginconsult.consultation.ConsultationView.FederalRegister;
import org.marginconsult.consultation.ConsultationView.Identifiers;
import org.marginconsult.consultation.ConsultationView.ProposalView;
import org.marginconsult.consultation.ConsultationView.Sec;
import org.marginconsult.security.AuditEvent;
import org.marginconsult.security.AuditLog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Creates, edits and reads consultations; the comment period's changes are {@link CommentPeriodService}'s. */
@ApplicationScoped
public class ConsultationService {

    /** Who reads: the public sees published consultations only, and not who recorded each event. */
    public enum Audience { PUBLIC, ADMIN }

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern SEC_FILE_NUMBER = Pattern.compile("S7-(\\d{1,3}-\\d{2}|\\d{4}-\\d{2,3})");
    static final Pattern RELEASE_NUMBER = Pattern.compile("[A-Z0-9]{2,4}-\\d{3,6}");
    static final Pattern RIN = Pattern.compile("\\d{4}-[A-Z]{2}\\d{2}");
    static final Pattern FR_DOCUMENT_NUMBER = Pattern.compile("[A-Z]?\\d{1,4}-\\d{3,6}");
    static final Pattern FR_CITATION = Pattern.compile("\\d{1,3} FR \\d{1,6}");
    static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    static final Pattern PROPOSAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MAX_PROPOSALS = 20;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    QuestionService questions;

    @Transactional
    public ConsultationView create(ConsultationInput in) {
        Consultation c = new Consultation();
        Validation v = new Validation();
        c.slug = checkNewSlug(in.slug(), v);
        copy(in, c, v);
        v.throwIfAny();
        Instant now = clock.instant();
        c.createdAt = now;
        c.updatedAt = now;
        c.persist();
        audit.record("CONSULTATION_CREATE", "consultation", c.id, null, details(c), "Created " + c.slug);
        return view(c, Audience.ADMIN);
    }

    /**
     * Every problem {@link #create} (or, with {@code creating} false, {@link #update}) would find in
     * {@code in}, without writing anything: lets a form report all its errors at once, even when some
     * fields could not be parsed.
     */
    @Transactional
    public Map<String, String> problems(ConsultationInput in, boolean creating) {
        Validation v = new Validation();
        Consultation scratch = new Consultation();
        if (creating) {
            checkNewSlug(in.slug(), v);
        } else {
            v.text("reason", in.reason(), true, 2000);
        }
        copy(in, scratch, v);
        return v.errors();
    }

    private static String checkNewSlug(String value, Validation v) {
        String slug = v.matching("slug", value, true, 80, SLUG, "lower-case words joined by '-', e.g. sec-cftc-2026-portfolio-margining");
        if (slug != null && !v.has("slug") && Consultation.findBySlug(slug).isPresent()) {
            v.error("slug", "Another consultation already uses " + slug + ".");
        }
        return slug;
    }

    /** Edits the descriptive fields, the late-comment policy and the proposals; the slug stays. */
    @Transactional
    public ConsultationView update(long id, ConsultationInput in) {
        Consultation c = require(id, LockModeType.PESSIMISTIC_WRITE);
        Validation v = new Validation();
        String reason = v.text("reason", in.reason(), true, 2000);
        if (in.version() == null) {
            v.error("version", "Required: the version you edited, so that a concurrent change is not overwritten.");
        }
        ConsultationInput before = details(c);
        copy(in, c, v);
        v.throwIfAny();
        if (in.version() != c.version) {
            throw new PeriodConflictException(lastChange(c) + " Reload the form to see the current values.");
        }
        if (before.equals(details(c))) {
            throw InvalidInputException.of("title", "Nothing changed: every field has its current value.");
        }
        c.updatedAt = clock.instant();
        audit.record("CONSULTATION_UPDATE", "consultation", c.id, before, details(c), reason);
        return view(c, Audience.ADMIN);
    }

    @Transactional
    public List<ConsultationView> list(Audience audience) {
        Instant now = clock.instant();
        List<Consultation> all = Consultation.list("order by id");
        return all.stream()
                .filter(c -> audience == Audience.ADMIN || !c.events.isEmpty())
                .sorted(listOrder(now))
                .map(c -> view(c, audience))
                .toList();
    }

    /** @throws NotFoundException if there is no such consultation, or it is a draft and the reader is the public */
    @Transactional
    public ConsultationView view(long id, Audience audience) {
        Consultation c = require(id, LockModeType.NONE);
        if (audience == Audience.PUBLIC && c.events.isEmpty()) {
            throw new NotFoundException("No published consultation " + id);
        }
        return view(c, audience);
    }

    /** The editable fields as they are now: what the edit form starts from. */
    @Transactional
    public ConsultationInput currentInput(long id) {
        Consultation c = require(id, LockModeType.NONE);
        ConsultationInput d = details(c);
        return new ConsultationInput(d.slug(), d.title(), d.summary(), d.agencies(), d.identifiers(), d.publishedOn(),
                d.periodDays(), d.lateCommentPolicy(), d.proposals(), c.version, null);
    }

    static Consultation require(long id, LockModeType lock) {
        Consultation c = lock == LockModeType.NONE ? Consultation.findById(id) : Consultation.findById(id, lock);
        if (c == null) {
            throw new NotFoundException("No consultation " + id);
        }
        return c;
    }

    /** Open and reopened first (closing soonest first), then upcoming (opening soonest first), then closed (latest first), then drafts. */
    private static Comparator<Consultation> listOrder(Instant now) {
        return Comparator.<Consultation>comparingInt(c -> rank(c.commentPeriod().statusAt(now)))
                .thenComparingLong(c -> {
                    CommentPeriod p = c.commentPeriod();
                    return switch (p.statusAt(now)) {
                        case OPEN, REOPENED -> p.closesAt().orElseThrow().getEpochSecond();
                        case UPCOMING -> p.opensAt().orElseThrow().getEpochSecond();
                        case CLOSED -> -p.closesAt().orElseThrow().getEpochSecond();
                        case DRAFT -> -c.id;
                    };
                });
    }

    private static int rank(ConsultationStatus status) {
        return switch (status) {
            case OPEN, REOPENED -> 0;
            case UPCOMING -> 1;
            case CLOSED -> 2;
            case DRAFT -> 3;
        };
    }

    ConsultationView view(Consultation c, Audience audience) {
        Instant now = clock.instant();
        CommentPeriod period = c.commentPeriod();
        List<EventView> events = c.events.stream()
                .map(e -> new EventView(e.seq, e.type, e.frCitation, e.opensAt, e.closesAt, e.previousClosesAt,
                        e.reason, e.overrideReason, audience == Audience.ADMIN ? e.recordedBy : null, e.recordedAt))
                .toList();
        CommentPeriodView periodView = new CommentPeriodView(
                period.publishedOn().orElse(c.publishedOn),
                period.periodDays().orElse(c.periodDays),
                period.opensAt().orElse(null),
                period.closesAt().orElse(null),
                period.statusAt(now),
                c.lateCommentPolicy,
                events);
        return new ConsultationView(c.id, c.slug, c.title, c.summary, List.copyOf(c.agencies()), identifiers(c),
                periodView, questions.activeTree(c.id),
                c.proposals.stream().map(p -> new ProposalView(p.proposalId, p.title)).toList());
    }

    private static Identifiers identifiers(Consultation c) {
        Sec sec = c.agencySec ? new Sec(c.secFileNumber, c.secReleaseNumber, c.secRin) : null;
        Cftc cftc = c.agencyCftc ? new Cftc(c.cftcRin) : null;
        return new Identifiers(sec, cftc, new FederalRegister(c.frDocumentNumber, c.frCitation), c.noticeUrl);
    }

    private static ConsultationInput details(Consultation c) {
        return new ConsultationInput(c.slug, c.title, c.summary, List.copyOf(c.agencies()), identifiers(c),
                c.publishedOn, c.periodDays, c.lateCommentPolicy,
                c.proposals.stream().map(p -> new ProposalView(p.proposalId, p.title)).toList(), null, null);
    }

    private String lastChange(Consultation c) {
        List<AuditEvent> history = audit.forEntity("consultation", String.valueOf(c.id));
        return history.stream()
                .filter(e -> e.action.startsWith("CONSULTATION_"))
                .reduce((first, second) -> second)
                .map(e -> "This consultation was changed by " + e.actor + " at " + DeadlineDisplay.eastern(e.occurredAt)
                        + " after you opened the form.")
                .orElse("This consultation was changed after you opened the form.");
    }

    private static void copy(ConsultationInput in, Consultation c, Validation v) {
        c.title = v.text("title", in.title(), true, 300);
        c.summary = v.text("summary", in.summary(), true, 20_000);
        List<Agency> agencies = in.agencies() == null ? List.of() : in.agencies();
        if (agencies.isEmpty() || agencies.stream().anyMatch(java.util.Objects::isNull)) {
            v.error("agencies", "Choose the SEC, the CFTC or both.");
        }
        c.agencySec = agencies.contains(Agency.SEC);
        c.agencyCftc = agencies.contains(Agency.CFTC);

        Identifiers ids = in.identifiers() == null ? new Identifiers(null, null, null, null) : in.identifiers();
        Sec sec = ids.sec() == null ? new Sec(null, null, null) : ids.sec();
        Cftc cftc = ids.cftc() == null ? new Cftc(null) : ids.cftc();
        FederalRegister fr = ids.federalRegister() == null ? new FederalRegister(null, null) : ids.federalRegister();
        c.secFileNumber = v.matching("secFileNumber", sec.fileNumber(), false, 40, SEC_FILE_NUMBER, "an SEC file number such as S7-15-20 or S7-2026-01");
        c.secReleaseNumber = v.matching("secReleaseNumber", sec.releaseNumber(), false, 60, RELEASE_NUMBER, "a release number such as 34-90246");
        c.secRin = v.matching("secRin", sec.rin(), false, 20, RIN, "a RIN such as 3235-AM64");
        c.cftcRin = v.matching("cftcRin", cftc.rin(), false, 20, RIN, "a RIN such as 3038-AF07");
        c.frDocumentNumber = v.matching("frDocumentNumber", fr.documentNumber(), false, 40, FR_DOCUMENT_NUMBER, "a Federal Register document number such as 2020-23928");
        c.frCitation = v.matching("frCitation", fr.citation(), false, 60, FR_CITATION, "a citation such as 85 FR 70536");
        c.noticeUrl = v.matching("noticeUrl", ids.noticeUrl(), false, 500, URL, "an http(s) address");
        if (!c.agencySec && (c.secFileNumber != null || c.secReleaseNumber != null || c.secRin != null)) {
            v.error("secFileNumber", "SEC identifiers are given but the SEC is not an agency of this consultation.");
        }
        if (!c.agencyCftc && c.cftcRin != null) {
            v.error("cftcRin", "A CFTC RIN is given but the CFTC is not an agency of this consultation.");
        }

        // Once published, the publication date and period length are the period's: changed by a correction only.
        if (c.events.isEmpty()) {
            c.publishedOn = in.publishedOn();
            int days = in.periodDays() == null ? 60 : in.periodDays();
            if (days < 1 || days > CommentPeriodCalculator.MAX_PERIOD_DAYS) {
                v.error("periodDays", "A comment period lasts from 1 to " + CommentPeriodCalculator.MAX_PERIOD_DAYS + " days.");
            }
            c.periodDays = days;
        }
        c.lateCommentPolicy = in.lateCommentPolicy() == null ? LateCommentPolicy.REJECT : in.lateCommentPolicy();

        List<ProposalView> proposals = in.proposals() == null ? List.of() : in.proposals();
        if (proposals.size() > MAX_PROPOSALS) {
            v.error("proposals", "At most " + MAX_PROPOSALS + " proposals.");
        }
        List<ProposalRef> refs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < proposals.size(); i++) {
            ProposalView p = proposals.get(i);
            String at = "proposals";
            String pid = p == null ? null : p.id() == null ? null : p.id().strip();
            String title = p == null || p.title() == null ? null : p.title().strip();
            if (pid == null || !PROPOSAL_ID.matcher(pid).matches()) {
                v.error(at, "Proposal " + (i + 1) + ": the id must be letters, digits, '.', '_' or '-' (e.g. B-80pct-capped).");
            } else if (!seen.add(pid)) {
                v.error(at, "Proposal " + pid + " is listed twice.");
            }
            if (title == null || title.isEmpty() || title.length() > 300) {
                v.error(at, "Proposal " + (i + 1) + ": a title of 1 to 300 characters is required.");
            }
            refs.add(new ProposalRef(pid, title));
        }
        if (!c.proposals.equals(refs)) {
            c.proposals.clear();
            c.proposals.addAll(refs);
        }
    }
}
