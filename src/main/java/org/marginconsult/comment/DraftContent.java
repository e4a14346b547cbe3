package org.marginconsult.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a participant can change in a draft, as plain values: what a revision stores and what a
 * conflict compares. Attachment contents are represented by name, hash and confidentiality.
 */
public record DraftContent(
        String organization,
        String category,
        String contactName,
        String contactEmail,
        String contactPhone,
        List<String> agencies,
        String coverLetter,
        SortedMap<String, AnswerContent> answers,
        SortedMap<String, List<Long>> summaries,
        List<AttachmentContent> attachments) {

    /** One answer's text and confidentiality. */
    public record AnswerContent(String text, boolean confidential, String grounds) {
    }

    /** One attached file as a revision records it. */
    public record AttachmentContent(long id, String fileName, String sha256, boolean confidential, String grounds) {
    }

    /** One field that differs between two states of a draft, in words a reader follows. */
    public record FieldChange(String field, String label, String before, String after) {
    }

    public static DraftContent of(CommentDraft d, List<Attachment> attachments) {
        SortedMap<String, AnswerContent> answers = new TreeMap<>();
        for (Answer a : d.answers) {
            answers.put(a.questionKey, new AnswerContent(a.body, a.confidential, a.grounds));
        }
        SortedMap<String, List<Long>> summaries = new TreeMap<>();
        for (ImpactLink link : d.impactLinks) {
            summaries.computeIfAbsent(link.questionKey, k -> new ArrayList<>()).add(link.summaryId);
        }
        summaries.replaceAll((k, v) -> v.stream().sorted().toList());
        List<String> agencies = new ArrayList<>();
        if (d.fileWithSec) {
            agencies.add("SEC");
        }
        if (d.fileWithCftc) {
            agencies.add("CFTC");
        }
        return new DraftContent(d.organization, d.category == null ? null : d.category.name(), d.contactName,
                d.contactEmail, d.contactPhone, agencies, d.coverLetter, answers, summaries,
                attachments.stream().map(a -> new AttachmentContent(a.id, a.fileName, a.sha256, a.confidential, a.grounds))
                        .toList());
    }

    /**
     * The fields that differ from {@code before} to this state, each with both values. Answers are
     * compared per question, so two editors are told exactly which answer moved.
     */
    public List<FieldChange> changesSince(DraftContent before, Map<String, String> questionNumbers) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "organization", "Organization", before.organization, organization);
        compare(changes, "category", "Category", before.category, category);
        compare(changes, "contactName", "Contact name", before.contactName, contactName);
        compare(changes, "contactEmail", "Contact e-mail", before.contactEmail, contactEmail);
        compare(changes, "contactPhone", "Contact phone", before.contactPhone, contactPhone);
        compare(changes, "agencies", "Filed with", String.join(", ", before.agencies), String.join(", ", agencies));
        compare(changes, "coverLetter", "Cover letter", before.coverLetter, coverLetter);
        TreeSet<String> keys = new TreeSet<>(before.answers.keySet());
        keys.addAll(answers.keySet());
        for (String key : keys) {
            String label = "Answer to question " + questionNumbers.getOrDefault(key, key);
            compare(changes, "answers." + key, label, answerText(before.answers.get(key)), answerText(answers.get(key)));
        }
        TreeSet<String> summaryKeys = new TreeSet<>(before.summaries.keySet());
        summaryKeys.addAll(summaries.keySet());
        for (String key : summaryKeys) {
            compare(changes, "summaries." + key, "Impact summaries on question " + questionNumbers.getOrDefault(key, key),
                    String.valueOf(before.summaries.getOrDefault(key, List.of())),
                    String.valueOf(summaries.getOrDefault(key, List.of())));
        }
        compare(changes, "attachments", "Attachments", attachmentList(before.attachments), attachmentList(attachments));
        return changes;
    }

    private static String answerText(AnswerContent a) {
        if (a == null) {
            return "";
        }
        return a.confidential() ? a.text() + "\n[confidential: " + a.grounds() + "]" : a.text();
    }

    private static String attachmentList(List<AttachmentContent> list) {
        return String.join("\n", list.stream()
                .map(a -> a.fileName() + (a.confidential() ? " (confidential)" : "")).toList());
    }

    private static void compare(List<FieldChange> changes, String field, String label, String before, String after) {
        String b = before == null ? "" : before;
        String a = after == null ? "" : after;
        if (!Objects.equals(b, a)) {
            changes.add(new FieldChange(field, label, b, a));
        }
    }
}
