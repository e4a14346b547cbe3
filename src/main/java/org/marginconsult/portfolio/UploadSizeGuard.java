package org.marginconsult.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Answers 413 to a portfolio upload whose Content-Length is over the limit before a byte of its body
 * is read; bodies without a length (chunked) are counted while they stream by {@link UploadSpool}.
 * Runs as a Vert.x route ahead of the REST layer, which would otherwise read a multipart body to disk
 * first.
 */
@ApplicationScoped
public class UploadSizeGuard {

    static final List<String> UPLOAD_PATHS = List.of("/api/v1/portfolios", "/portfolios");

    @Inject
    PortfolioConfig config;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::check);
    }

    void check(RoutingContext context) {
        var request = context.request();
        if (request.method() != HttpMethod.POST || !UPLOAD_PATHS.contains(stripSlash(request.path()))) {
            context.next();
            return;
        }
        String length = request.getHeader("Content-Length");
        long limit = config.maxUploadSize().asLongValue();
        long allowed = limit + config.formAllowance().asLongValue();
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared <= allowed) {
            context.next();
            return;
        }
        String message = Limits.tooLargeMessage(limit);
        var response = context.response().setStatusCode(413).putHeader("Connection", "close");
        boolean api = request.path().startsWith("/api/");
        response.putHeader("Content-Type", api ? "application/json" : "text/html; charset=UTF-8")
                .end(api ? body(message) : page(message))
                // The client may still be sending the body it announced: stop it rather than read it.
                .onComplete(done -> request.connection().close());
    }

    private String body(String message) {
        try {
            return json.writeValueAsString(new PortfolioApi.Rejected(
                    List.of(UploadError.ofFile(ErrorKind.FILE_TOO_LARGE, message)), 1));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String page(String message) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>File too large · Margin Consult"
                + "</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main id=\"main\">"
                + "<h1>File too large</h1><p class=\"notice error\">" + message + "</p>"
                + "<p><a class=\"button\" href=\"/portfolios/new\">Back to the upload form</a></p></main></body></html>";
    }

    private static String stripSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
