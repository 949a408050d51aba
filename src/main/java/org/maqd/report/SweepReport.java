package org.maqd.report;

import org.maqd.run.RunFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maqd.run.CsvTable;
import org.maqd.run.MetricRow;
import org.maqd.run.SweepResultRow;
import org.maqd.run.SweepSummaryRow;

/**
 * The report of a sweep folder: the experiment and its sweep declaration, the summary (mean ± 95% CI per group),
 * a comparison chart of test accuracy (x: the swept field with the most values, or the states when the sweep
 * compares QAT with PTQ; one line per value of the other fields; CI bands), the same as a pivot table, every
 * trial's row, environment, and the CSV files. Writes {@code report-curves.csv} (every trial's metrics.csv rows).
 */
final class SweepReport {
    final Path dir;
    final JsonNode sweep;
    final List<SweepResultRow> results;
    final List<SweepSummaryRow> summary;
    /** The group columns (the swept fields' short names), in the files' order. */
    final List<String> groups;

    SweepReport(Path dir) {
        this.dir = dir;
        this.sweep = RunReport.experimentTree(dir.resolve(RunFiles.SWEEP_JSON));
        this.results = SweepResultRow.read(dir);
        this.summary = SweepSummaryRow.read(dir);
        this.groups = !summary.isEmpty() ? List.copyOf(summary.get(0).keys().keySet())
                : !results.isEmpty() ? List.copyOf(results.get(0).keys().keySet()) : List.of();
    }

    String title() {
        String n = sweep != null && sweep.hasNonNull("name") ? sweep.get("name").asText() : dir.getFileName().toString();
        return "Sweep report: " + n;
    }

    String html() {
        StringBuilder b = new StringBuilder("<h1>").append(Html.esc(title())).append("</h1>\n");
        if (sweep != null && sweep.hasNonNull("description")) {
            b.append("<p class=\"desc\">").append(Html.esc(sweep.get("description").asText())).append("</p>\n");
        }
        b.append(Html.section("sweep", "Sweep", declaration()));
        b.append(Html.section("summary", "Summary (completed trials; mean, standard deviation, 95% CI half-width over seeds)",
                Html.table("summary-table", Html.words(SweepSummaryRow.header(groups)), summary.stream().map(r -> r.cells(groups)).toList())));
        Comparison c = comparison();
        b.append(Html.section("comparison", "Comparison", c == null ? "<p class=\"note\">No completed trials yet.</p>"
                : "<div class=\"charts\">" + SvgChart.line(c.chart()) + "</div>\n<h3>Test accuracy, mean ± 95% CI (n)</h3>\n"
                        + Html.table("pivot-table", c.pivotHeader(), c.pivotRows())));
        b.append(Html.section(RunFiles.SWEEP_TRIALS, "Trials", Html.table("results-table", Html.words(SweepResultRow.header(groups)),
                results.stream().map(r -> r.cells(groups)).toList())));
        b.append(Html.section("experiment", "Experiment (as declared)",
                Html.table("settings-table", List.of("field", "value"), SettingDifferences.rows(SettingDifferences.flatten(sweep)))));
        b.append(Html.section("environment", "Environment", environment()));
        StringBuilder files = new StringBuilder("<ul>");
        for (String f : List.of(RunFiles.SWEEP_RESULTS, RunFiles.SWEEP_SUMMARY, RunFiles.REPORT_CURVES, RunFiles.SWEEP_JSON)) {
            files.append("<li><a href=\"").append(Html.esc(f)).append("\">").append(Html.esc(f)).append("</a></li>");
        }
        files.append("<li>").append(RunFiles.SWEEP_TRIALS).append("/&lt;id&gt;/ (one run folder per trial)</li></ul>\n");
        b.append(Html.section("files", "Files", files.toString()));
        return Html.page(title(), b.toString());
    }

    private String declaration() {
        List<List<String>> rows = new ArrayList<>();
        JsonNode s = sweep == null ? null : sweep.get("sweep");
        if (s != null) rows.addAll(SettingDifferences.rows(SettingDifferences.flatten(s, "sweep")));
        Map<String, Integer> status = new LinkedHashMap<>();
        for (SweepResultRow r : results) status.merge(r.status(), 1, Integer::sum);
        rows.add(List.of("rows in " + RunFiles.SWEEP_RESULTS, Integer.toString(results.size())));
        status.forEach((k, v) -> rows.add(List.of("status " + k, Integer.toString(v))));
        return Html.table("sweep-table", List.of("field", "value"), rows);
    }

    private String environment() {
        Path trials = dir.resolve(RunFiles.SWEEP_TRIALS);
        if (!Files.isDirectory(trials)) return "<p class=\"note\">No trial has run.</p>";
        for (SweepResultRow r : results) {
            String id = r.id();
            if (id.contains("/")) continue;
            Map<String, Object> s = RunReport.summaryFields(trials.resolve(id));
            if (!s.isEmpty()) return "<p class=\"note\">From trial " + Html.esc(id) + "; each trial's seed is in the table above and in its summary.json.</p>"
                    + Html.table("environment-table", List.of("quantity", "value"), RunReport.keyValues(s, RunReport.ENV_KEYS));
        }
        return "<p class=\"note\">No trial has finished.</p>";
    }

    /** The comparison chart and its pivot table, or null without completed groups. */
    record Comparison(Chart chart, List<String> pivotHeader, List<List<String>> pivotRows) {}

    Comparison comparison() {
        if (summary.isEmpty() || groups.isEmpty()) return null;
        String x = chooseX();
        List<String> seriesCols = new ArrayList<>(groups);
        seriesCols.remove(x);
        if (groups.contains("method")) { seriesCols.clear(); seriesCols.add("method"); }
        List<String> xs = orderedX(x);
        Map<String, Map<String, SweepSummaryRow>> bySeries = new LinkedHashMap<>();
        for (SweepSummaryRow r : summary) {
            List<String> parts = new ArrayList<>();
            for (String c : seriesCols) {
                String v = r.keys().get(c);
                boolean plainWord = Double.isNaN(Numbers.num(v)) && !v.equals("true") && !v.equals("false");
                parts.add(seriesCols.size() == 1 && plainWord ? v : c + "=" + label(c, v));
            }
            String name = parts.isEmpty() ? "test accuracy" : String.join(", ", parts);
            bySeries.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(r.keys().get(x), r);
        }
        List<Chart.Series> series = new ArrayList<>();
        List<List<String>> pivot = new ArrayList<>();
        for (String xv : xs) {
            List<String> row = new ArrayList<>(List.of(label(x, xv)));
            for (var e : bySeries.entrySet()) {
                SweepSummaryRow r = e.getValue().get(xv);
                row.add(r == null ? "" : String.format(Locale.ROOT, "%.4f ± %s (%d)", r.testAccuracyMean(),
                        Double.isNaN(r.testAccuracyCi95()) ? "–" : String.format(Locale.ROOT, "%.4f", r.testAccuracyCi95()), r.n()));
            }
            pivot.add(row);
        }
        for (var e : bySeries.entrySet()) {
            double[] px = new double[xs.size()], y = new double[xs.size()], lo = new double[xs.size()], hi = new double[xs.size()];
            for (int i = 0; i < xs.size(); i++) {
                SweepSummaryRow r = e.getValue().get(xs.get(i));
                px[i] = i;
                double m = r == null ? Double.NaN : r.testAccuracyMean();
                double ci = r == null ? Double.NaN : r.testAccuracyCi95();
                y[i] = m;
                lo[i] = Double.isNaN(ci) ? m : Math.max(0, m - ci);   // an accuracy: the band is clipped to [0, 1]
                hi[i] = Double.isNaN(ci) ? m : Math.min(1, m + ci);
            }
            series.add(new Chart.Series(e.getKey(), px, y, lo, hi));
        }
        double[] ticks = new double[xs.size()];
        String[] labels = new String[xs.size()];
        for (int i = 0; i < xs.size(); i++) { ticks[i] = i; labels[i] = label(x, xs.get(i)); }
        String legend = seriesCols.isEmpty() ? "" : " (one line per " + String.join(", ", seriesCols) + ")";
        Chart chart = new Chart("Test accuracy vs " + x + legend + ", 95% CI (clipped to [0, 1])", x, "test accuracy", ticks, labels, series);
        List<String> header = new ArrayList<>(List.of(x));
        header.addAll(bySeries.keySet());
        return new Comparison(chart, header, pivot);
    }

    /** The x field: "states" when comparing methods, else the group column with the most distinct values (numeric first). */
    String chooseX() {
        if (groups.contains("states") && groups.contains("method")) return "states";
        String best = groups.get(0);
        int bestN = -1;
        boolean bestNum = false;
        for (String g : groups) {
            Set<String> v = new LinkedHashSet<>();
            boolean num = true;
            for (SweepSummaryRow r : summary) { String s = r.keys().get(g); v.add(s); num &= !Double.isNaN(Numbers.num(s)); }
            if (v.size() > bestN || (v.size() == bestN && num && !bestNum)) { best = g; bestN = v.size(); bestNum = num; }
        }
        return best;
    }

    /** Distinct x values: numeric ascending (0 states = float last), else in order of appearance. */
    List<String> orderedX(String x) {
        List<String> v = new ArrayList<>(new LinkedHashSet<>(summary.stream().map(r -> r.keys().get(x)).toList()));
        if (v.stream().allMatch(s -> !Double.isNaN(Numbers.num(s)))) {
            boolean states = isStates(x);
            v.sort((a, b) -> Double.compare(key(Numbers.num(a), states), key(Numbers.num(b), states)));
        }
        return v;
    }

    private static double key(double v, boolean states) { return states && v == 0 ? Double.MAX_VALUE : v; }

    private static boolean isStates(String field) { return field.toLowerCase(Locale.ROOT).contains("states"); }

    static String label(String field, String v) { return isStates(field) && "0".equals(v) ? "fp32" : v; }

    /** Writes report-curves.csv: trial id then every metrics.csv row of every trial. */
    void writeCsvs() {
        List<String> header = new ArrayList<>(List.of("id"));
        header.addAll(MetricRow.FILE.columns());
        List<List<String>> rows = new ArrayList<>();
        for (SweepResultRow r : results) {
            if (r.id().contains("/")) continue;
            for (MetricRow m : MetricRow.FILE.read(dir.resolve(RunFiles.SWEEP_TRIALS).resolve(r.id()))) {
                List<String> out = new ArrayList<>(List.of(r.id()));
                out.addAll(MetricRow.FILE.cells(m));
                rows.add(out);
            }
        }
        new CsvTable(header, rows).write(dir.resolve(RunFiles.REPORT_CURVES));
    }
}
