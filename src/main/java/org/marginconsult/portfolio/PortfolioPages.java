package org.marginconsult.portfolio;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.marginconsult.margin.Account;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.security.Roles;
import org.marginconsult.web.Amounts;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The portfolio pages: the firm's list, the upload form (plain multipart POST; a script adds a
 * progress bar), a portfolio with its totals, warnings and paginated positions, its CSV export and its
 * deletion. Another firm's portfolio answers 404, for staff too.
 */
@Path("/portfolios")
public class PortfolioPages {

    /** Errors shown in the table of a refused upload; the total count is shown above it. */
    static final int ERRORS_SHOWN = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ListRow> portfolios, String deleted);

        static native TemplateInstance upload(UploadView form);

        static native TemplateInstance portfolio(PortfolioView view);
    }

    @Inject
    PortfolioService portfolios;

    @Inject
    UploadSpool spool;

    @Inject
    PortfolioConfig config;

    @Inject
    org.marginconsult.impact.MarginCatalog referenceData;

    @Inject
    SpreadsheetFiles spreadsheets;

    @Inject
    Clock clock;

    @Inject
    io.vertx.ext.web.RoutingContext routing;

    /** A row of the firm's list. */
    public record ListRow(long id, String label, int version, String asOf, String category, String positions,
            String warnings, String uploadedBy, String uploadedAt) {
    }

    /** A collateral row of the form, as typed. */
    public record CollateralRow(int number, String account, String asset, String value, String maturity) {
    }

    /** The upload form: typed values, choices, limits and, after a refused upload, its errors. */
    public record UploadView(String label, String asOf, String firmCategory, List<CollateralRow> collateral,
            List<FirmCategory> categories, List<CollateralAsset> assets, List<Account> accounts, String maxSize,
            long maxBytes, String maxRows, Map<String, String> fieldErrors, List<UploadError> collateralErrors,
            List<UploadError> fileErrors, int errorCount, boolean tooLarge) {

        public boolean hasErrors() {
            return errorCount > 0;
        }

        public boolean moreErrorsThanShown() {
            return errorCount > fileErrors.size() + collateralErrors.size() + fieldErrors.size();
        }
    }

    /** One group of a totals table. */
    public record TotalRow(String key, String description, String positions, String net, String gross) {
    }

    /** A totals table. */
    public record TotalsTable(String title, String keyHeading, List<TotalRow> rows) {
    }

    /** A link of the pagination. */
    public record PageLink(String label, String href, boolean current) {
    }

    /** A position row, formatted. */
    public record PositionLine(int line, String positionId, String account, String instrumentType, String symbol,
            String underlying, String quantity, String multiplier, String price, String underlyingPrice,
            String optionType, String strike, String expiry, String impliedVol, String dv01) {
    }

    /** Everything the portfolio page shows. */
    public record PortfolioView(Portfolio portfolio, String category, String uploadedAt, List<CollateralLine> collateral,
            List<UploadWarning> warnings, int warningCount, List<TotalsTable> totals, List<PositionLine> positions,
            String matching, List<PageLink> pages, String account, String instrumentType, String underlying, String q,
            List<Account> accounts, List<InstrumentType> instrumentTypes, List<PortfolioService.Hold> holds,
            String notice, String refusal) {

        public String deleteAction() {
            return "/portfolios/" + portfolio.id + "/delete";
        }

        public boolean filtered() {
            return account != null || instrumentType != null || (underlying != null && !underlying.isBlank())
                    || (q != null && !q.isBlank());
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.PARTICIPANT)
    public TemplateInstance list(@RestQuery String deleted) {
        List<ListRow> rows = portfolios.listOwned().stream().map(p -> new ListRow(p.id, p.label, p.version,
                p.asOf.toString(), p.firmCategory.label(), integer(p.positionCount), integer(p.warningCount),
                p.uploadedBy, timestamp(p))).toList();
        return Templates.list(rows, deleted);
    }

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.PARTICIPANT)
    public TemplateInstance uploadForm() {
        return Templates.upload(view(new MetadataInput("", LocalDate.now(clock).toString(), "", List.of()), null));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.PARTICIPANT)
    public Response upload(@RestForm("file") FileUpload file, @RestForm String label, @RestForm String asOf,
            @RestForm String firmCategory, @RestForm List<String> collateralAccount,
            @RestForm List<String> collateralAsset, @RestForm List<String> collateralValue,
            @RestForm List<String> collateralMaturity) {
        MetadataInput metadata = new MetadataInput(label, asOf, firmCategory,
                UploadForm.collateral(collateralAccount, collateralAsset, collateralValue, collateralMaturity));
        try {
            PortfolioService.UploadOutcome outcome = portfolios.upload(metadata, spool.fromForm(file));
            return Response.seeOther(URI.create("/portfolios/" + outcome.portfolio().id + "?uploaded=1")).build();
        } catch (UploadRejectedException e) {
            if (e.overLimit()) {
                UploadSpool.closeConnectionAfterResponse(routing);
            }
            return Response.status(e.overLimit() ? 413 : 422).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.upload(view(metadata, e))).build();
        }
    }

    private UploadView view(MetadataInput typed, UploadRejectedException rejection) {
        List<CollateralRow> rows = new ArrayList<>();
        List<MetadataInput.CollateralInput> lines = typed.collateral().stream().filter(c -> !c.isBlank()).toList();
        for (int i = 0; i < Math.max(UploadForm.COLLATERAL_ROWS, lines.size()); i++) {
            MetadataInput.CollateralInput c = i < lines.size() ? lines.get(i)
                    : new MetadataInput.CollateralInput("", "", "", "");
            rows.add(new CollateralRow(i + 1, nz(c.account()), nz(c.asset()), nz(c.marketValue()), nz(c.maturity())));
        }
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        List<UploadError> collateralErrors = new ArrayList<>();
        List<UploadError> fileErrors = new ArrayList<>();
        int count = 0;
        boolean tooLarge = false;
        if (rejection != null) {
            count = rejection.errorCount();
            tooLarge = rejection.overLimit();
            for (UploadError e : rejection.errors()) {
                String column = e.column();
                if (e.line() == null && column != null && List.of("label", "asOf", "firmCategory", "file").contains(column)) {
                    fieldErrors.merge(column, e.message(), (a, b) -> a + " " + b);
                } else if (e.line() == null && column != null && column.startsWith("collateral")) {
                    collateralErrors.add(e);
                } else if (fileErrors.size() < ERRORS_SHOWN) {
                    fileErrors.add(e);
                }
            }
        }
        return new UploadView(nz(typed.label()), nz(typed.asOf()), nz(typed.firmCategory()), rows,
                List.of(FirmCategory.values()), List.of(CollateralAsset.values()), List.of(Account.values()),
                Limits.size(config.maxUploadSize().asLongValue()), config.maxUploadSize().asLongValue(),
                integer(config.maxRows()), fieldErrors, collateralErrors, fileErrors, count, tooLarge);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    @Authenticated
    public TemplateInstance portfolio(@RestPath long id, @RestQuery Integer page, @RestQuery String account,
            @RestQuery String instrumentType, @RestQuery String underlying, @RestQuery String q,
            @RestQuery String uploaded) {
        return Templates.portfolio(portfolioView(id, page, account, instrumentType, underlying, q,
                uploaded != null ? "uploaded" : null, null));
    }

    private PortfolioView portfolioView(long id, Integer page, String account, String instrumentType, String underlying,
            String q, String notice, String refusal) {
        Portfolio p = portfolios.requireOwned(id);
        PositionStore.Filter filter = UploadForm.filter(account, instrumentType, underlying, q);
        int zeroBased = page == null || page < 1 ? 0 : page - 1;
        PositionStore.Page result = portfolios.positions(id, filter, zeroBased);
        List<PositionLine> lines = result.positions().stream().map(PortfolioPages::line).toList();
        String noticeText = notice == null ? null : "Uploaded " + p.title() + ": " + integer(p.positionCount)
                + " positions" + (p.warningCount == 0 ? ", no warnings." : ", " + integer(p.warningCount)
                + " warning" + (p.warningCount == 1 ? "" : "s") + " (below).");
        return new PortfolioView(p, p.firmCategory.label(), timestamp(p), List.copyOf(p.collateral),
                p.warnings.stream().map(StoredWarning::toWarning).toList(), p.warningCount, totals(p), lines,
                integer(result.matching()), pageLinks(id, result, filter), filter.account() == null ? null
                        : filter.account().name(),
                filter.instrumentType() == null ? null : filter.instrumentType().name(), underlying, q,
                List.of(Account.values()), List.of(InstrumentType.values()), portfolios.holds(id), noticeText, refusal);
    }

    @GET
    @Path("{id}/positions.csv")
    @Produces("text/csv")
    @Authenticated
    public Response export(@RestPath long id) {
        return UploadForm.csvDownload(portfolios, id);
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Authenticated
    public Response delete(@RestPath long id) {
        Portfolio p = portfolios.requireOwned(id);
        String title = p.title();
        try {
            portfolios.delete(id);
            return Response.seeOther(URI.create("/portfolios?deleted=" + URLEncoder.encode(title, StandardCharsets.UTF_8)))
                    .build();
        } catch (PortfolioHeldException e) {
            return Response.status(409).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.portfolio(portfolioView(id, null, null, null, null, null, null, e.getMessage())))
                    .build();
        }
    }

    @GET
    @Path("template.csv")
    @Produces("text/csv")
    public Response templateCsv() {
        return download(spreadsheets.csv(SpreadsheetFiles.TEMPLATE), "text/csv; charset=UTF-8", "portfolio-template.csv");
    }

    @GET
    @Path("template.xlsx")
    @Produces(PortfolioApi.XLSX)
    public Response templateXlsx() {
        return download(spreadsheets.xlsx(SpreadsheetFiles.TEMPLATE), PortfolioApi.XLSX, "portfolio-template.xlsx");
    }

    @GET
    @Path("sample.csv")
    @Produces("text/csv")
    public Response sampleCsv() {
        return download(spreadsheets.csv(SpreadsheetFiles.SAMPLE), "text/csv; charset=UTF-8", "sample-portfolio.csv");
    }

    @GET
    @Path("sample.xlsx")
    @Produces(PortfolioApi.XLSX)
    public Response sampleXlsx() {
        return download(spreadsheets.xlsx(SpreadsheetFiles.SAMPLE), PortfolioApi.XLSX, "sample-portfolio.xlsx");
    }

    private static Response download(byte[] body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private List<TotalsTable> totals(Portfolio p) {
        List<TotalsTable> tables = new ArrayList<>();
        tables.add(table(p, PortfolioTotal.Dimension.ACCOUNT, "By account", "Account", key -> null));
        tables.add(table(p, PortfolioTotal.Dimension.INSTRUMENT_TYPE, "By instrument type", "Instrument type", key -> null));
        tables.add(table(p, PortfolioTotal.Dimension.RISK_GROUP, "By risk group", "Risk group", key -> null));
        tables.add(table(p, PortfolioTotal.Dimension.UNDERLYING, "By underlying", "Underlying", key -> {
            var data = referenceData.referenceData();
            return data.isKnown(key) ? data.resolve(key).description() : "not in reference data " + data.version();
        }));
        return tables;
    }

    private static TotalsTable table(Portfolio p, PortfolioTotal.Dimension dimension, String title, String heading,
            java.util.function.Function<String, String> describe) {
        List<TotalRow> rows = p.totals.stream().filter(t -> t.dimension == dimension)
                .sorted(Comparator.comparing((PortfolioTotal t) -> t.grossNotional).reversed().thenComparing(t -> t.key))
                .map(t -> new TotalRow(t.key, describe.apply(t.key), integer(t.positions), money(t.netNotional),
                        money(t.grossNotional)))
                .toList();
        return new TotalsTable(title, heading, rows);
    }

    private static List<PageLink> pageLinks(long id, PositionStore.Page page, PositionStore.Filter filter) {
        long pages = page.pages();
        int current = page.page() + 1;
        List<PageLink> links = new ArrayList<>();
        String base = "/portfolios/" + id + "?" + filterQuery(filter);
        if (current > 1) {
            links.add(new PageLink("Previous", base + "page=" + (current - 1), false));
        }
        for (long n : pageNumbers(current, pages)) {
            links.add(new PageLink(n == 0 ? "…" : Long.toString(n), n == 0 ? null : base + "page=" + n, n == current));
        }
        if (current < pages) {
            links.add(new PageLink("Next", base + "page=" + (current + 1), false));
        }
        return links;
    }

    /** First, last and the pages around the current one; 0 stands for a gap. */
    static List<Long> pageNumbers(long current, long pages) {
        java.util.TreeSet<Long> wanted = new java.util.TreeSet<>(List.of(1L, pages));
        for (long n = current - 2; n <= current + 2; n++) {
            if (n >= 1 && n <= pages) {
                wanted.add(n);
            }
        }
        List<Long> out = new ArrayList<>();
        long previous = 0;
        for (long n : wanted) {
            if (previous != 0 && n - previous > 1) {
                out.add(0L);
            }
            out.add(n);
            previous = n;
        }
        return out;
    }

    private static String filterQuery(PositionStore.Filter filter) {
        Map<String, String> params = new LinkedHashMap<>();
        if (filter.account() != null) {
            params.put("account", filter.account().name());
        }
        if (filter.instrumentType() != null) {
            params.put("instrumentType", filter.instrumentType().name());
        }
        if (filter.underlying() != null && !filter.underlying().isBlank()) {
            params.put("underlying", filter.underlying().strip());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            params.put("q", filter.text().strip());
        }
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8) + "&")
                .collect(Collectors.joining());
    }

    private static PositionLine line(PositionStore.StoredPosition s) {
        var p = s.position();
        return new PositionLine(s.line(), p.positionId(), p.account().name(), p.instrumentType().name(), p.symbol(),
                p.underlying(), plain(p.quantity()), plain(p.multiplier()), plain(p.price()), plain(p.underlyingPrice()),
                p.optionType() == null ? "" : p.optionType().name(), plain(p.strike()),
                p.expiry() == null ? "" : p.expiry().toString(), plain(p.impliedVol()), plain(p.dv01()));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    static String money(BigDecimal value) {
        return Amounts.format(value);
    }

    static String integer(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    private static String timestamp(Portfolio p) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(p.uploadedAt);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
