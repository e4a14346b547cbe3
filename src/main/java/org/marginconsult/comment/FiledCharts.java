package org.marginconsult.comment;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.marginconsult.web.Amounts;

import static org.marginconsult.web.SvgCharts.esc;

/**
 * The chart of an impact table as filed: one horizontal bar per requirement (today's siloed total and
 * each proposal's total), drawn from the figures of the filed table itself, so the chart in a letter
 * shows exactly what was hashed and never a figure read again from the impact feature.
 * <p>
 * The SVG carries its colours as presentation attributes (not CSS classes) because the PDF renderer
 * (openhtmltopdf with Batik) draws an inline SVG without the page's style sheet; presentation attributes
 * are not inline style, so the web pages' Content-Security-Policy holds too. Every text is escaped here.
 * Used from templates as {@code {t.filedChart.raw}} and {@code {t.filedChartText}} (the text alternative).
 */
@TemplateExtension
public final class FiledCharts {

    /** One bar: a requirement and its margin in US dollars. */
    public record Bar(String label, BigDecimal margin) {
    }

    /** The fill of every bar; tests find the bars in a PDF by this colour. */
    public static final String BAR_FILL = "#0b5394";

    private static final int WIDTH = 640;
    private static final int LABEL_WIDTH = 250;
    private static final int VALUE_WIDTH = 110;
    private static final int BAR_HEIGHT = 20;
    private static final int GAP = 8;
    private static final int TOP = 28;

    private FiledCharts() {
    }

    /**
     * The bars of a filed impact table: its first row (today, siloed accounts) and every proposal row;
     * the per-account rows of today ("Today, X account") are parts of the first row and not drawn.
     * Rows whose margin cell is empty or not a number are left out.
     */
    static List<Bar> bars(ImpactSummaries.Table table) {
        List<Bar> bars = new ArrayList<>();
        int marginColumn = table.columns().indexOf("Margin (USD)");
        if (marginColumn < 0) {
            return bars;
        }
        for (int i = 0; i < table.rows().size(); i++) {
            List<String> row = table.rows().get(i);
            if (row.size() <= marginColumn || (i > 0 && row.get(0).startsWith("Today, "))) {
                continue;
            }
            String cell = row.get(marginColumn).replace(",", "").strip();
            if (cell.isEmpty()) {
                continue;
            }
            try {
                bars.add(new Bar(row.get(0), new BigDecimal(cell)));
            } catch (NumberFormatException e) {
                // a hand-made table without a figure in this row: nothing to draw for it
            }
        }
        return bars;
    }

    /** The chart as an inline SVG element, or an empty string when the table has no figures to draw. */
    public static String filedChart(ImpactSummaries.Table table) {
        List<Bar> bars = bars(table);
        if (bars.isEmpty()) {
            return "";
        }
        double max = bars.stream().mapToDouble(b -> Math.abs(b.margin().doubleValue())).max().orElse(0);
        int height = TOP + bars.size() * (BAR_HEIGHT + GAP) + 4;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"filed-chart\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\"><title>")
                .append(esc(title(table))).append("</title>");
        svg.append("<text x=\"0\" y=\"16\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\" font-weight=\"bold\" fill=\"#222222\">")
                .append(esc(title(table))).append("</text>");
        double plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = TOP + i * (BAR_HEIGHT + GAP);
            double length = max == 0 ? 0 : Math.abs(b.margin().doubleValue()) / max * plot;
            svg.append("<text x=\"0\" y=\"").append(y + 14).append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"10\" fill=\"#222222\">")
                    .append(esc(shorten(b.label(), 44))).append("</text>");
            svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"")
                    .append(String.format(Locale.ROOT, "%.1f", Math.max(length, 1))).append("\" height=\"").append(BAR_HEIGHT)
                    .append("\" fill=\"").append(BAR_FILL).append("\"/>");
            svg.append("<text x=\"").append(String.format(Locale.ROOT, "%.1f", LABEL_WIDTH + Math.max(length, 1) + 6))
                    .append("\" y=\"").append(y + 14).append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"10\" fill=\"#222222\">")
                    .append(esc(dollars(b.margin()))).append("</text>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** The chart in words, for readers who cannot see it and for anyone copying the figures. */
    public static String filedChartText(ImpactSummaries.Table table) {
        List<Bar> bars = bars(table);
        if (bars.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(title(table)).append(": ");
        for (int i = 0; i < bars.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(bars.get(i).label()).append(" ").append(dollars(bars.get(i).margin()));
        }
        return text.append('.').toString();
    }

    private static String title(ImpactSummaries.Table table) {
        return "Chart of impact summary " + table.id() + ": total margin requirement (USD)";
    }

    private static String dollars(BigDecimal amount) {
        return "USD " + Amounts.format(amount);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
