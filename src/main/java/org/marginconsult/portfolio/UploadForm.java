package org.marginconsult.portfolio;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.marginconsult.margin.Account;
import org.marginconsult.margin.InstrumentType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Helpers shared by the page and the API for reading what a form or query string gives. */
final class UploadForm {

    /** Collateral rows offered by the upload page. */
    static final int COLLATERAL_ROWS = 5;

    private UploadForm() {
    }

    /** Repeated form fields, one list per column, as collateral lines (blank rows included). */
    static List<MetadataInput.CollateralInput> collateral(List<String> accounts, List<String> assets,
            List<String> values, List<String> maturities) {
        int n = Math.max(Math.max(size(accounts), size(assets)), Math.max(size(values), size(maturities)));
        List<MetadataInput.CollateralInput> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new MetadataInput.CollateralInput(get(accounts, i), get(assets, i), get(values, i),
                    get(maturities, i)));
        }
        return out;
    }

    /**
     * A positions filter from query parameters.
     *
     * @throws BadRequestException naming the parameter when a code is unknown
     */
    static PositionStore.Filter filter(String account, String instrumentType, String underlying, String text) {
        return new PositionStore.Filter(code(account, Account.class, "account"),
                code(instrumentType, InstrumentType.class, "instrumentType"), underlying, text);
    }

    private static <E extends Enum<E>> E code(String value, Class<E> type, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name + " must be one of " + String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ".");
        }
    }

    /**
     * The owned portfolio's positions as a CSV download, streamed from the store (the page and the API
     * offer the same file).
     */
    static Response csvDownload(PortfolioService portfolios, long id) {
        Portfolio p = portfolios.requireOwned(id);
        StreamingOutput body = out -> portfolios.exportCsv(id, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + exportName(p) + "\"").build();
    }

    /** "Q4 book" version 3 gives {@code Q4-book-v3.csv}. */
    static String exportName(Portfolio p) {
        String base = p.label.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return (base.isEmpty() ? "portfolio" : base) + "-v" + p.version + ".csv";
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static String get(List<String> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }
}
