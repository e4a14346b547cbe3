package org.marginconsult.consultation.reminder;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Runs the deadline reminders every {@code marginconsult.reminders.every}. */
@ApplicationScoped
public class ReminderSchedule {

    @Inject
    DeadlineReminders reminders;

    @Scheduled(identity = "deadline-reminders", every = "${marginconsult.reminders.every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDueReminders() {
        reminders.sendDue();
    }
}
