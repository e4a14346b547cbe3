package org.marginconsult.admin;

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

/** {@code GET /api/v1/admin/audit}: the audit trail, newest first, for administrators. */
@Path("/api/v1/admin/audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditApi {

    /** One audited change as JSON; before and after are the JSON states recorded at the time. */
    public record Entry(long id, Instant occurredAt, String actor, String action, String entityType,
            String entityId, String before, String after, String detail) {

        static Entry of(AuditEvent e) {
            return new Entry(e.id, e.occurredAt, e.actor, e.action, e.entityType, e.entityId, e.beforeState,
                    e.afterState, e.detail);
        }
    }

    @Inject
    AuditLog audit;

    @GET
    public List<Entry> newest(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return audit.newest(Math.max(page, 0), Math.clamp(size, 1, 500)).stream().map(Entry::of).toList();
    }
}
