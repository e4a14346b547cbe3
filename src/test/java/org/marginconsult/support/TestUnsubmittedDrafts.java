package org.marginconsult.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import org.marginconsult.consultation.reminder.UnsubmittedDrafts;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The firms with an unsubmitted draft, as a test states them, until the comment feature implements
 * drafts (and after: as an alternative of priority 1 it wins over the real implementation in tests
 * that need to control it). Tests that set it call {@link #clear()} afterwards.
 */
@Alternative
@Priority(1)
@Singleton
public class TestUnsubmittedDrafts implements UnsubmittedDrafts {

    private final Map<Long, Set<String>> firms = new ConcurrentHashMap<>();

    public void set(long consultationId, String... firmsWithDrafts) {
        firms.put(consultationId, Set.of(firmsWithDrafts));
    }

    public void clear() {
        firms.clear();
    }

    @Override
    public Set<String> firmsWithUnsubmittedDraft(long consultationId) {
        return firms.getOrDefault(consultationId, Set.of());
    }
}
