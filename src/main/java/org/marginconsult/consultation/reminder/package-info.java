/**
 * Deadline reminders: participants seen by the application ({@link org.marginconsult.consultation.reminder.KnownUser}),
 * the comment feature's answer to "which firms have an unsubmitted draft"
 * ({@link org.marginconsult.consultation.reminder.UnsubmittedDrafts}), and the e-mails sent 7 days and
 * 1 day before a close ({@link org.marginconsult.consultation.reminder.DeadlineReminders}).
 */
package org.marginconsult.consultation.reminder;
