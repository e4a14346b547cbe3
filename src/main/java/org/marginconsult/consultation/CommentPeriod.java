package org.marginconsult.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A comment period as its events make it: one or more windows (the original one, then one per
 * reopening), each from an opening instant to a closing instant. Replays the history of
 * {@link PeriodEvent}s; holds no clock, so the status is always asked for a given instant.
 *
 * <p>A window's closing instant is its last on-time second: a comment received at 23:59:59.999
 * Eastern on the closing date is on time, one received at midnight is late.
 */
public final class CommentPeriod {

    /** One stretch of time in which comments are on time. */
    public record Window(Instant opensAt, Instant closesAt, boolean reopening) {

        /** The first instant that is no longer on time: the end of the closing second. */
        public Instant endsAt() {
            return closesAt.plusSeconds(1);
        }

        public boolean contains(Instant t) {
            return !t.isBefore(opensAt) && t.isBefore(endsAt());
        }
    }

    private final List<Window> windows;
    private final LocalDate publishedOn;
    private final Integer periodDays;
    private final int eventCount;

    private CommentPeriod(List<Window> windows, LocalDate publishedOn, Integer periodDays, int eventCount) {
        this.windows = List.copyOf(windows);
        this.publishedOn = publishedOn;
        this.periodDays = periodDays;
        this.eventCount = eventCount;
    }

    /** Replays events in their order ({@code seq}). */
    public static CommentPeriod of(List<PeriodEvent> events) {
        List<Window> windows = new ArrayList<>();
        LocalDate publishedOn = null;
        Integer periodDays = null;
        for (PeriodEvent e : events) {
            switch (e.type) {
                case OPEN -> {
                    windows.clear();
                    windows.add(new Window(e.opensAt, e.closesAt, false));
                    publishedOn = e.publishedOn;
                    periodDays = e.periodDays;
                }
                case REOPEN -> windows.add(new Window(e.opensAt, e.closesAt, true));
                case EXTEND, CLOSE -> replaceLast(windows, e.opensAt, e.closesAt);
                case CORRECTION -> {
                    replaceLast(windows, e.opensAt, e.closesAt);
                    if (windows.size() == 1 && e.publishedOn != null) {
                        publishedOn = e.publishedOn;
                    }
                    if (windows.size() == 1 && e.periodDays != null) {
                        periodDays = e.periodDays;
                    }
                }
            }
        }
        return new CommentPeriod(windows, publishedOn, periodDays, events.size());
    }

    private static void replaceLast(List<Window> windows, Instant opensAt, Instant closesAt) {
        if (windows.isEmpty()) {
            throw new IllegalStateException("A period event other than OPEN came before the period was opened");
        }
        Window last = windows.getLast();
        windows.set(windows.size() - 1,
                new Window(opensAt == null ? last.opensAt() : opensAt, closesAt, last.reopening()));
    }

    public boolean isPublished() {
        return !windows.isEmpty();
    }

    public List<Window> windows() {
        return windows;
    }

    public int eventCount() {
        return eventCount;
    }

    public Optional<LocalDate> publishedOn() {
        return Optional.ofNullable(publishedOn);
    }

    public Optional<Integer> periodDays() {
        return Optional.ofNullable(periodDays);
    }

    /** When the period first opened (the publication day, 00:00 Eastern). */
    public Optional<Instant> opensAt() {
        return windows.isEmpty() ? Optional.empty() : Optional.of(windows.getFirst().opensAt());
    }

    /** The closing instant now in force: the close of the latest window, after extensions and corrections. */
    public Optional<Instant> closesAt() {
        return currentWindow().map(Window::closesAt);
    }

    public Optional<Window> currentWindow() {
        return windows.isEmpty() ? Optional.empty() : Optional.of(windows.getLast());
    }

    public ConsultationStatus statusAt(Instant t) {
        if (windows.isEmpty()) {
            return ConsultationStatus.DRAFT;
        }
        if (t.isBefore(windows.getFirst().opensAt())) {
            return ConsultationStatus.UPCOMING;
        }
        return windows.stream().filter(w -> w.contains(t)).findFirst()
                .map(w -> w.reopening() ? ConsultationStatus.REOPENED : ConsultationStatus.OPEN)
                .orElse(ConsultationStatus.CLOSED);
    }

    /**
     * The window that decides whether {@code t} is on time: the one containing it, or else the latest
     * one that opened before it (whose close was missed).
     */
    public Optional<Window> windowFor(Instant t) {
        Window decisive = null;
        for (Window w : windows) {
            if (!t.isBefore(w.opensAt())) {
                decisive = w;
            }
        }
        return Optional.ofNullable(decisive);
    }
}
