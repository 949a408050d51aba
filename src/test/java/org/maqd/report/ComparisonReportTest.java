package org.maqd.report;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.ExperimentException;
import org.maqd.sweep.SweepFixtures;
import org.maqd.sweep.SweepPlan;

/** A report comparing run folders (HTML and the same page as PDF), and numbers formatted for people in every report. */
class ComparisonReportTest {
    @TempDir static Path dir;
    static List<Path> runs = new ArrayList<>();
    static String html, pdfText, runHtml, runPdfText;

    @BeforeAll
    static void makeRunsAndReports() throws Exception {
        Path sweep = dir.resolve("sweep");
        SweepPlan plan = SweepPlan.of(SweepFixtures.experiment("{\"grid\": {\"network.defaults.norm\": [\"lbn\", \"bn\"]}}", 2), "tiny.json", null);
        assertTrue(SweepFixtures.run(plan, sweep, 2, null, List.of()).complete());
        for (var t : plan.trials()) runs.add(sweep.resolve("trials").resolve(t.id()));
        Path out = dir.resolve("comparison");
        html = Files.readString(ReportWriter.compare(runs, out, true));
        pdfText = text(out.resolve("report.pdf"));
        runHtml = Files.readString(ReportWriter.write(runs.get(0), true));
        runPdfText = text(runs.get(0).resolve("report.pdf"));
    }

    static String text(Path pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void theComparisonShowsDifferencesCurvesFinalMetricsLayersAndHistograms() {
        List<List<String>> diff = ReportWriterTest.table(html, "differences-table");
        assertEquals(List.of("setting", "#1", "#2"), diff.get(0));
        assertEquals(List.of("network.defaults.norm", "lbn", "bn"), diff.get(1), "the setting that differs");
        assertEquals(2, diff.size(), "only the setting that differs (no seeds, names, locks, limits): " + diff);
        List<List<String>> fin = ReportWriterTest.table(html, "final-table");
        List<String> acc = fin.stream().filter(r -> r.get(0).equals("test accuracy")).findFirst().orElseThrow();
        assertTrue(acc.get(1).matches("\\d{1,3}\\.\\d\\d%") && acc.get(2).matches("\\d{1,3}\\.\\d\\d%"), acc.toString());
        assertTrue(html.contains("#1 norm=lbn") && html.contains("#2 norm=bn"), "runs named by what sets them apart");
        assertTrue(html.contains("id=\"layers-weight_sqnr_db\""), "per-layer table side by side");
        assertEquals(3, count(html, "<svg class=\"chart\"") - count(html, "class=\"run-hist\""), "three overlaid curves");
        assertTrue(count(html, "class=\"run-hist\"") >= 4, "each layer's histogram for both runs");
        ReportWriterTest.assertSelfContained(html);
    }

    /** A weightless node (add, pooling) probed with 0 weight states has no weight states, not "float" weights. */
    @Test
    void aLayerWithoutWeightsIsNotCalledFloat() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"network\": {\"nodes\": ["
                + "{\"id\": \"a\", \"type\": \"linear\"}, {\"id\": \"b\", \"type\": \"linear\"}, {\"id\": \"sum\", \"type\": \"add\"},"
                + "{\"id\": \"out\", \"type\": \"output\"}]}}");
        assertTrue(RunReport.hasWeights(json, "0:a"));
        assertTrue(!RunReport.hasWeights(json, "2:sum"), "the add node");
        assertTrue(RunReport.hasWeights(json, "3:out"));
        var chain = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"network\": {\"layers\": ["
                + "{\"type\": \"flatten\"}, {\"type\": \"linear\"}, {\"type\": \"maxpool\"}]}}");
        assertTrue(!RunReport.hasWeights(chain, "2:maxpool"));
        assertTrue(RunReport.hasWeights(chain, "1:linear"));
        assertTrue(RunReport.hasWeights(null, "1:linear"));
        // a chain's probes count the layers after residual blocks are expanded: [conv, residual, …] probes "3:add"
        var residual = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"network\": {\"layers\": ["
                + "{\"type\": \"conv2d\"}, {\"type\": \"residual\"}, {\"type\": \"flatten\"}, {\"type\": \"linear\"}]}}");
        assertTrue(!RunReport.hasWeights(residual, "3:add"), "the block's add, not the file's layer 3 (linear)");
        assertTrue(RunReport.hasWeights(json, "7:gone"), "a name the experiment does not know: as before");
    }

    /**
     * The PDF keeps headings with what follows them and sets the charts two to a row: a heading ended page 1 with its
     * charts on page 2, and each chart took a page of its own (11 pages for two one-epoch runs).
     */
    @Test
    void thePdfKeepsHeadingsWithTheirContentAndChartsTwoToARow() throws Exception {
        java.util.Set<String> headings = new java.util.HashSet<>();
        Matcher m = Pattern.compile("<h[23]>(.*?)</h[23]>").matcher(html);
        while (m.find()) headings.add(m.group(1).replace("&amp;", "&").trim());
        Path pdf = dir.resolve("comparison").resolve("report.pdf");
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            int pages = d.getNumberOfPages();
            for (int p = 1; p < pages; p++) {
                PDFTextStripper st = new PDFTextStripper();
                st.setStartPage(p);
                st.setEndPage(p);
                List<String> lines = st.getText(d).lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
                String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
                // (charts are drawn as shapes, not text: a heading over charts is the only text of its page)
                assertFalse(lines.size() > 1 && headings.contains(last), "page " + p + " ends with the heading '" + last + "'");
            }
            int charts = count(html, "<svg class=\"chart\"");
            assertTrue(pages <= 2 + (charts + 3) / 4, pages + " pages for " + charts + " charts");
        }
    }

    /** A run report lists a graph's nodes with their ids and inputs (its layer table was empty: it read "layers" only). */
    @Test
    void aGraphsLayerTableListsItsNodes() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"network\": {\"nodes\": ["
                + "{\"id\": \"a\", \"type\": \"linear\", \"units\": 64, \"inputs\": [\"input\"]},"
                + "{\"id\": \"sum\", \"type\": \"add\", \"inputs\": [\"a\", \"input\"]}]}}");
        assertEquals(List.of("index", "id", "inputs", "type", "units"), RunReport.layerSpecHeader(json).subList(0, 5));
        List<List<String>> rows = RunReport.layerSpecRows(json);
        assertEquals(2, rows.size());
        assertEquals(List.of("1", "sum", "a, input", "add", ""), rows.get(1).subList(0, 5));
        var chain = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"network\": {\"layers\": [{\"type\": \"flatten\"}]}}");
        assertEquals(List.of("index", "type"), RunReport.layerSpecHeader(chain).subList(0, 2));
        assertEquals(List.of("0", "flatten"), RunReport.layerSpecRows(chain).get(0).subList(0, 2));
    }

    @Test
    void noRawDoublesInAnyReport() {
        for (String h : List.of(html, runHtml)) {
            String text = h.replaceAll("(?s)<svg.*?</svg>", "");
            Matcher m = Pattern.compile("\\d\\.0*[1-9]\\d{4,}").matcher(text);
            assertFalse(m.find(), () -> "raw double " + m.group() + " in " + text.substring(Math.max(0, m.start() - 80), m.end() + 20));
        }
    }

    @Test
    void thePdfIsTheSamePageWithNothingCutOff() {
        for (String section : List.of("Settings that differ", "Final metrics", "Curves", "Per-layer quantization", "Weight histograms"))
            assertTrue(pdfText.contains(section), section);
        List<List<String>> fin = ReportWriterTest.table(html, "final-table");
        for (List<String> row : fin.subList(1, fin.size()))
            for (String cell : row) assertTrue(pdfText.contains(cell), "PDF lacks the cell " + cell);
        for (String section : List.of("Results", "Curves", "Per-layer quantization", "Weight histograms"))
            assertTrue(runPdfText.contains(section), "run PDF: " + section);
        for (List<String> row : ReportWriterTest.table(runHtml, "quant-table").subList(1, 2))
            for (String cell : row) if (!cell.isEmpty()) assertTrue(runPdfText.replaceAll("\\s", "").contains(cell.replaceAll("\\s", "")), "run PDF lacks " + cell);
    }

    @Test
    void thePdfRendererSaysNothingOnTheConsole() {
        assertFalse(com.openhtmltopdf.util.XRLog.isLoggingEnabled(), "its CSS warnings and timings would reach `maqd report`");
    }

    @Test
    void aComparisonNeedsTwoRunFolders() {
        assertThrows(ExperimentException.class, () -> ReportWriter.compare(List.of(runs.get(0)), dir.resolve("x"), false));
        String m = assertThrows(ExperimentException.class, () -> ReportWriter.compare(List.of(runs.get(0), dir), dir.resolve("y"), false)).getMessage();
        assertTrue(m.contains("not a run folder"), m);
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }
}
