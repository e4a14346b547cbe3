package org.marginconsult.impact;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.marginconsult.impact.ImpactResult.Contribution;
import org.marginconsult.impact.ImpactResult.GroupWorst;
import org.marginconsult.impact.ImpactResult.Line;
import org.marginconsult.impact.ImpactResult.ProposalImpact;

/**
 * A result as CSV, XLSX or JSON. The tabular exports share one long layout (section, regime, item,
 * detail, amount, percent), amounts as numbers. Text that a spreadsheet would read as a formula (a
 * cell starting with =, +, -, @, tab or carriage return) is written with a leading apostrophe, so an
 * export opened in Excel or LibreOffice never executes anything.
 */
public final class ImpactExports {

    static final List<String> HEADER = List.of("section", "regime", "item", "detail", "amount_usd", "percent");

    /** One exported row. */
    public record ExportRow(String section, String regime, String item, String detail, BigDecimal amount,
            BigDecimal percent) {
    }

    private ImpactExports() {
    }

    public static List<ExportRow> rows(ImpactResult r) {
        List<ExportRow> rows = new ArrayList<>();
        var prov = r.provenance();
        rows.add(new ExportRow("provenance", "", "input_hash", prov.inputHash(), null, null));
        rows.add(new ExportRow("provenance", "", "engine_version", prov.engineVersion(), null, null));
        rows.add(new ExportRow("provenance", "", "portfolio", prov.portfolioLabel() + " v" + prov.portfolioVersion(), null, null));
        rows.add(new ExportRow("provenance", "", "as_of", String.valueOf(prov.asOf()), null, null));
        prov.methodologies().forEach(m -> rows.add(new ExportRow("provenance", "", "methodology", m.id() + " v" + m.version() + " " + m.title(), null, null)));
        prov.proposals().forEach(m -> rows.add(new ExportRow("provenance", "", "proposal", m.id() + " v" + m.version(), null, null)));
        rows.add(new ExportRow("total", "today", "total", "", r.today().total(), null));
        r.today().byAccount().forEach((k, v) -> rows.add(new ExportRow("account", "today", k, "", v, null)));
        r.today().byRiskGroup().forEach((k, v) -> rows.add(new ExportRow("risk_group", "today", k, "", v, null)));
        for (ProposalImpact p : r.proposals()) {
            rows.add(new ExportRow("total", p.id(), "total", p.title(), p.total(), null));
            rows.add(new ExportRow("change", p.id(), "change", "proposal minus today", p.change(), p.changePercent()));
            p.byAccount().forEach((k, v) -> rows.add(new ExportRow("account", p.id(), k, "", v, null)));
            p.byRiskGroup().forEach((k, v) -> rows.add(new ExportRow("risk_group", p.id(), k, "", v, null)));
            for (Line l : p.offsets()) {
                rows.add(new ExportRow("offset", p.id(), l.group(), l.kind() + ": " + l.description(), l.amount(), null));
            }
            for (Line l : p.addOns()) {
                rows.add(new ExportRow("add_on", p.id(), l.group(), l.kind() + ": " + l.description(), l.amount(), null));
            }
            if (p.collateral() != null) {
                rows.add(new ExportRow("collateral", p.id(), "collateral_value", "", p.collateral().collateralValue(), null));
                rows.add(new ExportRow("collateral", p.id(), "liquidity_released", "", p.collateral().releasedVersusToday(), null));
            }
            for (GroupWorst w : p.worstScenarios()) {
                for (Contribution c : w.contributors()) {
                    rows.add(new ExportRow("worst_scenario_position", p.id(), w.group(),
                            c.positionId() + " " + c.symbol() + " in " + w.scenario(), c.pnl(), null));
                }
            }
        }
        if (r.today().collateral() != null) {
            rows.add(new ExportRow("collateral", "today", "collateral_value", "", r.today().collateral().collateralValue(), null));
        }
        if (r.sensitivity() != null) {
            r.sensitivity().points().forEach(pt -> rows.add(new ExportRow("sensitivity", r.sensitivity().proposal(),
                    "offset_factor", pt.offsetFactor().toPlainString(), pt.total(), null)));
        }
        return rows;
    }

    /** Neutralises text a spreadsheet would evaluate. */
    public static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }

    public static void csv(ImpactResult r, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(String.join(",", HEADER));
        w.write("\r\n");
        for (ExportRow row : rows(r)) {
            w.write(field(safe(row.section())) + "," + field(safe(row.regime())) + "," + field(safe(row.item())) + ","
                    + field(safe(row.detail())) + "," + number(row.amount()) + "," + number(row.percent()) + "\r\n");
        }
        w.flush();
    }

    public static void xlsx(ImpactResult r, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = book.createSheet("impact");
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                head.createCell(i).setCellValue(HEADER.get(i));
            }
            int n = 1;
            for (ExportRow row : rows(r)) {
                Row x = sheet.createRow(n++);
                x.createCell(0).setCellValue(safe(row.section()));
                x.createCell(1).setCellValue(safe(row.regime()));
                x.createCell(2).setCellValue(safe(row.item()));
                x.createCell(3).setCellValue(safe(row.detail()));
                numberCell(x.createCell(4), row.amount());
                numberCell(x.createCell(5), row.percent());
            }
            book.write(out);
            book.dispose();
        }
    }

    public static void json(ImpactResult r, OutputStream out) throws IOException {
        out.write(ImpactJson.write(r).getBytes(StandardCharsets.UTF_8));
    }

    private static void numberCell(Cell cell, BigDecimal value) {
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
    }

    private static String number(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private static String field(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
