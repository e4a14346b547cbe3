package org.marginconsult.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.marginconsult.impact.ImpactRun;
import org.marginconsult.impact.ImpactSummaryService;
import org.marginconsult.impact.SummaryContent;
import org.marginconsult.web.Amounts;
import org.marginconsult.web.SvgCharts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Impact summaries as a comment shows them, read from the impact feature: today's siloed requirement
 * and each proposal's requirement and change, in total and by account. Aggregates only, as
 * {@link SummaryContent} guarantees. Figures are shown as the summary states them (US dollars, two
 * decimals); nothing is recomputed here.
 */
@ApplicationScoped
public class ImpactSummaryTables implements ImpactSummaries {

    private static final List<String> COLUMNS = List.of("Requirement", "Margin (USD)", "Change (USD)", "Change (%)");

    @Inject
    ImpactSummaryService summaries;

    @Override
    @Transactional
    public Optional<Table> find(long summaryId, String firm) {
        return summaries.summaryOf(firm, summaryId).map(ImpactSummaryTables::table);
    }

    @Override
    @Transactional
    public List<Choice> ofFirm(long consultationId, String firm) {
        return summaries.summariesOf(firm).stream()
                .filter(s -> s.consultationId() == null || s.consultationId() == consultationId)
                .map(ImpactSummaryTables::toChoice).toList();
    }

    @Override
    @Transactional
    public Optional<Choice> choice(long summaryId, String firm) {
        return summaries.summaryOf(firm, summaryId).map(ImpactSummaryTables::toChoice);
    }

    static Choice toChoice(ImpactSummaryService.Summary s) {
        SummaryContent c = s.content();
        ImpactRun run = ImpactRun.findById(s.runId());
        String portfolio = run == null ? "" : run.portfolioLabel + " (version " + run.portfolioVersion + ")";
        List<String> totals = new ArrayList<>();
        totals.add("Today " + Amounts.format(c.today().total()));
        for (SummaryContent.ProposalDelta p : c.proposals()) {
            totals.add(p.title() + " " + Amounts.format(p.total()) + (p.change() == null ? "" : " (change " + Amounts.format(p.change()) + ")"));
        }
        return new Choice(s.id(), table(s).title(), portfolio, s.createdAt(), s.createdBy(), totals);
    }

    /** Margin today and under each proposal, as grouped bars. */
    @Override
    @Transactional
    public Optional<SvgCharts.Chart> chart(long summaryId, String firm) {
        return summaries.summaryOf(firm, summaryId).map(s -> {
            SummaryContent c = s.content();
            List<String> categories = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            categories.add("Today");
            values.add(c.today().total().doubleValue());
            for (SummaryContent.ProposalDelta p : c.proposals()) {
                categories.add(p.title());
                values.add(p.total() == null ? 0 : p.total().doubleValue());
            }
            return SvgCharts.groupedBars("summary-" + s.id(), "Impact summary " + s.id() + ": margin today and under each proposal",
                    "Total margin requirement in US dollars, today (siloed accounts) and under each proposal.", categories,
                    List.of(new SvgCharts.Series("Margin (USD)", values)),
                    v -> new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)).format(v));
        });
    }

    static Table table(ImpactSummaryService.Summary s) {
        SummaryContent c = s.content();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Today (siloed accounts)", Amounts.format(c.today().total()), "", ""));
        for (Map.Entry<String, BigDecimal> account : c.today().byAccount().entrySet()) {
            rows.add(List.of("Today, " + account.getKey() + " account", Amounts.format(account.getValue()), "", ""));
        }
        for (SummaryContent.ProposalDelta p : c.proposals()) {
            rows.add(List.of(p.title() + " (" + p.id() + " " + p.version() + ")", Amounts.format(p.total()), Amounts.format(p.change()),
                    p.changePercent() == null ? "" : p.changePercent().setScale(2, RoundingMode.HALF_UP).toPlainString()));
        }
        String provenance = "Impact run " + c.runId() + ", input hash " + c.provenance().inputHash() + ", engine "
                + c.provenance().engineVersion() + ", " + c.exposure().positionCount() + " positions, as of "
                + c.provenance().asOf() + ".";
        String title = "Margin today versus " + c.proposals().size() + " proposal" + (c.proposals().size() == 1 ? "" : "s")
                + " (" + c.provenance().securitiesRegime() + ")";
        return new Table(s.id(), title, COLUMNS, rows, provenance);
    }
}
