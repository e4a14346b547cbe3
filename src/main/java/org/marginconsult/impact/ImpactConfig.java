package org.marginconsult.impact;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of impact runs ({@code marginconsult.impact.*}). */
@ConfigMapping(prefix = "marginconsult.impact")
public interface ImpactConfig {

    /** Runs a firm may have queued or running at once; one more is refused with 429 and a message. */
    @WithDefault("2")
    int maxActiveRunsPerFirm();

    /** Worker threads of this instance; each computes one run at a time, off the web threads. */
    @WithDefault("2")
    int workers();

    /** How long a claimed run stays with its worker without a heartbeat before another may take it. */
    @WithDefault("60s")
    Duration lease();

    /** How often idle workers look for queued runs (a submission also wakes them at once). */
    @WithDefault("2s")
    Duration pollInterval();

    /** How often a worker renews the leases of the runs it is computing; well under {@link #lease()}. */
    @WithDefault("15s")
    Duration heartbeat();

    /** Claims of one run after which it is failed instead of tried again (a run that kills its worker). */
    @WithDefault("3")
    int maxAttempts();

    /** Name of this instance in leases; defaults to host name and a random suffix. */
    Optional<String> instanceId();

    /** Intervals of the offset-factor sensitivity curve (5: 0%, 20%, ... 100%). */
    @WithDefault("5")
    int sensitivitySteps();

    /** Positions kept per worst scenario for the drill-down, largest loss first. */
    @WithDefault("25")
    int topContributors();
}
