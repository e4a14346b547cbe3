package org.marginconsult.consultation;

import org.marginconsult.consultation.ConsultationView.Identifiers;
import org.marginconsult.consultation.ConsultationView.ProposalView;

import java.time.LocalDate;
import java.util.List;

/**
 * What an administrator gives to create or edit a consultation (the body of
 * {@code POST /api/v1/admin/consultations} and {@code PUT .../{id}}, and the fields of the form).
 *
 * @param publishedOn the planned publication date while a draft; once published, the period's
 *     events decide and this field is ignored
 * @param version the version the edit was made against (edits only), to refuse a lost update
 * @param reason why the consultation is edited (edits only; required there)
 */
public record ConsultationInput(
        String slug,
        String title,
        String summary,
        List<Agency> agencies,
        Identifiers identifiers,
        LocalDate publishedOn,
        Integer periodDays,
        LateCommentPolicy lateCommentPolicy,
        List<ProposalView> proposals,
        Integer version,
        String reason) {
}
