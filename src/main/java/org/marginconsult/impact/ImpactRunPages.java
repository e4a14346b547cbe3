package org.marginconsult.impact;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.marginconsult.impact.ImpactResult.GroupWorst;
import org.marginconsult.impact.ImpactSources.ConsultationChoice;
import org.marginconsult.impact.ImpactSources.PortfolioChoice;
import org.marginconsult.web.SvgCharts.Chart;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** Impact run pages: the run form, progress, result with charts, drill-down, exports, summary. */
@Path("/impact-runs")
@Authenticated
public class ImpactRunPages {

    /** What the run form shows and re-shows after an error. */
    public record RunForm(Long portfolio, Long consultation, List<String> proposals, String securitiesRegime) {
        public boolean hasProposal(String id) {
            return proposals != null && proposals.contains(id);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ImpactRun> runs);

        static native TemplateInstance form(List<PortfolioChoice> portfolios, List<ConsultationChoice> consultations,
                List<org.marginconsult.margin.methodology.cross.CrossMarginProposal> proposals, RunForm form,
                Map<String, String> errors, String message);

        static native TemplateInstance progress(ImpactRun run);

        static native TemplateInstance failed(ImpactRun run);

        static native TemplateInstance result(ImpactRun run, ImpactResult result, ImpactView.Table summary,
                ImpactView.Table accounts, ImpactView.Table groups, List<ImpactView.LineRow> offsets,
                List<ImpactView.LineRow> addOns, ImpactView.Table collateral, Chart groupChart, Chart profileChart,
                Chart sensitivityChart, List<ImpactView.Option> profileProposals, List<ImpactView.Option> profileGroups);

        static native TemplateInstance group(ImpactRun run, ImpactResult result, String group,
                List<ImpactView.Option> regimes, String regime, List<GroupWorst> worst, ImpactView.Table groups);

        /** @param createAction where the form that creates the summary posts */
        static native TemplateInstance summaryPreview(ImpactRun run, SummaryContent content, String json,
                String createAction);

    }

    @Inject
    ImpactRunService runs;

    @Inject
    ImpactSummaryService summaries;

    @Inject
    ImpactWorker worker;

    @Inject
    MarginCatalog catalog;

    @GET
        @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.list(runs.list());
    }

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@QueryParam("portfolio") Long portfolio, @QueryParam("consultation") Long consultation) {
        return form(new RunForm(portfolio, consultation, List.copyOf(catalog.proposals().keySet()), "STRATEGY_BASED"),
                Map.of(), null);
    }

    private TemplateInstance form(RunForm form, Map<String, String> errors, String message) {
        return Templates.form(runs.portfolios(), runs.consultations(), List.copyOf(catalog.proposals().values()), form, errors,
                message);
    }

    @POST
        @Produces(MediaType.TEXT_HTML)
    public Response submit(@FormParam("portfolio") String portfolio, @FormParam("consultation") String consultation,
            @FormParam("proposals") List<String> proposals, @FormParam("securitiesRegime") String regime) {
        Long portfolioId = parseId(portfolio);
        Long consultationId = parseId(consultation);
        RunForm form = new RunForm(portfolioId, consultationId, proposals == null ? List.of() : proposals, regime);
        if (portfolioId == null) {
            return Response.status(400).entity(form(form, Map.of("portfolio", "Choose a portfolio."), null)).build();
        }
        try {
            ImpactRun run = runs.submit(portfolioId,
                    new ImpactRunService.RunRequest(consultationId, form.proposals(), regime));
            worker.wake();
            return Response.seeOther(URI.create("/impact-runs/" + run.id)).build();
        } catch (InvalidRunRequestException e) {
            return Response.status(400).entity(form(form, e.errors(), null)).build();
        } catch (NotFoundException e) {
            return Response.status(400).entity(form(form, Map.of("portfolio", "Choose one of your firm's portfolios."), null))
                    .build();
        } catch (TooManyRunsException e) {
            return Response.status(429).entity(form(form, Map.of(), e.getMessage())).build();
        }
    }

    private static Long parseId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("Not an id: " + value);
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance run(@PathParam("id") long id, @QueryParam("proposal") String proposal,
            @QueryParam("group") String group) {
        ImpactRun run = runs.find(id);
        if (run.status.active()) {
            return Templates.progress(run);
        }
        if (run.status == RunStatus.FAILED) {
            return Templates.failed(run);
        }
        ImpactResult result = runs.result(run).orElseThrow();
        String p = proposal;
        String g = group;
        if (ImpactView.profile(result, p, g) == null && !result.profiles().isEmpty()) {
            var first = result.profiles().stream()
                    .filter(x -> (proposal == null || x.proposal().equals(proposal)) && (group == null || x.group().equals(group)))
                    .findFirst().orElse(result.profiles().get(0));
            p = first.proposal();
            g = first.group();
        }
        return Templates.result(run, result, ImpactView.summary(result), ImpactView.byAccount(result),
                ImpactView.byRiskGroup(result, run.id), ImpactView.offsets(result), ImpactView.addOns(result),
                ImpactView.collateral(result), ImpactView.riskGroupChart(result),
                p == null ? null : ImpactView.profileChart(result, p, g), ImpactView.sensitivityChart(result),
                ImpactView.profileProposals(result, p), ImpactView.profileGroups(result, g));
    }

    /** Progress for the polling script: status, percent, stage. */
    @GET
    @Path("{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> progress(@PathParam("id") long id) {
        ImpactRun run = runs.find(id);
        return Map.of("status", run.status.name(), "progress", run.progress,
                "stage", run.stage == null ? "" : run.stage);
    }

    @GET
    @Path("{id}/groups/{group}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance group(@PathParam("id") long id, @PathParam("group") String group,
            @QueryParam("regime") String regime) {
        ImpactRun run = runs.find(id);
        ImpactResult result = runs.result(run).orElseThrow(NotFoundException::new);
        String chosen = regime == null || regime.isBlank() ? result.proposals().get(0).id() : regime;
        List<ImpactView.Option> regimes = new ArrayList<>();
        regimes.add(new ImpactView.Option("today", "Today (siloed)", "today".equals(chosen)));
        result.proposals().forEach(p -> regimes.add(new ImpactView.Option(p.id(), p.id(), p.id().equals(chosen))));
        ImpactView.Table all = ImpactView.byRiskGroup(result, run.id);
        ImpactView.Table one = new ImpactView.Table(all.headers(),
                all.rows().stream().filter(r -> r.label().equals(group)).toList());
        if (one.rows().isEmpty()) {
            throw new NotFoundException();
        }
        return Templates.group(run, result, group, regimes, chosen, ImpactView.worst(result, group, chosen), one);
    }

    @GET
    @Path("{id}/export.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") long id) {
        ImpactResult result = doneResult(id);
        return download((StreamingOutput) out -> ImpactExports.csv(result, out), "text/csv; charset=UTF-8", id, "csv");
    }

    @GET
    @Path("{id}/export.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Response xlsx(@PathParam("id") long id) {
        ImpactResult result = doneResult(id);
        return download((StreamingOutput) out -> ImpactExports.xlsx(result, out),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", id, "xlsx");
    }

    @GET
    @Path("{id}/export.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@PathParam("id") long id) {
        ImpactResult result = doneResult(id);
        return download((StreamingOutput) out -> ImpactExports.json(result, out), MediaType.APPLICATION_JSON, id, "json");
    }

    private ImpactResult doneResult(long id) {
        return runs.result(runs.find(id)).orElseThrow(NotFoundException::new);
    }

    private static Response download(StreamingOutput body, String type, long id, String ext) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"impact-run-" + id + "." + ext + "\"").build();
    }

    @GET
    @Path("{id}/summary")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance summaryPreview(@PathParam("id") long id) {
        ImpactRun run = runs.find(id);
        SummaryContent content = summaries.preview(id);
        return Templates.summaryPreview(run, content, pretty(content), "/impact-runs/" + run.id + "/summary");
    }

    @POST
    @Path("{id}/summary")
    public Response createSummary(@PathParam("id") long id) {
        ImpactSummaryService.Summary summary = summaries.create(id);
        return Response.seeOther(URI.create("/impact-summaries/" + summary.id())).build();
    }

    static String pretty(Object content) {
        try {
            return ImpactJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(content);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
