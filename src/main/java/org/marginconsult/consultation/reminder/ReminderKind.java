package org.marginconsult.consultation.reminder;

import java.time.Duration;

/** The reminders sent before a comment period closes. */
public enum ReminderKind {
    SEVEN_DAYS(Duration.ofDays(7), "7 days"),
    ONE_DAY(Duration.ofDays(1), "1 day");

    private final Duration before;
    private final String words;

    ReminderKind(Duration before, String words) {
        this.before = before;
        this.words = words;
    }

    public Duration before() {
        return before;
    }

    public String words() {
        return words;
    }

    /**
     * The reminder due when {@code left} remains until the period ends: the 1-day reminder in the last
     * day, the 7-day one between 7 days and 1 day before; none earlier. A missed 7-day reminder is not
     * sent late once the 1-day one is due.
     */
    public static ReminderKind dueWith(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return null;
        }
        if (left.compareTo(ONE_DAY.before) <= 0) {
            return ONE_DAY;
        }
        if (left.compareTo(SEVEN_DAYS.before) <= 0) {
            return SEVEN_DAYS;
        }
        return null;
    }
}
