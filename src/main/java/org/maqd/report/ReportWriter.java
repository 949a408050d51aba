package org.maqd.report;

import org.maqd.run.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.maqd.run.AtomicFiles;
import org.maqd.experiment.ExperimentException;

/**
 * Writes {@code report.html} (self-contained: inline CSS, charts as inline SVG, no network references) into a
 * run folder or a sweep folder, with CSV files of the tables beside it, and {@code report.pdf} when asked.
 * Built from the folder's files only. A sweep folder is recognised by its {@code results.csv} or
 * {@code sweep.json}; a run folder by its {@code experiment.json}.
 */
public final class ReportWriter {
    private ReportWriter() {}

    /** Writes the report; returns the path of report.html. */
    public static Path write(Path dir, boolean pdf) {
        if (!Files.isDirectory(dir)) throw new ExperimentException(dir + ": no such folder; expected a run folder or a sweep folder");
        Path html = dir.resolve(RunFiles.REPORT_HTML);
        if (Files.exists(dir.resolve(RunFiles.SWEEP_RESULTS)) || Files.exists(dir.resolve(RunFiles.SWEEP_JSON))) {
            SweepReport r = new SweepReport(dir);
            r.writeCsvs();
            AtomicFiles.writeString(html, r.html());
            if (pdf) {
                List<PdfReport.Table> tables = new ArrayList<>();
                SweepReport.Comparison c = r.comparison();
                if (c != null) tables.add(new PdfReport.Table("Test accuracy, mean ± 95% CI (n)", c.pivotHeader(), c.pivotRows()));
                tables.add(new PdfReport.Table("Summary", shortSummaryHeader(r), shortSummaryRows(r)));
                PdfReport.write(dir.resolve(RunFiles.REPORT_PDF), r.title(), description(r.sweep), tables, c == null ? null : c.chart());
            }
        } else if (Files.exists(dir.resolve(RunFiles.EXPERIMENT))) {
            RunReport r = new RunReport(dir);
            r.writeCsvs();
            AtomicFiles.writeString(html, r.html());
            if (pdf) {
                List<PdfReport.Table> tables = new ArrayList<>();
                tables.add(new PdfReport.Table("Results", List.of("quantity", "value"), RunReport.keyValues(r.summary, RunReport.RESULT_KEYS)));
                tables.add(new PdfReport.Table("Per-layer quantization (last probe)", RunReport.LAYER_COLUMNS.subList(0, 12), trim(r.layerTable(), 12)));
                tables.add(new PdfReport.Table("Environment and seed", List.of("quantity", "value"), RunReport.keyValues(r.summary, RunReport.ENV_KEYS)));
                Chart chart = r.metrics.isEmpty() ? null : r.epochChart("Accuracy", "accuracy", "train_accuracy", "test_accuracy");
                PdfReport.write(dir.resolve(RunFiles.REPORT_PDF), r.title(), description(r.experiment), tables, chart);
            }
        } else {
            throw new ExperimentException(dir + ": not a run folder (no experiment.json) nor a sweep folder (no results.csv or sweep.json)");
        }
        return html;
    }

    private static String description(com.fasterxml.jackson.databind.JsonNode n) {
        return n != null && n.hasNonNull("description") ? n.get("description").asText() : "";
    }

    private static List<List<String>> trim(List<List<String>> rows, int cols) {
        return rows.stream().map(r -> r.subList(0, Math.min(cols, r.size()))).toList();
    }

    private static List<String> shortSummaryHeader(SweepReport r) {
        List<String> h = new ArrayList<>(r.groups);
        h.addAll(List.of("n", "test_accuracy_mean", "test_accuracy_ci95", "test_loss_mean"));
        return h;
    }

    private static List<List<String>> shortSummaryRows(SweepReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : r.summary.rows()) {
            List<String> out = new ArrayList<>();
            for (String c : shortSummaryHeader(r)) {
                String v = r.summary.get(row, c);
                double d = Csv.num(v);
                boolean fraction = !r.groups.contains(c) && !Double.isNaN(d) && d != Math.rint(d);
                out.add(fraction ? String.format(java.util.Locale.ROOT, "%.4f", d) : v);
            }
            rows.add(out);
        }
        return rows;
    }
}
