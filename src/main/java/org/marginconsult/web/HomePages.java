package org.marginconsult.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The public home page, and the login entry point that sends a reader to Keycloak and back. */
@Path("/")
public class HomePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return Templates.home();
    }

    /** Reaching this path requires a session, so an anonymous reader goes through the Keycloak login first. */
    @GET
    @Path("login")
    @Authenticated
    public Response login() {
        return Response.seeOther(URI.create("/me")).build();
    }
}
