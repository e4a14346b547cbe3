package org.marginconsult.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Server-rendered SVG charts (no script, no CDN, no inline style: colours come from CSS classes
 * {@code series-N}, so the Content-Security-Policy holds). Every chart carries a {@code <title>} and a
 * {@code <desc>} referenced by {@code aria-labelledby}, and comes with the same figures as an HTML
 * table, the text alternative a screen reader or a copy-paste uses. All text is escaped here.
 */
public final class SvgCharts {

    /** A named series of values, one per category (bars) or per x value (lines). */
    public record Series(String name, List<Double> values) {
        public Series {
            values = List.copyOf(values);
        }
    }

    /** A rendered chart: the SVG and the equivalent table, both safe to insert unescaped. */
    public record Chart(String svg, String table) {
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 320;
    private static final int LEFT = 96;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 72;

    private SvgCharts() {
    }

    /**
     * Grouped bars: for each category one bar per series.
     *
     * @param id          unique id prefix within the page
     * @param title       the chart's title
     * @param description what the chart shows, for assistive technology
     * @param categories  category labels (x axis)
     * @param series      the series, each with one value per category
     * @param format      how values are written on the axis and in the table
     */
    public static Chart groupedBars(String id, String title, String description, List<String> categories,
            List<Series> series, DoubleFunction<String> format) {
        Scale y = Scale.of(series.stream().flatMap(s -> s.values().stream()).toList());
        StringBuilder svg = open(id, title, description);
        axes(svg, y, format);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double band = categories.isEmpty() ? plotWidth : plotWidth / categories.size();
        double barWidth = band * 0.8 / Math.max(1, series.size());
        for (int c = 0; c < categories.size(); c++) {
            double x0 = LEFT + c * band + band * 0.1;
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).values().get(c);
                double top = y.pixel(Math.max(v, 0));
                double height = Math.abs(y.pixel(v) - y.pixel(0));
                svg.append("<rect class=\"bar series-").append(s % 8).append("\" x=\"").append(f(x0 + s * barWidth))
                        .append("\" y=\"").append(f(top)).append("\" width=\"").append(f(barWidth * 0.92))
                        .append("\" height=\"").append(f(Math.max(height, 0.5))).append("\"><title>")
                        .append(esc(categories.get(c) + ", " + series.get(s).name() + ": " + format.apply(v)))
                        .append("</title></rect>");
            }
            svg.append("<text class=\"category\" x=\"").append(f(LEFT + c * band + band / 2)).append("\" y=\"")
                    .append(HEIGHT - BOTTOM + 16).append("\" text-anchor=\"middle\">")
                    .append(esc(shorten(categories.get(c), (int) Math.max(4, band / 7)))).append("</text>");
        }
        legend(svg, series);
        svg.append("</svg>");
        return new Chart(svg.toString(), table(title, "", categories, series, format));
    }

    /**
     * Lines over a numeric x axis (a scenario profile, a sensitivity curve).
     *
     * @param xs      x values, ascending, shared by every series
     * @param xFormat how x values are written
     */
    public static Chart lines(String id, String title, String description, List<Double> xs, String xLabel,
            DoubleFunction<String> xFormat, List<Series> series, DoubleFunction<String> format) {
        Scale y = Scale.of(series.stream().flatMap(s -> s.values().stream()).toList());
        double xMin = xs.isEmpty() ? 0 : xs.get(0);
        double xMax = xs.isEmpty() ? 1 : xs.get(xs.size() - 1);
        double xSpan = xMax == xMin ? 1 : xMax - xMin;
        StringBuilder svg = open(id, title, description);
        axes(svg, y, format);
        double plotWidth = WIDTH - LEFT - RIGHT;
        for (int i = 0; i < xs.size(); i++) {
            if (xs.size() <= 12 || i % Math.ceil(xs.size() / 12.0) == 0 || i == xs.size() - 1) {
                double px = LEFT + (xs.get(i) - xMin) / xSpan * plotWidth;
                svg.append("<text class=\"category\" x=\"").append(f(px)).append("\" y=\"").append(HEIGHT - BOTTOM + 16)
                        .append("\" text-anchor=\"middle\">").append(esc(xFormat.apply(xs.get(i)))).append("</text>");
            }
        }
        svg.append("<text class=\"axis-label\" x=\"").append(LEFT + plotWidth / 2).append("\" y=\"")
                .append(HEIGHT - BOTTOM + 34).append("\" text-anchor=\"middle\">").append(esc(xLabel)).append("</text>");
        for (int s = 0; s < series.size(); s++) {
            StringBuilder points = new StringBuilder();
            List<Double> values = series.get(s).values();
            for (int i = 0; i < xs.size(); i++) {
                points.append(f(LEFT + (xs.get(i) - xMin) / xSpan * plotWidth)).append(',')
                        .append(f(y.pixel(values.get(i)))).append(' ');
            }
            svg.append("<polyline class=\"line series-").append(s % 8).append("\" points=\"")
                    .append(points.toString().trim()).append("\"/>");
            for (int i = 0; i < xs.size(); i++) {
                svg.append("<circle class=\"point series-").append(s % 8).append("\" r=\"3\" cx=\"")
                        .append(f(LEFT + (xs.get(i) - xMin) / xSpan * plotWidth)).append("\" cy=\"")
                        .append(f(y.pixel(values.get(i)))).append("\"><title>")
                        .append(esc(series.get(s).name() + " at " + xFormat.apply(xs.get(i)) + ": "
                                + format.apply(values.get(i))))
                        .append("</title></circle>");
            }
        }
        legend(svg, series);
        svg.append("</svg>");
        List<String> categories = xs.stream().map(xFormat::apply).toList();
        return new Chart(svg.toString(), table(title, xLabel, categories, series, format));
    }

    private static StringBuilder open(String id, String title, String description) {
        StringBuilder svg = new StringBuilder(4096);
        String safeId = id.replaceAll("[^A-Za-z0-9_-]", "-");
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(safeId).append("-title ")
                .append(safeId).append("-desc\"><title id=\"").append(safeId).append("-title\">").append(esc(title))
                .append("</title><desc id=\"").append(safeId).append("-desc\">").append(esc(description))
                .append("</desc>");
        return svg;
    }

    private static void axes(StringBuilder svg, Scale y, DoubleFunction<String> format) {
        for (double tick : y.ticks()) {
            double py = y.pixel(tick);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(f(py)).append("\" y2=\"").append(f(py)).append("\"/>");
            svg.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(f(py + 4))
                    .append("\" text-anchor=\"end\">").append(esc(format.apply(tick))).append("</text>");
        }
        double zero = y.pixel(0);
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(f(zero)).append("\" y2=\"").append(f(zero)).append("\"/>");
    }

    private static void legend(StringBuilder svg, List<Series> series) {
        double x = LEFT;
        double y = HEIGHT - 14;
        for (int s = 0; s < series.size(); s++) {
            svg.append("<rect class=\"swatch series-").append(s % 8).append("\" x=\"").append(f(x)).append("\" y=\"")
                    .append(f(y - 9)).append("\" width=\"10\" height=\"10\"/>");
            String name = shorten(series.get(s).name(), 24);
            svg.append("<text class=\"legend\" x=\"").append(f(x + 14)).append("\" y=\"").append(f(y)).append("\">")
                    .append(esc(name)).append("</text>");
            x += 28 + name.length() * 7;
        }
    }

    private static String table(String caption, String firstHeader, List<String> categories, List<Series> series,
            DoubleFunction<String> format) {
        StringBuilder t = new StringBuilder(1024);
        t.append("<div class=\"table-scroll\"><table class=\"chart-data\"><caption>").append(esc(caption))
                .append(" (figures)</caption><thead><tr><th scope=\"col\">").append(esc(firstHeader)).append("</th>");
        for (Series s : series) {
            t.append("<th scope=\"col\" class=\"num\">").append(esc(s.name())).append("</th>");
        }
        t.append("</tr></thead><tbody>");
        for (int c = 0; c < categories.size(); c++) {
            t.append("<tr><th scope=\"row\">").append(esc(categories.get(c))).append("</th>");
            for (Series s : series) {
                t.append("<td class=\"num\">").append(esc(format.apply(s.values().get(c)))).append("</td>");
            }
            t.append("</tr>");
        }
        return t.append("</tbody></table></div>").toString();
    }

    /** A linear value axis from min(0, data) to max(0, data), with round tick steps. */
    private record Scale(double min, double max, double step) {

        static Scale of(List<Double> values) {
            double lo = 0;
            double hi = 0;
            for (double v : values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (hi == lo) {
                hi = lo + 1;
            }
            double raw = (hi - lo) / 5;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = magnitude * (raw / magnitude <= 1 ? 1 : raw / magnitude <= 2 ? 2 : raw / magnitude <= 5 ? 5 : 10);
            return new Scale(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
        }

        double pixel(double v) {
            return TOP + (max - v) / (max - min) * (HEIGHT - TOP - BOTTOM);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            for (double t = min; t <= max + step / 2; t += step) {
                ticks.add(Math.abs(t) < step / 1e6 ? 0 : t);
            }
            return ticks;
        }
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "\u2026";
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Escapes text for SVG/HTML element content and attribute values (null gives an empty string). */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
