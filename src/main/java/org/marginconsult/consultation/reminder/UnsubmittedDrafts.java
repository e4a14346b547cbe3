package org.marginconsult.consultation.reminder;

import java.util.Set;

/**
 * Which firms still have an unsubmitted draft comment on a consultation: the question the deadline
 * reminders ask before writing to a firm's participants. Implemented by the comment feature, which
 * owns drafts, as an application-scoped bean; until one exists, no reminder is sent.
 *
 * <p>Called outside any request, from the reminder schedule, inside a transaction.
 */
public interface UnsubmittedDrafts {

    /**
     * @return the firm identifiers (values of the token claim {@code firm}, e.g. {@code firm-a}) that
     *     have at least one draft comment on {@code consultationId} not yet submitted; never null
     */
    Set<String> firmsWithUnsubmittedDraft(long consultationId);
}
