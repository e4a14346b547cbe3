package org.marginconsult.impact;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
 * Impact runs over JSON: request a run of a portfolio (202, computed in the background), follow it,
 * read its result, create its summary. Another firm's run or summary, or any for a user without a
 * firm, answers 404.
 */
@Path("/api/v1")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ImpactRunApi {

    @Inject
    ImpactRunService runs;

    @Inject
    ImpactSummaryService summaries;

    @Inject
    ImpactWorker worker;

    /** The firm's runs, newest first, without results. */
    @GET
    @Path("impact-runs")
    public List<ObjectNode> list() {
        return runs.list().stream().map(r -> status(r, false)).toList();
    }

    /** {@code {"id", "status", "progress", "stage", "failureReason", ..., "result": {...} | null}}. */
    @GET
    @Path("impact-runs/{id}")
    public ObjectNode get(@PathParam("id") long id) {
        return status(runs.find(id), true);
    }

    private ObjectNode status(ImpactRun run, boolean withResult) {
        ObjectNode out = ImpactJson.mapper().createObjectNode();
        out.put("id", run.id);
        out.put("status", run.status.name());
        out.put("progress", run.progress);
        out.put("stage", run.stage);
        out.put("failureReason", run.failureReason);
        ObjectNode portfolio = out.putObject("portfolio");
        portfolio.put("id", run.portfolioId);
        portfolio.put("label", run.portfolioLabel);
        portfolio.put("version", run.portfolioVersion);
        if (run.consultationId == null) {
            out.putNull("consultation");
        } else {
            out.put("consultation", run.consultationId);
        }
        ArrayNode proposals = out.putArray("proposals");
        run.proposalIds().forEach(proposals::add);
        out.put("securitiesRegime", run.securitiesRegime.name());
        out.put("attempts", run.attempts);
        out.put("requestedAt", String.valueOf(run.requestedAt));
        out.put("startedAt", run.startedAt == null ? null : run.startedAt.toString());
        out.put("finishedAt", run.finishedAt == null ? null : run.finishedAt.toString());
        out.put("inputHash", run.inputHash);
        out.put("engineVersion", run.engineVersion);
        if (withResult) {
            out.set("result", run.status == RunStatus.DONE ? ImpactJson.mapper().valueToTree(runs.result(run).orElseThrow())
                    : null);
        }
        return out;
    }

    /** The summary the run would give, without storing it (what the preview page shows). */
    @GET
    @Path("impact-runs/{id}/summary")
    public JsonNode preview(@PathParam("id") long id) {
        return ImpactJson.mapper().valueToTree(summaries.preview(id));
    }

    /** Creates the run's impact summary: 201 {@code {"id", "runId", "createdAt", "content": {...}}}. */
    @POST
    @Path("impact-runs/{id}/summary")
    public Response createSummary(@PathParam("id") long id) {
        ImpactSummaryService.Summary summary = summaries.create(id);
        return Response.created(URI.create("/api/v1/impact-summaries/" + summary.id())).entity(tree(summary)).build();
    }

    @GET
    @Path("impact-summaries")
    public List<JsonNode> listSummaries() {
        return summaries.mine().stream().map(ImpactRunApi::tree).toList();
    }

    @GET
    @Path("impact-summaries/{id}")
    public JsonNode summary(@PathParam("id") long id) {
        return tree(summaries.find(id));
    }

    /** Summaries in the stored JSON form (amounts as strings with two decimals). */
    private static JsonNode tree(ImpactSummaryService.Summary summary) {
        return ImpactJson.mapper().valueToTree(summary);
    }
}
