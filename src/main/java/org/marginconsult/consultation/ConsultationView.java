package org.marginconsult.consultation;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A consultation as the public API and pages show it: {@code GET /api/v1/consultations/{id}}.
 * Instants are ISO-8601 in UTC; {@code status} is derived from the server clock at the time of the
 * request. The same records, read back, are the body of the administrators' create and update calls.
 */
public record ConsultationView(
        long id,
        String slug,
        String title,
        String summary,
        List<Agency> agencies,
        Identifiers identifiers,
        CommentPeriodView commentPeriod,
        List<SectionView> sections,
        List<ProposalView> proposals) {

    /** How each agency and the Federal Register identify the request; null where not applicable. */
    public record Identifiers(Sec sec, Cftc cftc, FederalRegister federalRegister, String noticeUrl) {
    }

    /** SEC file number (e.g. {@code S7-15-20}), release number ({@code 34-90246}), RIN ({@code 3235-AM64}). */
    public record Sec(String fileNumber, String releaseNumber, String rin) {
    }

    /** CFTC Regulation Identifier Number (e.g. {@code 3038-AF07}). */
    public record Cftc(String rin) {
    }

    /** Federal Register document number ({@code 2020-23928}) and citation ({@code 85 FR 70536}). */
    public record FederalRegister(String documentNumber, String citation) {
    }

    /**
     * The comment period now: publication date, opening and current closing instant (after every
     * extension, reopening and correction), status at the time of the request, late-comment policy,
     * and the full history of events.
     */
    public record CommentPeriodView(
            LocalDate publishedOn,
            Integer periodDays,
            Instant opensAt,
            Instant closesAt,
            ConsultationStatus status,
            LateCommentPolicy lateCommentPolicy,
            List<EventView> events) {
    }

    /** One event of the period's history; who recorded it is shown to administrators only. */
    public record EventView(
            int seq,
            PeriodEventType type,
            String citation,
            Instant opensAt,
            Instant closesAt,
            Instant previousClosesAt,
            String reason,
            String overrideReason,
            @JsonInclude(JsonInclude.Include.NON_NULL) String recordedBy,
            Instant recordedAt) {
    }

    /** A section of questions; {@code id} is stable, {@code number} is the display number. */
    public record SectionView(String id, String number, String title, List<QuestionView> questions) {
    }

    /** A question; {@code id} is stable across renumbering, {@code number} is what the notice prints. */
    public record QuestionView(String id, String number, String text, boolean provisional, List<PartView> parts) {
    }

    /** A lettered sub-part of a question. */
    public record PartView(String label, String text) {
    }

    /** A cross-margin proposal under consultation, by its parameter document id. */
    public record ProposalView(String id, String title) {
    }

    /** The summary split into paragraphs at blank lines, for pages. */
    public List<String> summaryParagraphs() {
        return java.util.Arrays.stream(summary.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** "Securities and Exchange Commission and Commodity Futures Trading Commission". */
    public String agencyNames() {
        return String.join(" and ", agencies.stream().map(Agency::fullName).toList());
    }

    public boolean hasProvisionalQuestions() {
        return sections.stream().flatMap(s -> s.questions().stream()).anyMatch(QuestionView::provisional);
    }

    public int questionCount() {
        return sections.stream().mapToInt(s -> s.questions().size()).sum();
    }
}
