package org.marginconsult.comment;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Instants as comments show them: Eastern time (the time zone of the Federal Register deadlines) and
 * UTC. In templates: {@code {when:eastern(instant)}}, {@code {when:utc(instant)}}.
 */
@TemplateExtension(namespace = "when")
public final class Times {

    public static final ZoneId EASTERN = ZoneId.of("America/New_York");
    private static final DateTimeFormatter EASTERN_FORMAT = DateTimeFormatter
            .ofPattern("MMMM d, yyyy 'at' h:mm:ss a zzz", Locale.US).withZone(EASTERN);
    private static final DateTimeFormatter UTC_FORMAT = DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.US).withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** "August 25, 2026 at 11:59:59 PM EDT". */
    public static String eastern(Instant instant) {
        return instant == null ? "" : EASTERN_FORMAT.format(instant);
    }

    /** "2026-08-26 03:59:59 UTC". */
    public static String utc(Instant instant) {
        return instant == null ? "" : UTC_FORMAT.format(instant);
    }
}
