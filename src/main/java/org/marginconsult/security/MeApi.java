package org.marginconsult.security;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** {@code GET /api/v1/me}: the caller as the application sees it. */
@Path("/api/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeApi {

    /** The caller: user name, application roles, and firm (null for staff and admins). */
    public record Me(String username, List<String> roles, String firm) {
    }

    @Inject
    CurrentUser user;

    @GET
    public Me me() {
        return new Me(user.username(), user.roles(), user.firm().orElse(null));
    }
}
