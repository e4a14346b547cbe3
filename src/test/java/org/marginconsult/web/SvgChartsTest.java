package org.marginconsult.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.marginconsult.web.SvgCharts.Chart;
import org.marginconsult.web.SvgCharts.Series;
import org.w3c.dom.Document;

class SvgChartsTest {

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void groupedBarsDrawOneBarPerCategoryAndSeriesWithAnAccessibleTitle() throws Exception {
        Chart chart = SvgCharts.groupedBars("by-group", "Margin by risk group", "Today against two proposals",
                List.of("US_LARGE_CAP", "BITCOIN", "ETHER"),
                List.of(new Series("Today", List.of(100.0, 50.0, 10.0)), new Series("A", List.of(60.0, -5.0, 10.0))),
                v -> String.format("%.0f", v));
        Document svg = parse(chart.svg());
        assertEquals("Margin by risk group", svg.getElementsByTagName("title").item(0).getTextContent());
        assertEquals("Today against two proposals", svg.getElementsByTagName("desc").item(0).getTextContent());
        assertEquals("img", svg.getDocumentElement().getAttribute("role"));
        assertEquals("by-group-title by-group-desc", svg.getDocumentElement().getAttribute("aria-labelledby"));
        long bars = countClass(svg, "rect", "bar");
        assertEquals(6, bars);
        assertTrue(chart.table().contains("<th scope=\"row\">BITCOIN</th><td class=\"num\">50</td><td class=\"num\">-5</td>"));
    }

    @Test
    void textIsEscapedSoAChartCannotCarryMarkup() throws Exception {
        Chart chart = SvgCharts.groupedBars("x", "<script>alert(1)</script>", "a & b",
                List.of("<img src=x>"), List.of(new Series("\"quoted\"", List.of(1.0))), v -> "1");
        assertFalse(chart.svg().contains("<script>"));
        assertFalse(chart.table().contains("<img"));
        parse(chart.svg());
    }

    @Test
    void chartsUseClassesNotInlineStyles() {
        Chart chart = SvgCharts.lines("p", "Profile", "P&L by scenario", List.of(-0.1, 0.0, 0.1), "price move",
                v -> String.format("%.0f%%", v * 100), List.of(new Series("combined", List.of(-5.0, 0.0, 3.0))),
                v -> String.format("%.0f", v));
        assertFalse(chart.svg().contains("style="));
        assertTrue(chart.svg().contains("class=\"line series-0\""));
    }

    @Test
    void linesPlotEveryPointInOrderWithTheirFiguresInTheTable() throws Exception {
        Chart chart = SvgCharts.lines("s", "Sensitivity", "Total against offset factor", List.of(0.0, 0.5, 1.0),
                "offset factor", v -> String.format("%.0f%%", v * 100),
                List.of(new Series("Total", List.of(300.0, 200.0, 100.0))), v -> String.format("%.0f", v));
        Document svg = parse(chart.svg());
        assertEquals(3, countClass(svg, "circle", "point"));
        assertTrue(chart.table().contains("<th scope=\"row\">50%</th><td class=\"num\">200</td>"));
    }

    private static long countClass(Document d, String tag, String cls) {
        var nodes = d.getElementsByTagName(tag);
        long n = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            String c = ((org.w3c.dom.Element) nodes.item(i)).getAttribute("class");
            if ((" " + c + " ").contains(" " + cls + " ")) {
                n++;
            }
        }
        return n;
    }
}
