/**
 * Consultations (requests for comment by the SEC, the CFTC or both) and their comment periods.
 *
 * <p>How the types fit together: a {@link org.marginconsult.consultation.Consultation} holds its
 * identifiers, late-comment policy, proposals ({@link org.marginconsult.consultation.ProposalRef}) and
 * an append-only history of {@link org.marginconsult.consultation.PeriodEvent}s. Replaying that history
 * gives a {@link org.marginconsult.consultation.CommentPeriod}: windows of time in which comments are on
 * time, and the {@link org.marginconsult.consultation.ConsultationStatus} at any instant. Closing dates
 * come from {@link org.marginconsult.consultation.CommentPeriodCalculator} ("N days after publication",
 * rolled past weekends and {@link org.marginconsult.consultation.FederalHolidays}, closing at 23:59:59
 * Eastern). Administrators change periods through
 * {@link org.marginconsult.consultation.CommentPeriodService}; the comment feature asks
 * {@link org.marginconsult.consultation.CommentDeadline} whether a comment is on time. Questions are
 * sections of numbered questions with stable ids ({@link org.marginconsult.consultation.QuestionService}).
 *
 * <p>Sub-packages: {@code reminder} (deadline e-mails and the participants they reach), {@code seed}
 * (the 2026 and 2020 requests created at first start).
 */
package org.marginconsult.consultation;
