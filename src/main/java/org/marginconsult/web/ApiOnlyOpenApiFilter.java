package org.marginconsult.web;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Paths;

import java.util.List;

/**
 * Keeps the API description ({@code /q/openapi}, Swagger UI) to {@code /api/*}: the HTML pages are
 * resources too, and were listed among the API's operations (with clashing operation ids) for whoever
 * writes a script against it. Registered by {@code mp.openapi.filter}.
 */
public class ApiOnlyOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        List<String> pages = paths.getPathItems().keySet().stream().filter(p -> !p.startsWith("/api/")).toList();
        pages.forEach(paths::removePathItem);
    }
}
