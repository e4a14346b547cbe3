package org.marginconsult.consultation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The public consultation pages, readable without logging in: the list (open ones first) and one
 * consultation with its deadline, identifiers, proposals, questions and period history. Deadlines are
 * written out on the server in Eastern time; a script adds the reader's local time and a live countdown.
 */
@Path("/consultations")
public class ConsultationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ConsultationView> consultations, Instant now);

        static native TemplateInstance detail(ConsultationView c, Instant now);
    }

    @Inject
    ConsultationService consultations;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.list(consultations.list(ConsultationService.Audience.PUBLIC), clock.instant());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@PathParam("id") long id) {
        return Templates.detail(consultations.view(id, ConsultationService.Audience.PUBLIC), clock.instant());
    }
}
