package org.marginconsult.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * Writes the audit trail. It joins the caller's transaction (and refuses to run without one), so an
 * audit row exists exactly when the change it describes was committed.
 */
@ApplicationScoped
public class AuditLog {

    public static final String SYSTEM_ACTOR = "system";

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(String action, String entityType, Object entityId, Object before, Object after,
            String detail) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = clock.instant();
        event.actor = currentActor();
        event.action = action;
        event.entityType = entityType;
        event.entityId = String.valueOf(entityId);
        event.beforeState = toJson(before);
        event.afterState = toJson(after);
        event.detail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000));
        event.persist();
        return event;
    }

    /** The newest events first, one page at a time. */
    public List<AuditEvent> newest(int page, int size) {
        return AuditEvent.find("order by occurredAt desc, id desc").page(page, size).list();
    }

    public List<AuditEvent> forEntity(String entityType, String entityId) {
        return AuditEvent.list("entityType = ?1 and entityId = ?2 order by occurredAt, id", entityType, entityId);
    }

    private String currentActor() {
        var requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return SYSTEM_ACTOR;
        }
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        if (identity == null || identity.isAnonymous()) {
            return SYSTEM_ACTOR;
        }
        return Arc.container().instance(CurrentUser.class).get().username();
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return state instanceof String s && looksLikeJson(s) ? s : json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit state is not serialisable: " + state.getClass(), e);
        }
    }

    private static boolean looksLikeJson(String s) {
        String t = s.strip();
        return t.startsWith("{") || t.startsWith("[");
    }
}
