package org.marginconsult.consultation.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.marginconsult.security.AuditLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records participants as they use the application. A user's first sighting and any change of e-mail
 * or firm are audited; the last-seen time is refreshed at most every {@link #REFRESH} per user, so a
 * busy session does not write on every request.
 */
@ApplicationScoped
public class KnownUsers {

    static final Duration REFRESH = Duration.ofMinutes(10);

    /** What was last written per user, to skip writes that would change nothing. */
    private record Sighting(String email, String firm, Instant at) {
    }

    private final Map<String, Sighting> lastWritten = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** Whether {@link #seen} would write anything now: a cheap check for the request path. */
    public boolean isStale(String username, String email, String firm) {
        Sighting last = lastWritten.get(username);
        return last == null || !Objects.equals(last.email(), email) || !Objects.equals(last.firm(), firm)
                || Duration.between(last.at(), clock.instant()).abs().compareTo(REFRESH) >= 0;
    }

    /** Records that {@code username} used the application now, with the e-mail and firm of their token. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void seen(String username, String email, String firm) {
        Instant now = clock.instant();
        // Two first requests of one user may race: insert-if-absent, then lock the row and compare.
        int inserted = em.createNativeQuery("insert into known_user (username, email, firm, first_seen_at, last_seen_at)"
                        + " values (?1, ?2, ?3, ?4, ?4) on conflict (username) do nothing")
                .setParameter(1, username).setParameter(2, email).setParameter(3, firm).setParameter(4, now)
                .executeUpdate();
        KnownUser user = em.find(KnownUser.class, username, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(user);
        if (inserted == 1) {
            audit.record("KNOWN_USER_FIRST_SEEN", "known_user", username, null, state(email, firm), null);
        } else if (!Objects.equals(user.email, email) || !Objects.equals(user.firm, firm)) {
            audit.record("KNOWN_USER_CHANGED", "known_user", username, state(user.email, user.firm),
                    state(email, firm), "E-mail or firm in the token differs from the last sighting");
            user.email = email;
            user.firm = firm;
        }
        user.lastSeenAt = now;
        lastWritten.put(username, new Sighting(email, firm, now));
    }

    private static Map<String, Object> state(String email, String firm) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("email", email);
        state.put("firm", firm);
        return state;
    }
}
