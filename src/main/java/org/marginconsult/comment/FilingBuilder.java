package org.marginconsult.comment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.marginconsult.consultation.Agency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the two versions of a filing from a draft, and writes and reads their canonical JSON. The
 * canonical form is compact JSON with record components in declaration order and no indentation, UTF-8
 * encoded; its SHA-256, in lower-case hex, is the hash a receipt states.
 */
@ApplicationScoped
public class FilingBuilder {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Inject
    ConsultationFacts consultations;

    @Inject
    Instance<ImpactSummaries> impact;

    /** The stamp a filing carries once received; a preview has none yet. */
    public record Stamp(String trackingNumber, Instant receivedAt, boolean late, Instant closesAt, String supplementOf) {
        static final Stamp PREVIEW = new Stamp(null, null, false, null, null);
    }

    public Filing build(CommentDraft d, List<Attachment> files, String edition, Stamp stamp) {
        boolean full = Filing.FULL.equals(edition);
        String org = d.organization == null ? "" : d.organization;
        Map<String, ConsultationFacts.QuestionRef> questions = consultations.questions(d.consultationId).stream()
                .collect(Collectors.toMap(ConsultationFacts.QuestionRef::key, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
        List<Filing.FiledAnswer> answers = new ArrayList<>();
        // In the notice's order; answers to questions since withdrawn come last, by key.
        List<Answer> ordered = new ArrayList<>(d.answers);
        List<String> order = new ArrayList<>(questions.keySet());
        ordered.sort((a, b) -> {
            int ia = order.indexOf(a.questionKey);
            int ib = order.indexOf(b.questionKey);
            if (ia < 0 && ib < 0) {
                return a.questionKey.compareTo(b.questionKey);
            }
            return ia < 0 ? 1 : ib < 0 ? -1 : Integer.compare(ia, ib);
        });
        for (Answer a : ordered) {
            if (a.body == null || a.body.isBlank()) {
                continue;
            }
            ConsultationFacts.QuestionRef q = questions.get(a.questionKey);
            boolean withheld = a.confidential && !full;
            List<ImpactSummaries.Table> tables = withheld ? List.of() : tables(d, a.questionKey);
            answers.add(new Filing.FiledAnswer(a.questionKey, q == null ? a.questionKey : q.number(),
                    q == null ? "" : q.sectionNumber() + ". " + q.sectionTitle(), q == null ? "" : q.text(),
                    withheld ? Filing.placeholder(org) : a.body, a.confidential, full ? a.grounds : null, withheld, tables));
        }
        List<Filing.FiledAttachment> attachments = new ArrayList<>();
        int position = 1;
        for (Attachment f : files) {
            boolean withheld = f.confidential && !full;
            attachments.add(withheld
                    ? new Filing.FiledAttachment(position++, Filing.placeholder(org), null, 0, null, true, null, true)
                    : new Filing.FiledAttachment(position++, f.fileName, f.kind.name(), f.sizeBytes, f.sha256,
                            f.confidential, full ? f.grounds : null, false));
        }
        Set<Agency> agencies = EnumSet.noneOf(Agency.class);
        if (d.fileWithSec) {
            agencies.add(Agency.SEC);
        }
        if (d.fileWithCftc) {
            agencies.add(Agency.CFTC);
        }
        var submitter = new Filing.Submitter(org, d.category == null ? null : d.category.name(),
                d.category == null ? null : d.category.label(),
                full ? d.contactName : null, full ? d.contactEmail : null, full ? d.contactPhone : null);
        var consultation = consultations.require(d.consultationId);
        Filing filing = new Filing(Filing.FORMAT, edition, stamp.trackingNumber(),
                stamp.receivedAt() == null ? null : stamp.receivedAt().toString(), stamp.late(),
                stamp.closesAt() == null ? null : stamp.closesAt().toString(), stamp.supplementOf(),
                d.consultationId, consultation.title, consultations.identifiers(d.consultationId, agencies),
                agencies.stream().map(Enum::name).toList(), submitter, d.coverLetter == null ? "" : d.coverLetter,
                answers, attachments, null);
        return withLegend(filing, full && filing.hasConfidentialParts() ? Filing.legend(org) : null);
    }

    private static Filing withLegend(Filing f, String legend) {
        return new Filing(f.format(), f.edition(), f.trackingNumber(), f.receivedAt(), f.late(), f.closesAt(),
                f.supplementOf(), f.consultationId(), f.consultationTitle(), f.identifiers(), f.agencies(),
                f.submitter(), f.coverLetter(), f.answers(), f.attachments(), legend);
    }

    private List<ImpactSummaries.Table> tables(CommentDraft d, String questionKey) {
        List<ImpactSummaries.Table> tables = new ArrayList<>();
        for (ImpactLink link : d.impactLinks) {
            if (link.questionKey.equals(questionKey) && impact.isResolvable()) {
                impact.get().find(link.summaryId, d.firm).ifPresent(tables::add);
            }
        }
        tables.sort((a, b) -> Long.compare(a.id(), b.id()));
        return tables;
    }

    public static String canonicalJson(Filing filing) {
        try {
            return CANONICAL.writeValueAsString(filing);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A filing is always serialisable", e);
        }
    }

    public static Filing read(String json) {
        try {
            return CANONICAL.readValue(json, Filing.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored filing is not readable", e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
