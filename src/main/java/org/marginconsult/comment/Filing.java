package org.marginconsult.comment;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * A comment as it is filed, in one of its two versions: FULL (everything, confidential parts marked)
 * or PUBLIC (confidential parts replaced by a marked placeholder). Serialised to JSON in component
 * order, it is the exact text whose SHA-256 the receipt states; the preview, the receipt page and the
 * PDF letter are all rendered from it, so what a reader sees is what was hashed.
 */
@TemplateData
public record Filing(
        String format,
        String edition,
        String trackingNumber,
        String receivedAt,
        boolean late,
        String closesAt,
        String supplementOf,
        long consultationId,
        String consultationTitle,
        List<ConsultationFacts.Identifier> identifiers,
        List<String> agencies,
        Submitter submitter,
        String coverLetter,
        List<FiledAnswer> answers,
        List<FiledAttachment> attachments,
        String confidentialityLegend) {

    public static final String FORMAT = "margin-consult-comment/1";
    public static final String FULL = "FULL";
    public static final String PUBLIC = "PUBLIC";

    /** Who filed. Contact details appear in the full version only. */
    @TemplateData
    public record Submitter(String organization, String category, String categoryLabel, String contactName,
            String contactEmail, String contactPhone) {
    }

    /** An answer to a question; {@code withheld} in the public version when confidential. */
    @TemplateData
    public record FiledAnswer(String questionKey, String number, String section, String question, String text,
            boolean confidential, String grounds, boolean withheld, List<ImpactSummaries.Table> impact) {

        public String html() {
            return PlainText.toHtml(text);
        }
    }

    /** A filed file: hash and size, or a placeholder in the public version when confidential. */
    @TemplateData
    public record FiledAttachment(int position, String fileName, String kind, long sizeBytes, String sha256,
            boolean confidential, String grounds, boolean withheld) {
    }

    public boolean fullEdition() {
        return FULL.equals(edition);
    }

    public boolean hasConfidentialParts() {
        return answers.stream().anyMatch(FiledAnswer::confidential)
                || attachments.stream().anyMatch(FiledAttachment::confidential);
    }

    public String coverLetterHtml() {
        return PlainText.toHtml(coverLetter);
    }

    /** The words every confidential page carries (17 CFR 145.9(d)(3) style). */
    public static String legend(String organization) {
        return "Confidential Treatment Requested by " + organization;
    }

    /** What replaces a confidential part in the public version. */
    public static String placeholder(String organization) {
        return "[Withheld from the public version: confidential treatment requested by " + organization + "]";
    }
}
