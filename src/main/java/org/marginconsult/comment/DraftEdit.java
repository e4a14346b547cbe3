package org.marginconsult.comment;

import java.util.List;
import java.util.Map;

/**
 * One save of a draft: the version the editor started from, and the fields they send. A null field is
 * left as it is; a present one replaces the stored value ({@code answers} and {@code summaries} replace
 * the answers and summary lists of the questions they name).
 */
public record DraftEdit(
        Integer version,
        String organization,
        String category,
        String contactName,
        String contactEmail,
        String contactPhone,
        List<String> agencies,
        String coverLetter,
        List<AnswerInput> answers,
        Map<String, List<Long>> summaries,
        List<AttachmentFlag> attachmentFlags,
        List<Long> removeAttachments) {

    /** The answer to one question; empty text removes it. */
    public record AnswerInput(String questionId, String text, boolean confidential, String grounds) {
    }

    /** Public or confidential for an attachment already uploaded. */
    public record AttachmentFlag(long id, boolean confidential, String grounds) {
    }

    /** A new file with its confidentiality. */
    public record NewFile(String fileName, byte[] content, boolean confidential, String grounds) {
    }
}
