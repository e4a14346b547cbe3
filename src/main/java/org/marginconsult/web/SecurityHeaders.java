package org.marginconsult.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Content-Security-Policy for every page and API answer of the application: scripts and styles only
 * from this origin (no inline script), no framing. Swagger UI under /q is not served through here,
 * so its inline bootstrap keeps working.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Content-Security-Policy", POLICY);
        if (request.getUriInfo().getPath().startsWith("/api/") || request.getUriInfo().getPath().startsWith("api/")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
