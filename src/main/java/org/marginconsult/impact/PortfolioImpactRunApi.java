package org.marginconsult.impact;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.security.Authenticated;

/**
 * {@code POST /api/v1/portfolios/{id}/impact-runs}: requests an impact run of a portfolio. Its own
 * resource because the path lives under the portfolio resource's prefix.
 */
@Path("/api/v1/portfolios/{id}/impact-runs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PortfolioImpactRunApi {

    @Inject
    ImpactRunService runs;

    @Inject
    ImpactWorker worker;

    /**
     * Requests a run. Body: {@code {"consultation": 1, "proposals": ["A-full-offset"], "securitiesRegime":
     * "STRATEGY_BASED"}}; answers 202 {@code {"id", "status"}}, 400 {@code {"errors": [{"field", "message"}]}},
     * 404 for a portfolio that is not the firm's, 429 when the firm is at its limit of active runs.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("id") long portfolioId, JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long consultation = null;
        List<String> proposals = new ArrayList<>();
        String regime = null;
        if (body == null || !body.isObject()) {
            errors.put("body", "Send a JSON object with consultation, proposals and securitiesRegime.");
        } else {
            JsonNode c = body.get("consultation");
            if (c != null && !c.isNull()) {
                if (c.canConvertToLong() || (c.isTextual() && c.asText().matches("\\d{1,18}"))) {
                    consultation = c.asLong();
                } else {
                    errors.put("consultation", "consultation must be a consultation id (a number).");
                }
            }
            JsonNode p = body.get("proposals");
            if (p == null || !p.isArray()) {
                errors.put("proposals", "proposals must be an array of proposal ids.");
            } else {
                p.forEach(x -> proposals.add(x.asText()));
            }
            JsonNode r = body.get("securitiesRegime");
            regime = r == null || r.isNull() ? null : r.asText();
        }
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        try {
            ImpactRun run = runs.submit(portfolioId, new ImpactRunService.RunRequest(consultation, proposals, regime));
            worker.wake();
            ObjectNode out = ImpactJson.mapper().createObjectNode();
            out.put("id", run.id);
            out.put("status", run.status.name());
            return Response.accepted(out).location(URI.create("/api/v1/impact-runs/" + run.id)).build();
        } catch (InvalidRunRequestException e) {
            return invalid(e.errors());
        }
    }

    private static Response invalid(Map<String, String> errors) {
        ObjectNode out = ImpactJson.mapper().createObjectNode();
        ArrayNode list = out.putArray("errors");
        errors.forEach((field, message) -> list.addObject().put("field", field).put("message", message));
        return Response.status(400).entity(out).build();
    }

}
