package org.marginconsult.comment;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FiledChartsTest {

    static final List<String> COLUMNS = List.of("Requirement", "Margin (USD)", "Change (USD)", "Change (%)");

    static ImpactSummaries.Table table(List<List<String>> rows) {
        return new ImpactSummaries.Table(7, "Margin today versus 2 proposals", COLUMNS, rows, "Impact run 3.");
    }

    @Test
    void theBarsAreTodaysTotalAndEachProposalNotTheAccountsOfToday() {
        ImpactSummaries.Table t = table(List.of(
                List.of("Today (siloed accounts)", "1,250,000.00", "", ""),
                List.of("Today, SECURITIES account", "900,000.00", "", ""),
                List.of("Today, FUTURES account", "350,000.00", "", ""),
                List.of("Proposal A (A 1)", "1,000,000.50", "-249,999.50", "-20.00"),
                List.of("Proposal B (B 2)", "1,100,000.00", "-150,000.00", "-12.00")));
        assertEquals(List.of(new FiledCharts.Bar("Today (siloed accounts)", new BigDecimal("1250000.00")),
                new FiledCharts.Bar("Proposal A (A 1)", new BigDecimal("1000000.50")),
                new FiledCharts.Bar("Proposal B (B 2)", new BigDecimal("1100000.00"))), FiledCharts.bars(t));
        String svg = FiledCharts.filedChart(t);
        assertEquals(3, svg.split("<rect ", -1).length - 1, svg);
        assertTrue(svg.contains("fill=\"" + FiledCharts.BAR_FILL + "\""), svg);
        assertEquals("Chart of impact summary 7: total margin requirement (USD): Today (siloed accounts) USD 1,250,000.00; "
                + "Proposal A (A 1) USD 1,000,000.50; Proposal B (B 2) USD 1,100,000.00.", FiledCharts.filedChartText(t));
    }

    @Test
    void theLongestBarIsTheLargestRequirementAndTheOthersAreInProportion() {
        String svg = FiledCharts.filedChart(table(List.of(
                List.of("Today (siloed accounts)", "2,000.00", "", ""),
                List.of("Proposal A (A 1)", "500.00", "-1,500.00", "-75.00"))));
        assertTrue(svg.contains("width=\"280.0\""), svg);
        assertTrue(svg.contains("width=\"70.0\""), svg);
    }

    @Test
    void labelsAreEscapedSoATableCannotInjectMarkupIntoTheLetter() {
        String svg = FiledCharts.filedChart(table(List.of(List.of("Today <script>&\"", "10.00", "", ""))));
        assertFalse(svg.contains("<script>"), svg);
        assertTrue(svg.contains("Today &lt;script&gt;&amp;&quot;"), svg);
    }

    @Test
    void aTableWithoutMarginFiguresHasNoChart() {
        ImpactSummaries.Table t = new ImpactSummaries.Table(1, "Hand-made", List.of("Item", "Note"),
                List.of(List.of("a", "b")), "");
        assertEquals("", FiledCharts.filedChart(t));
        assertEquals("", FiledCharts.filedChartText(t));
        assertEquals("", FiledCharts.filedChart(table(List.of(List.of("Today (siloed accounts)", "n/a", "", "")))));
    }
}
