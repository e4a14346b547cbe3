package org.marginconsult.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.marginconsult.security.Roles;

/** Test-only pages that fail on purpose, to see what a reader gets when something breaks. */
@Path("/test-only")
public class FailingResource {

    @GET
    @Path("boom")
    @Produces(MediaType.TEXT_HTML)
    public String boom() {
        throw new IllegalStateException("secret internal detail: connection pool exhausted at db-7");
    }

    @GET
    @Path("admins-only")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.TEXT_HTML)
    public String adminsOnly() {
        return "admins only";
    }
}
