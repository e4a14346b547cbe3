package org.marginconsult.consultation.reminder;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Deadline reminders ({@code marginconsult.reminders.*}). */
@ConfigMapping(prefix = "marginconsult.reminders")
public interface ReminderConfig {

    /**
     * How often due reminders are looked for, as a Quarkus duration ({@code 15m}); {@code off} disables
     * the schedule (the tests call {@link DeadlineReminders#sendDue()} themselves after moving the clock).
     */
    @WithDefault("15m")
    String every();

    /** The address readers use to reach the application, for links in e-mails. */
    @WithDefault("http://localhost:8080")
    String publicUrl();
}
