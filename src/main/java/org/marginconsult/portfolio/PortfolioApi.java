package org.marginconsult.portfolio;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.marginconsult.margin.OptionType;
import org.marginconsult.security.Roles;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/portfolios}: upload (CSV, XLSX, multipart or JSON), list, read, page through
 * positions, export, delete. Bearer tokens only; another firm's portfolio answers 404, for staff too.
 * The JSON shapes are documented in docs/api.md.
 */
@Path("/api/v1/portfolios")
@Produces(MediaType.APPLICATION_JSON)
public class PortfolioApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    PortfolioService portfolios;

    @Inject
    UploadSpool spool;

    @Inject
    io.vertx.ext.web.RoutingContext routing;

    /** {@code 201} body: the new portfolio's id, its number of positions and its warnings. */
    public record Created(long id, String label, int version, int positions, List<UploadWarning> warnings,
            int warningCount) {
    }

    /** {@code 422}/{@code 413} body: the errors (the first ones) and how many there are in all. */
    public record Rejected(List<UploadError> errors, int errorCount) {
    }

    /** A portfolio in the list. */
    public record Item(long id, String label, int version, LocalDate asOf, FirmCategory firmCategory, int positions,
            int warnings, String sourceFormat, String sourceName, String uploadedBy, Instant uploadedAt) {

        static Item of(Portfolio p) {
            return new Item(p.id, p.label, p.version, p.asOf, p.firmCategory, p.positionCount, p.warningCount,
                    p.sourceFormat, p.sourceName, p.uploadedBy, p.uploadedAt);
        }
    }

    /** A portfolio with its collateral, warnings and totals. */
    public record Detail(long id, String label, int version, LocalDate asOf, FirmCategory firmCategory, int positions,
            String sourceFormat, String sourceName, String uploadedBy, Instant uploadedAt, String referenceDataVersion,
            List<Collateral> collateral, List<UploadWarning> warnings, int warningCount,
            Map<PortfolioTotal.Dimension, List<Total>> totals) {
    }

    /** A collateral line. */
    public record Collateral(Account account, CollateralAsset asset, BigDecimal marketValue, LocalDate maturity) {
    }

    /** One group of a total. */
    public record Total(String key, int positions, BigDecimal netNotional, BigDecimal grossNotional) {
    }

    /** A position with its line in the uploaded file. */
    public record PositionRow(int line, String positionId, Account account, InstrumentType instrumentType, String symbol,
            String underlying, BigDecimal quantity, BigDecimal multiplier, BigDecimal price, BigDecimal underlyingPrice,
            OptionType optionType, BigDecimal strike, LocalDate expiry, BigDecimal impliedVol, BigDecimal dv01,
            String currency) {

        static PositionRow of(PositionStore.StoredPosition s) {
            var p = s.position();
            return new PositionRow(s.line(), p.positionId(), p.account(), p.instrumentType(), p.symbol(), p.underlying(),
                    p.quantity(), p.multiplier(), p.price(), p.underlyingPrice(), p.optionType(), p.strike(), p.expiry(),
                    p.impliedVol(), p.dv01(), p.currency());
        }
    }

    /** A page of positions. */
    public record PositionsPage(int page, int pageSize, long matching, long pages, List<PositionRow> positions) {
    }

    @POST
    @Consumes({"text/csv", "application/csv"})
    @RolesAllowed(Roles.PARTICIPANT)
    public Response uploadCsv(InputStream body, @RestQuery String label, @RestQuery String asOf,
            @RestQuery String firmCategory, @RestQuery String filename) {
        return uploadRaw(body, PortfolioService.UploadFormat.CSV, new MetadataInput(label, asOf, firmCategory, List.of()),
                filename);
    }

    @POST
    @Consumes(XLSX)
    @RolesAllowed(Roles.PARTICIPANT)
    public Response uploadXlsx(InputStream body, @RestQuery String label, @RestQuery String asOf,
            @RestQuery String firmCategory, @RestQuery String filename) {
        return uploadRaw(body, PortfolioService.UploadFormat.XLSX,
                new MetadataInput(label, asOf, firmCategory, List.of()), filename);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTICIPANT)
    public Response uploadJson(InputStream body) {
        return uploadRaw(body, PortfolioService.UploadFormat.JSON, null, null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.PARTICIPANT)
    public Response uploadMultipart(@RestForm("file") FileUpload file, @RestForm String label, @RestForm String asOf,
            @RestForm String firmCategory, @RestForm List<String> collateralAccount,
            @RestForm List<String> collateralAsset, @RestForm List<String> collateralValue,
            @RestForm List<String> collateralMaturity) {
        MetadataInput metadata = new MetadataInput(label, asOf, firmCategory,
                UploadForm.collateral(collateralAccount, collateralAsset, collateralValue, collateralMaturity));
        try {
            PortfolioService.UploadFile upload = spool.fromForm(file);
            return created(portfolios.upload(metadata, upload));
        } catch (UploadRejectedException e) {
            return rejected(e);
        }
    }

    private Response uploadRaw(InputStream body, PortfolioService.UploadFormat format, MetadataInput metadata,
            String filename) {
        try (UploadSpool.Spooled spooled = spool.fromBody(body, format, filename)) {
            return created(portfolios.upload(metadata, spooled.file()));
        } catch (UploadRejectedException e) {
            return rejected(e);
        }
    }

    private static Response created(PortfolioService.UploadOutcome outcome) {
        Portfolio p = outcome.portfolio();
        return Response.created(URI.create("/api/v1/portfolios/" + p.id))
                .entity(new Created(p.id, p.label, p.version, p.positionCount, outcome.warnings(), outcome.warningCount()))
                .build();
    }

    private Response rejected(UploadRejectedException e) {
        if (e.overLimit()) {
            UploadSpool.closeConnectionAfterResponse(routing);
        }
        return Response.status(e.overLimit() ? 413 : 422).type(MediaType.APPLICATION_JSON)
                .entity(new Rejected(e.errors(), e.errorCount())).build();
    }

    @GET
    @RolesAllowed(Roles.PARTICIPANT)
    public List<Item> list() {
        return portfolios.listOwned().stream().map(Item::of).toList();
    }

    @GET
    @Path("{id}")
    @Authenticated
    public Detail get(@RestPath long id) {
        Portfolio p = portfolios.requireOwned(id);
        Map<PortfolioTotal.Dimension, List<Total>> totals = new java.util.EnumMap<>(PortfolioTotal.Dimension.class);
        for (PortfolioTotal.Dimension d : PortfolioTotal.Dimension.values()) {
            totals.put(d, p.totals.stream().filter(t -> t.dimension == d)
                    .sorted(Comparator.comparing((PortfolioTotal t) -> t.grossNotional).reversed()
                            .thenComparing(t -> t.key))
                    .map(t -> new Total(t.key, t.positions, t.netNotional, t.grossNotional)).toList());
        }
        return new Detail(p.id, p.label, p.version, p.asOf, p.firmCategory, p.positionCount, p.sourceFormat,
                p.sourceName, p.uploadedBy, p.uploadedAt, p.referenceDataVersion,
                p.collateral.stream().map(c -> new Collateral(c.account, c.asset, c.marketValue, c.maturity)).toList(),
                p.warnings.stream().map(StoredWarning::toWarning).toList(), p.warningCount, totals);
    }

    @GET
    @Path("{id}/positions")
    @Authenticated
    public PositionsPage positions(@RestPath long id, @RestQuery Integer page, @RestQuery String account,
            @RestQuery String instrumentType, @RestQuery String underlying, @RestQuery String q) {
        PositionStore.Filter filter = UploadForm.filter(account, instrumentType, underlying, q);
        int zeroBased = page == null || page < 1 ? 0 : page - 1;
        PositionStore.Page result = portfolios.positions(id, filter, zeroBased);
        return new PositionsPage(result.page() + 1, result.pageSize(), result.matching(), result.pages(),
                result.positions().stream().map(PositionRow::of).toList());
    }

    @GET
    @Path("{id}/export")
    @Produces("text/csv")
    @Authenticated
    public Response export(@RestPath long id) {
        return UploadForm.csvDownload(portfolios, id);
    }

    @DELETE
    @Path("{id}")
    @Authenticated
    public Response delete(@RestPath long id) {
        try {
            portfolios.delete(id);
            return Response.noContent().build();
        } catch (PortfolioHeldException e) {
            return Response.status(409).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("status", 409, "error", "Conflict", "message", e.getMessage())).build();
        }
    }
}
