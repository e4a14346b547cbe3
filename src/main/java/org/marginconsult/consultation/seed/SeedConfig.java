package org.marginconsult.consultation.seed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.LocalDate;

/** What the consultation seeder creates at first start ({@code marginconsult.seed.*}). */
@ConfigMapping(prefix = "marginconsult.seed")
public interface SeedConfig {

    /** Whether to seed the 2026 and 2020 consultations when they are missing. */
    @WithDefault("true")
    boolean enabled();

    /** The 2026 joint SEC/CFTC request for comment on harmonizing portfolio margining. */
    @WithName("2026")
    Request2026 request2026();

    interface Request2026 {

        /**
         * Federal Register publication date recorded for the 2026 request: the period opens that day
         * (00:00 Eastern). Read once, when the consultation is first seeded; later changes go through
         * a correction in the admin pages.
         */
        @WithName("published-on")
        @WithDefault("2026-11-02")
        LocalDate publishedOn();

        /** The N of "comments due N days after publication in the Federal Register". */
        @WithName("period-days")
        @WithDefault("60")
        int periodDays();
    }
}
