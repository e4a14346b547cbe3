package org.marginconsult.consultation;

import io.quarkus.qute.TemplateExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How instants and dates of comment periods read on pages and in e-mails: Eastern time first (the time
 * the Federal Register states), UTC beside it. In templates: {@code {deadline:eastern(instant)}}.
 */
@TemplateExtension(namespace = "deadline")
public final class DeadlineDisplay {

    private static final DateTimeFormatter EASTERN = DateTimeFormatter
            .ofPattern("EEEE, MMMM d, yyyy 'at' h:mm:ss a zzz", Locale.US)
            .withZone(CommentPeriodCalculator.EASTERN);
    private static final DateTimeFormatter UTC = DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);

    private DeadlineDisplay() {
    }

    /** "Monday, January 4, 2027 at 11:59:59 PM EST". */
    public static String eastern(Instant instant) {
        return instant == null ? "" : EASTERN.format(instant);
    }

    /** "2027-01-05 04:59:59 UTC". */
    public static String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** "2027-01-05T04:59:59Z", for machine-readable attributes. */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** "Monday, January 4, 2027". */
    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /**
     * A rounded-down duration in words: "44 days and 3 hours", "5 hours and 12 minutes",
     * "3 minutes and 4 seconds". Never rounds up, so a reader is never told they have more time than
     * they do.
     */
    public static String remaining(Instant from, Instant to) {
        Duration left = Duration.between(from, to);
        if (left.isNegative() || left.isZero()) {
            return "no time";
        }
        long days = left.toDays();
        long hours = left.toHoursPart();
        long minutes = left.toMinutesPart();
        long seconds = left.toSecondsPart();
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(plural(days, "day"));
            if (hours > 0) {
                parts.add(plural(hours, "hour"));
            }
        } else if (hours > 0) {
            parts.add(plural(hours, "hour"));
            if (minutes > 0) {
                parts.add(plural(minutes, "minute"));
            }
        } else {
            if (minutes > 0) {
                parts.add(plural(minutes, "minute"));
            }
            if (seconds > 0 || minutes == 0) {
                parts.add(plural(seconds, "second"));
            }
        }
        return String.join(" and ", parts);
    }

    /** Time left to comment: until the end of the closing second ({@code closesAt} + 1 s). */
    public static String left(Instant now, Instant closesAt) {
        return closesAt == null ? "" : remaining(now, closesAt.plusSeconds(1));
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
