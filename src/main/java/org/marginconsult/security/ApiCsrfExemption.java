package org.marginconsult.security;

import io.quarkus.csrf.reactive.runtime.CsrfRequestResponseReactiveFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The CSRF check of quarkus-rest-csrf for every path except {@code /api/*}.
 *
 * <p>CSRF abuses credentials a browser adds on its own: cookies. {@code /api/*} accepts bearer tokens
 * only (see the {@code api} permission in application.properties), which a browser never attaches to
 * a cross-site request, so a CSRF token there protects nothing and would refuse every script's POST
 * (JSON bodies for the wrong media type, multipart bodies for the missing cookie). Pages keep the
 * extension's check unchanged: this bean replaces the extension's filter bean and hands every
 * non-API request to it. See docs/decisions/0203-csrf-exemption-for-bearer-only-api.md.
 */
@Alternative
@Priority(1)
@Singleton
public class ApiCsrfExemption extends CsrfRequestResponseReactiveFilter {

    static final String API_PREFIX = "/api/";

    @Override
    public void filter(ResteasyReactiveContainerRequestContext requestContext, RoutingContext routing) {
        if (isApi(routing.normalizedPath())) {
            return;
        }
        super.filter(requestContext, routing);
    }

    static boolean isApi(String path) {
        return path != null && path.startsWith(API_PREFIX);
    }
}
