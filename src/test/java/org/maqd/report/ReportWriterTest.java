package org.maqd.report;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.run.CertificateRecord;
import org.maqd.run.CsvTable;
import org.maqd.experiment.ExperimentException;
import org.maqd.sweep.SweepFixtures;
import org.maqd.sweep.SweepPlan;

/** Report structure on a real (tiny) sweep: sections, charts, numbers equal to the CSV files, no network. */
class ReportWriterTest {
    @TempDir static Path dir;
    static Path sweepDir, trialDir;
    static String sweepHtml, runHtml;

    @BeforeAll
    static void makeSweepAndReports() throws Exception {
        sweepDir = dir.resolve("sweep");
        SweepPlan plan = SweepPlan.of(SweepFixtures.experiment(SweepFixtures.NORM_SWEEP, 2), "tiny.json", null);
        assertTrue(SweepFixtures.run(plan, sweepDir, 2, null, List.of()).complete());
        trialDir = sweepDir.resolve("trials").resolve(plan.trials().get(0).id());
        new CertificateRecord(true, 100, 99, 99.0, 99.9, false, 0.5, 0.49, List.of(), "layer 2", 0.01, 100, 32, null).write(trialDir);
        sweepHtml = Files.readString(ReportWriter.write(sweepDir, true));
        runHtml = Files.readString(ReportWriter.write(trialDir, true));
    }

    static List<List<String>> forPeople(List<List<String>> rows) {
        return rows.stream().map(r -> r.stream().map(Numbers::forPeople).toList()).toList();
    }

    /** Cells of the table with this id, header row first, unescaped. */
    static List<List<String>> table(String html, String id) {
        Matcher t = Pattern.compile("<table id=\"" + Pattern.quote(id) + "\">(.*?)</table>", Pattern.DOTALL).matcher(html);
        assertTrue(t.find(), "table " + id);
        List<List<String>> rows = new ArrayList<>();
        Matcher tr = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(t.group(1));
        while (tr.find()) {
            List<String> cells = new ArrayList<>();
            Matcher td = Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>", Pattern.DOTALL).matcher(tr.group(1));
            while (td.find()) cells.add(td.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&"));
            rows.add(cells);
        }
        return rows;
    }

    static void assertSelfContained(String html) {
        assertFalse(html.contains("http://") || html.contains("https://"), "no network references");
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains(" src="), "no external resources");
        assertTrue(html.contains("<style>"), "inline CSS");
    }

    @Test
    void sweepReportHasEverySectionAndCharts() {
        assertSelfContained(sweepHtml);
        for (String s : List.of("sweep", "summary", "comparison", "trials", "experiment", "environment", "files")) {
            assertTrue(sweepHtml.contains("<section id=\"" + s + "\">"), s);
        }
        assertTrue(sweepHtml.contains("<svg"), "comparison chart");
        // one swept field, a category (lbn, bn): the x axis, a point and a 95% CI error bar per value (2 seeds), and no
        // line or band joining categories that have no order
        assertTrue(sweepHtml.contains("class=\"errorbar\""), "CI error bars (2 seeds)");
        assertEquals(0, Pattern.compile("class=\"series\"|class=\"band\"").matcher(sweepHtml).results().count());
        assertTrue(sweepHtml.contains(">lbn</text>") && sweepHtml.contains(">bn</text>"), "x tick labels");
        assertTrue(sweepHtml.contains("tiny sweep"), "description");
    }

    @Test
    void sweepTablesEqualTheCsvFiles() {
        CsvTable summary = CsvTable.read(sweepDir.resolve("summary.csv"));
        List<List<String>> st = table(sweepHtml, "summary-table");
        assertEquals(Html.words(summary.header()), st.get(0));
        assertEquals(forPeople(summary.rows()), st.subList(1, st.size()), "the CSV's numbers, formatted for people");
        CsvTable results = CsvTable.read(sweepDir.resolve("results.csv"));
        List<List<String>> rt = table(sweepHtml, "results-table");
        assertEquals(Html.words(results.header()), rt.get(0));
        assertEquals(forPeople(results.rows()), rt.subList(1, rt.size()));
        // pivot: one row per x value, each cell starts with the group's mean
        List<List<String>> pivot = table(sweepHtml, "pivot-table");
        assertEquals(List.of("norm", "test accuracy"), pivot.get(0));
        Map<String, String> pivotCell = new LinkedHashMap<>();
        for (List<String> r : pivot.subList(1, pivot.size())) pivotCell.put(r.get(0), r.get(1));
        for (List<String> r : summary.rows()) {
            String mean = String.format(Locale.ROOT, "%.4f", Numbers.num(summary.get(r, "test_accuracy_mean")));
            String ci = String.format(Locale.ROOT, "%.4f", Numbers.num(summary.get(r, "test_accuracy_ci95")));
            assertEquals(mean + " ± " + ci + " (2)", pivotCell.get(summary.get(r, "norm")));
        }
        CsvTable curves = CsvTable.read(sweepDir.resolve("report-curves.csv"));
        assertEquals("id", curves.header().get(0));
        assertEquals(4 * 2, curves.rows().size(), "4 trials × 2 epochs");
    }

    @Test
    void runReportHasEverySectionWithNumbersFromTheRunFiles() throws Exception {
        assertSelfContained(runHtml);
        for (String s : List.of("results", "experiment", "environment", "curves", "layers", "histograms", "certificate", "files")) {
            assertTrue(runHtml.contains("<section id=\"" + s + "\">"), s);
        }
        // 2 curves + one histogram per quantized block (2 hidden + output)
        assertEquals(5, Pattern.compile("<svg").matcher(runHtml).results().count());
        assertTrue(runHtml.contains("class=\"level\""), "quantization grid on the histograms");
        String summaryJson = Files.readString(trialDir.resolve("summary.json"));
        var summary = org.maqd.experiment.ExperimentIO.MAPPER.readTree(summaryJson);
        Map<String, String> results = new LinkedHashMap<>();
        for (List<String> r : table(runHtml, "results-table")) results.put(r.get(0), r.get(1));
        assertEquals(summary.get("test_accuracy").asText(), results.get("test_accuracy"));
        Map<String, String> env = new LinkedHashMap<>();
        for (List<String> r : table(runHtml, "environment-table")) env.put(r.get(0), r.get(1));
        assertEquals("3", env.get("seed"));
        assertEquals(summary.get("jdk").asText(), env.get("jdk"));
        assertTrue(runHtml.contains("class=\"desc\">tiny sweep") && runHtml.contains("the settings this run used are in the tables below"),
                "a description that may no longer match the settings says so");
        // per-layer table: the last probe row of each layer in layers.csv
        CsvTable layers = CsvTable.read(trialDir.resolve("layers.csv"));
        Map<String, List<String>> last = new LinkedHashMap<>();
        for (List<String> r : layers.rows()) last.put(layers.get(r, "layer"), r);
        List<List<String>> qt = table(runHtml, "quant-table");
        assertEquals(Html.words(RunReport.LAYER_COLUMNS), qt.get(0));
        assertEquals(last.size(), qt.size() - 1);
        int i = 1;
        for (List<String> r : last.values()) {
            for (int c = 0; c < RunReport.LAYER_COLUMNS.size(); c++) {
                String csv = layers.get(r, RunReport.LAYER_COLUMNS.get(c));
                String[] counts = csv.trim().split(" ");
                String shown = counts.length > 16 ? RunReport.abbreviation(counts) : Numbers.forPeople(csv);
                assertEquals(shown, qt.get(i).get(c), RunReport.LAYER_COLUMNS.get(c));
            }
            i++;
        }
        assertEquals(new ArrayList<>(last.values()).stream().map(r -> RunReport.LAYER_COLUMNS.stream().map(c -> layers.get(r, c)).toList()).toList(),
                CsvTable.read(trialDir.resolve("report-layers.csv")).rows());
        assertTrue(runHtml.contains("256 states, "), "8-bit layers' occupancy abbreviated");
        Map<String, String> cert = new LinkedHashMap<>();
        for (List<String> r : table(runHtml, "certificate-table")) cert.put(r.get(0), r.get(1));
        assertEquals("99", cert.get("identical_predictions_percent"));
        assertEquals("layer 2", cert.get("first_divergence"));
        assertEquals("99", cert.get("identical_predictions"));
        // the resolved settings
        Map<String, String> settings = new LinkedHashMap<>();
        for (List<String> r : table(runHtml, "settings-table")) settings.put(r.get(0), r.get(1));
        assertEquals("32", settings.get("training.batchSize"));
        assertEquals("lbn", settings.get("network.defaults.norm"));
    }

    @Test
    void pdfsHoldTheKeyTables() throws Exception {
        for (Path d : List.of(sweepDir, trialDir)) {
            Path pdf = d.resolve("report.pdf");
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                assertTrue(doc.getNumberOfPages() >= 1);
                String text = new PDFTextStripper().getText(doc);
                assertTrue(text.contains(d == sweepDir ? "Summary" : "Per-layer quantization"), text);
            }
        }
    }

    @Test
    void writingAPdfLeavesTheTerminalToTheCommand() {
        // PDFBox's warnings about standard fonts it replaces (never used by the report) are not printed
        java.util.logging.Logger pdfbox = java.util.logging.Logger.getLogger("org.apache.pdfbox.pdmodel.font.PDType1Font");
        assertTrue(HtmlPdf.PDFBOX_LOG.getName().equals("org.apache.pdfbox"));
        assertFalse(pdfbox.isLoggable(java.util.logging.Level.WARNING), "PDFBox warnings reach the terminal");
        assertTrue(pdfbox.isLoggable(java.util.logging.Level.SEVERE));
    }

    @Test
    void notARunFolderIsRejected(@TempDir Path empty) {
        String m = assertThrows(ExperimentException.class, () -> ReportWriter.write(empty, false)).getMessage();
        assertTrue(m.contains("not a run folder"), m);
        m = assertThrows(ExperimentException.class, () -> ReportWriter.write(empty.resolve("nope"), false)).getMessage();
        assertTrue(m.contains("no such folder"), m);
    }
}
