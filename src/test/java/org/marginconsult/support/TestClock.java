package org.marginconsult.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: the system clock until a test sets it, then frozen at the set
 * instant until moved. Tests that set it call {@link #reset()} afterwards.
 *
 * <p>{@code -Dmarginconsult.test.days-ahead=N} moves the unset clock N days ahead, to check that the suite
 * passes whatever the day it runs (a consultation fixed to close on a date passes one day).
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Instant fixed;

    private static final Duration DAYS_AHEAD = Duration.ofDays(Long.getLong("marginconsult.test.days-ahead", 0));

    public void set(Instant instant) {
        this.fixed = instant;
    }

    public void advance(Duration duration) {
        this.fixed = instant().plus(duration);
    }

    public void reset() {
        this.fixed = null;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now().plus(DAYS_AHEAD);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
