package org.marginconsult.consultation;

import java.util.List;

/**
 * The question tree of a consultation as a JSON document, for export and import:
 * <pre>{@code
 * {"format": "marginconsult.questions/1", "consultation": "sec-cftc-2026-portfolio-margining",
 *  "sections": [{"id": "s-models", "number": "1", "title": "Existing models and practices",
 *    "questions": [{"id": "q-models-1", "number": "1.1", "text": "...", "provisional": true,
 *                   "parts": [{"label": "a", "text": "..."}]}]}]}
 * }</pre>
 * On import, an {@code id} may be left out: the section or question with the same display number
 * keeps its id, otherwise a new one is given. Entries of the consultation missing from the document
 * are withdrawn (hidden, kept for the answers that refer to them), not deleted.
 */
public record QuestionTree(String format, String consultation, List<ConsultationView.SectionView> sections) {

    public static final String FORMAT = "marginconsult.questions/1";
}
