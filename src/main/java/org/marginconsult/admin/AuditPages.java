package org.marginconsult.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.marginconsult.security.AuditEvent;
import org.marginconsult.security.AuditLog;
import org.marginconsult.security.Roles;

import java.time.Instant;
import java.util.List;

/**
 * {@code /admin/audit}: the audit trail for administrators, newest first, one page at a time, or the
 * whole history of one entity ({@code ?entityType=consultation&entityId=3}), with the state before and
 * after each change.
 */
@Path("/admin/audit")
@RolesAllowed(Roles.ADMIN)
public class AuditPages {

    static final int PAGE_SIZE = 50;

    /** One audited change as the page shows it; states are pretty-printed JSON. */
    public record Row(long id, Instant occurredAt, String actor, String action, String entityType, String entityId,
            String before, String after, String detail) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(List<Row> rows, int page, boolean hasNext, String entityType,
                String entityId);
    }

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance audit(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId) {
        boolean filtered = entityType != null && !entityType.isBlank() && entityId != null && !entityId.isBlank();
        int current = Math.max(page, 0);
        List<AuditEvent> events;
        boolean hasNext;
        if (filtered) {
            events = audit.forEntity(entityType.strip(), entityId.strip()).reversed();
            hasNext = false;
            current = 0;
        } else {
            List<AuditEvent> fetched = audit.newest(current, PAGE_SIZE + 1);
            hasNext = fetched.size() > PAGE_SIZE;
            events = fetched.subList(0, Math.min(fetched.size(), PAGE_SIZE));
        }
        List<Row> rows = events.stream().map(e -> new Row(e.id, e.occurredAt, e.actor, e.action, e.entityType,
                e.entityId, pretty(e.beforeState), pretty(e.afterState), e.detail)).toList();
        return Templates.audit(rows, current, hasNext, filtered ? entityType.strip() : null,
                filtered ? entityId.strip() : null);
    }

    private String pretty(String state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(state));
        } catch (JsonProcessingException e) {
            return state;
        }
    }
}
