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
import org.maqd.run.AtomicFiles;

/**
 * The report of a sweep folder: the experiment and its sweep declaration, the summary (mean ± 95% CI per group),
 * a comparison chart of test accuracy (x: the swept field with the most values, or the states when the sweep
 * compares QAT with PTQ; one line per value of the other fields; CI bands), the same as a pivot table, every
 * trial's row, environment, and the CSV files. Writes {@code report-curves.csv} (every trial's metrics.csv rows).
 */
final class SweepReport {
    final Path dir;
    final JsonNode sweep;
    final Csv results, summary;
    final List<String> groups;

    SweepReport(Path dir) {
        this.dir = dir;
        this.sweep = RunReport.json(dir.resolve(RunFiles.SWEEP_JSON));
        this.results = Csv.read(dir.resolve(RunFiles.SWEEP_RESULTS));
        this.summary = Csv.read(dir.resolve(RunFiles.SWEEP_SUMMARY));
        int n = summary.column("n");
        this.groups = n < 0 ? List.of() : summary.header().subList(0, n);
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
                Html.table("summary-table", summary.header(), summary.rows())));
        Comparison c = comparison();
        b.append(Html.section("comparison", "Comparison", c == null ? "<p class=\"note\">No completed trials yet.</p>"
                : "<div class=\"charts\">" + SvgChart.line(c.chart()) + "</div>\n<h3>Test accuracy, mean ± 95% CI (n)</h3>\n"
                        + Html.table("pivot-table", c.pivotHeader(), c.pivotRows())));
        b.append(Html.section(RunFiles.SWEEP_TRIALS, "Trials", Html.table("results-table", results.header(), results.rows())));
        b.append(Html.section("experiment", "Experiment (as declared)",
                Html.table("settings-table", List.of("field", "value"), RunReport.scalars(sweep, ""))));
        b.append(Html.section("environment", "Environment", environment()));
        b.append(Html.section("files", "Files", "<ul><li><a href=\"results.csv\">results.csv</a></li><li><a href=\"summary.csv\">summary.csv</a></li>"
                + "<li><a href=\"report-curves.csv\">report-curves.csv</a></li><li><a href=\"sweep.json\">sweep.json</a></li><li>trials/&lt;id&gt;/ (one run folder per trial)</li></ul>\n"));
        return Html.page(title(), b.toString());
    }

    private String declaration() {
        List<List<String>> rows = new ArrayList<>();
        JsonNode s = sweep == null ? null : sweep.get("sweep");
        if (s != null) rows.addAll(RunReport.scalars(s, "sweep"));
        Map<String, Integer> status = new LinkedHashMap<>();
        for (List<String> r : results.rows()) status.merge(results.get(r, "status"), 1, Integer::sum);
        rows.add(List.of("rows in results.csv", Integer.toString(results.rows().size())));
        status.forEach((k, v) -> rows.add(List.of("status " + k, Integer.toString(v))));
        return Html.table("sweep-table", List.of("field", "value"), rows);
    }

    private String environment() {
        Path trials = dir.resolve(RunFiles.SWEEP_TRIALS);
        if (!Files.isDirectory(trials)) return "<p class=\"note\">No trial has run.</p>";
        for (List<String> r : results.rows()) {
            String id = results.get(r, "id");
            if (id.contains("/")) continue;
            JsonNode s = RunReport.json(trials.resolve(id).resolve(RunFiles.SUMMARY));
            if (s != null) return "<p class=\"note\">From trial " + Html.esc(id) + "; each trial's seed is in the table above and in its summary.json.</p>"
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
        Map<String, Map<String, List<String>>> bySeries = new LinkedHashMap<>();
        for (List<String> r : summary.rows()) {
            List<String> parts = new ArrayList<>();
            for (String c : seriesCols) {
                String v = summary.get(r, c);
                boolean plainWord = Double.isNaN(Csv.num(v)) && !v.equals("true") && !v.equals("false");
                parts.add(seriesCols.size() == 1 && plainWord ? v : c + "=" + label(c, v));
            }
            String name = parts.isEmpty() ? "test accuracy" : String.join(", ", parts);
            bySeries.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(summary.get(r, x), r);
        }
        List<Chart.Series> series = new ArrayList<>();
        List<List<String>> pivot = new ArrayList<>();
        for (String xv : xs) {
            List<String> row = new ArrayList<>(List.of(label(x, xv)));
            for (var e : bySeries.entrySet()) {
                List<String> r = e.getValue().get(xv);
                row.add(r == null ? "" : String.format(Locale.ROOT, "%.4f ± %s (%s)", Csv.num(summary.get(r, "test_accuracy_mean")),
                        Double.isNaN(Csv.num(summary.get(r, "test_accuracy_ci95"))) ? "–" : String.format(Locale.ROOT, "%.4f", Csv.num(summary.get(r, "test_accuracy_ci95"))),
                        summary.get(r, "n")));
            }
            pivot.add(row);
        }
        for (var e : bySeries.entrySet()) {
            double[] px = new double[xs.size()], y = new double[xs.size()], lo = new double[xs.size()], hi = new double[xs.size()];
            for (int i = 0; i < xs.size(); i++) {
                List<String> r = e.getValue().get(xs.get(i));
                px[i] = i;
                double m = r == null ? Double.NaN : Csv.num(summary.get(r, "test_accuracy_mean"));
                double ci = r == null ? Double.NaN : Csv.num(summary.get(r, "test_accuracy_ci95"));
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
        Chart chart = new Chart("Test accuracy vs " + x + legend + ", 95% CI bands (clipped to [0, 1])", x, "test accuracy", ticks, labels, series);
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
            for (List<String> r : summary.rows()) { String s = summary.get(r, g); v.add(s); num &= !Double.isNaN(Csv.num(s)); }
            if (v.size() > bestN || (v.size() == bestN && num && !bestNum)) { best = g; bestN = v.size(); bestNum = num; }
        }
        return best;
    }

    /** Distinct x values: numeric ascending (0 states = float last), else in order of appearance. */
    List<String> orderedX(String x) {
        List<String> v = new ArrayList<>(new LinkedHashSet<>(summary.rows().stream().map(r -> summary.get(r, x)).toList()));
        if (v.stream().allMatch(s -> !Double.isNaN(Csv.num(s)))) {
            boolean states = isStates(x);
            v.sort((a, b) -> Double.compare(key(Csv.num(a), states), key(Csv.num(b), states)));
        }
        return v;
    }

    private static double key(double v, boolean states) { return states && v == 0 ? Double.MAX_VALUE : v; }

    private static boolean isStates(String field) { return field.toLowerCase(Locale.ROOT).contains("states"); }

    static String label(String field, String v) { return isStates(field) && "0".equals(v) ? "fp32" : v; }

    /** Writes report-curves.csv: trial id then every metrics.csv row of every trial. */
    void writeCsvs() {
        List<String> header = new ArrayList<>(List.of("id"));
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : results.rows()) {
            String id = results.get(r, "id");
            if (id.contains("/")) continue;
            Csv m = Csv.read(dir.resolve(RunFiles.SWEEP_TRIALS).resolve(id).resolve(RunFiles.METRICS));
            if (m.isEmpty()) continue;
            if (header.size() == 1) header.addAll(m.header());
            for (List<String> mr : m.rows()) {
                List<String> out = new ArrayList<>(List.of(id));
                out.addAll(mr);
                rows.add(out);
            }
        }
        AtomicFiles.writeString(dir.resolve(RunFiles.REPORT_CURVES), new Csv(header, rows).text());
    }
}
