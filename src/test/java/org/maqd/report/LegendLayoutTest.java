package org.maqd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A legend wraps its entries to at most three lines, then counts the rest as "+N more"; no line is wider than its room. */
class LegendLayoutTest {
    static final double FONT = 10.5, MARK = 22;

    static double lineWidth(LegendLayout l, int r) {
        double w = l.lines().get(r).stream().mapToDouble(LegendLayout.Entry::width).sum();
        return r == l.lineCount() - 1 && l.more() != null ? w + l.moreWidth() : w;
    }

    static List<String> runs(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) names.add("#" + i + " norm=lbn weightStates=" + (i + 1));
        return names;
    }

    @Test
    void fewEntriesFitOnOneLine() {
        LegendLayout l = LegendLayout.of(List.of("train", "test"), 400, MARK, FONT, 3);
        assertEquals(1, l.lineCount());
        assertEquals(List.of("train", "test"), l.lines().get(0).stream().map(LegendLayout.Entry::text).toList());
        assertNull(l.more());
        assertEquals(0, l.hidden());
    }

    @Test
    void entriesWrapAtTheWidthThenStopAtThreeLinesWithPlusNMore() {
        List<String> names = runs(30);
        double width = 420;
        LegendLayout l = LegendLayout.of(names, width, MARK, FONT, LegendLayout.MAX_LINES);
        assertEquals(3, l.lineCount());
        int shown = l.lines().stream().mapToInt(List::size).sum();
        assertEquals(names.size() - shown, l.hidden(), "every entry is shown or counted");
        assertEquals("+" + l.hidden() + " more", l.more());
        for (int r = 0; r < l.lineCount(); r++) assertTrue(lineWidth(l, r) <= width, "line " + r + " fits: " + lineWidth(l, r));
        int next = 0;
        for (List<LegendLayout.Entry> line : l.lines())
            for (LegendLayout.Entry e : line) assertEquals(next++, e.index(), "entries in order, none skipped");
        assertEquals(names.get(0), l.lines().get(0).get(0).text(), "names that fit are not cut");
    }

    @Test
    void aNameWiderThanTheLineIsCutWithAnEllipsis() {
        String longName = "#1 network=graph, 14 nodes  norm=lbn  weightStates=3  activationStates=2  lr=0.001";
        LegendLayout l = LegendLayout.of(List.of(longName, "#2"), 200, MARK, FONT, 3);
        LegendLayout.Entry e = l.lines().get(0).get(0);
        assertTrue(e.text().endsWith("…") && longName.startsWith(e.text().substring(0, e.text().length() - 1)), e.text());
        assertTrue(e.width() <= 200, "the cut name fits: " + e.width());
        assertEquals(0, l.hidden());
    }

    @Test
    void moreCountsTheEntriesThatMakeRoomForIt() {
        // three lines exactly full of one entry each: the third entry gives way to "+2 more"
        double w = LegendLayout.textWidth("abcdefghij", FONT) + MARK;
        LegendLayout l = LegendLayout.of(List.of("abcdefghij", "abcdefghij", "abcdefghij", "abcdefghij"), w, MARK, FONT, 3);
        assertEquals(3, l.lineCount());
        assertEquals(List.of(), l.lines().get(2), "the last entry shown gave its place to the count");
        assertEquals("+2 more", l.more());
        assertTrue(lineWidth(l, 2) <= w);
    }

    @Test
    void theEstimateIsNotNarrowerForWideLetters() {
        assertTrue(LegendLayout.textWidth("mmmm", FONT) > LegendLayout.textWidth("iiii", FONT));
        assertTrue(LegendLayout.textWidth("W=", FONT) >= 1.6 * FONT);
    }

    /** A report chart of 30 runs: its legend is three lines under the plot and "+N more", all inside the picture. */
    @Test
    void theReportChartLegendStaysInsideTheSvg() {
        List<Chart.Series> series = new ArrayList<>();
        for (String n : runs(30)) series.add(new Chart.Series(n, new double[] {1, 2}, new double[] {0.5, 0.7}, null, null));
        String svg = SvgChart.line(new Chart("Test accuracy", "epoch", "accuracy", new double[] {1, 2}, null, series));
        java.util.regex.Matcher h = java.util.regex.Pattern.compile("<svg[^>]* width=\"(\\d+)\" height=\"(\\d+)\"").matcher(svg);
        assertTrue(h.find());
        double width = Double.parseDouble(h.group(1)), height = Double.parseDouble(h.group(2));
        java.util.regex.Matcher ys = java.util.regex.Pattern.compile("<text[^>]* y=\"([\\d.]+)\"[^>]*>([^<]*)</text>").matcher(svg);
        while (ys.find()) assertTrue(Double.parseDouble(ys.group(1)) <= height, "'" + ys.group(2) + "' is below the picture (" + height + ")");
        java.util.regex.Matcher t = java.util.regex.Pattern.compile("<text[^>]* x=\"([\\d.]+)\" y=\"([\\d.]+)\" font-size=\"11\"[^>]*>([^<]*)</text>").matcher(svg);
        java.util.Set<String> legendLines = new java.util.HashSet<>();
        boolean more = false;
        while (t.find()) {
            double x = Double.parseDouble(t.group(1));
            String text = t.group(3);
            if (text.startsWith("#") || text.startsWith("+")) {
                legendLines.add(t.group(2));
                more |= text.matches("\\+\\d+ more");
                assertTrue(x + LegendLayout.textWidth(text, 11) <= width, "'" + text + "' runs past the right edge");
            }
        }
        assertTrue(legendLines.size() <= LegendLayout.MAX_LINES, legendLines.toString());
        assertTrue(more, "the runs left over are counted");
    }
}
