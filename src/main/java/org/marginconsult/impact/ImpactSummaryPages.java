package org.marginconsult.impact;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** A created impact summary, as the firm (and later, through a submitted comment, staff) sees it. */
@Path("/impact-summaries")
@Authenticated
public class ImpactSummaryPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance summary(ImpactSummaryService.Summary summary, String json);
    }

    @Inject
    ImpactSummaryService summaries;

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance summary(@PathParam("id") long id) {
        ImpactSummaryService.Summary summary = summaries.find(id);
        return Templates.summary(summary, ImpactRunPages.pretty(summary.content()));
    }
}
