package org.maqd.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.maqd.run.LayerProbeRow;
import org.maqd.run.MetricRow;

/**
 * One report comparing run folders: the settings in which they differ, their curves overlaid, a table of final
 * metrics, the per-layer quantization side by side, and the last weight histogram of each layer of each run
 * next to each other. Runs are named "#1", "#2", … in the order given, with what sets them apart.
 */
final class ComparisonReport {
    static final List<String> FINAL_KEYS = List.of("status", "test_accuracy", "test_loss", "train_accuracy", "train_loss",
            "epochs", "seconds", "samples_per_second", "parameters");
    static final List<String> LAYER_KEYS = List.of("weight_states", "activation_states", "weight_sqnr_db", "activation_sqnr_db",
            "flip_rate", "firing_rate");
    /** How the per-layer tables are titled (the keys are layers.csv's column names). */
    static final Map<String, String> LAYER_TITLES = Map.of("weight_states", "Weight states M_w",
            "activation_states", "Activation states M_a", "weight_sqnr_db", "Weight SQNR (dB)",
            "activation_sqnr_db", "Activation SQNR (dB)", "flip_rate", "Flip rate", "firing_rate", "Firing rate");

    final List<RunReport> runs = new ArrayList<>();
    final List<String> labels = new ArrayList<>();
    final Map<String, List<String>> differing;

    ComparisonReport(List<Path> dirs) {
        for (Path d : dirs) runs.add(new RunReport(d));
        differing = SettingDifferences.of(runs.stream().map(RunReport::settingPaths).toList());
        for (int i = 0; i < runs.size(); i++) {
            String b = SettingDifferences.values(differing, i);
            labels.add("#" + (i + 1) + " " + (b.isEmpty() ? runs.get(i).dir.getFileName() : b));
        }
    }

    String title() { return "Comparison of " + runs.size() + " runs"; }

    String html() {
        StringBuilder b = new StringBuilder("<h1>").append(Html.esc(title())).append("</h1>\n");
        List<List<String>> who = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunReport r = runs.get(i);
            who.add(List.of("#" + (i + 1), name(r), r.dir.getFileName().toString()));
        }
        b.append(Html.section("runs", "Runs", Html.table("runs-table", List.of("run", "experiment", "folder"), who)));
        b.append(Html.section("differences", "Settings that differ", differing.isEmpty()
                ? "<p class=\"note\">The runs have the same settings.</p>" : Html.table("differences-table", header("setting"), differenceRows())));
        b.append(Html.section("final", "Final metrics", Html.table("final-table", header("quantity"), finalRows())));
        b.append(Html.section("curves", "Curves", curves()));
        b.append(Html.section("layers", "Per-layer quantization (last probe), side by side", layerTables()));
        b.append(Html.section("histograms", "Weight histograms of the same layer (last probe)", histograms()));
        return Html.page(title(), b.toString());
    }

    private List<String> header(String first) {
        List<String> h = new ArrayList<>(List.of(first));
        h.addAll(labels.stream().map(l -> l.substring(0, l.indexOf(' '))).toList());
        return h;
    }

    private List<List<String>> differenceRows() {
        List<List<String>> rows = new ArrayList<>();
        for (var e : differing.entrySet()) {
            List<String> r = new ArrayList<>(List.of(e.getKey()));
            r.addAll(e.getValue());
            rows.add(r);
        }
        return rows;
    }

    private List<List<String>> finalRows() {
        List<List<String>> rows = new ArrayList<>();
        for (String k : FINAL_KEYS) {
            List<String> r = new ArrayList<>(List.of(k.replace('_', ' ')));
            boolean any = false;
            for (RunReport run : runs) {
                Object v = run.summary.get(k);
                String s = v == null ? "–" : String.valueOf(v);
                if (k.endsWith("accuracy") && v instanceof Number n) s = Numbers.percent(n.doubleValue());
                any |= v != null;
                r.add(s);
            }
            if (any) rows.add(r);
        }
        return rows;
    }

    private String curves() {
        StringBuilder sb = new StringBuilder("<div class=\"charts\">");
        sb.append(SvgChart.line(overlay("Test accuracy", "test accuracy", MetricRow::testAccuracy)));
        sb.append(SvgChart.line(overlay("Test loss", "cross-entropy loss", MetricRow::testLoss)));
        sb.append(SvgChart.line(overlay("Training loss", "cross-entropy loss", MetricRow::trainLoss)));
        return sb.append("</div>\n").toString();
    }

    Chart overlay(String title, String yLabel, ToDoubleFunction<MetricRow> quantity) {
        List<Chart.Series> series = new ArrayList<>();
        double maxEpoch = 1;
        for (int i = 0; i < runs.size(); i++) {
            List<MetricRow> m = runs.get(i).metrics;
            int n = m.size();
            double[] x = new double[n], y = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = m.get(j).epoch();
                y[j] = quantity.applyAsDouble(m.get(j));
                maxEpoch = Math.max(maxEpoch, x[j]);
            }
            series.add(new Chart.Series(labels.get(i), x, y, null, null));
        }
        int step = Math.max(1, (int) Math.ceil(maxEpoch / 10));
        List<Double> ticks = new ArrayList<>();
        for (int e = 1; e <= maxEpoch; e += step) ticks.add((double) e);
        return new Chart(title, "epoch", yLabel, ticks.stream().mapToDouble(Double::doubleValue).toArray(), null, series);
    }

    /** One table per quantity: a row per layer, a column per run. */
    private String layerTables() {
        Set<String> layerNames = new LinkedHashSet<>();
        List<Map<String, LayerProbeRow>> last = new ArrayList<>();
        for (RunReport r : runs) {
            Map<String, LayerProbeRow> byName = new LinkedHashMap<>();
            for (LayerProbeRow row : r.layers) byName.put(row.name(), row);
            layerNames.addAll(byName.keySet());
            last.add(byName);
        }
        if (layerNames.isEmpty()) return "<p class=\"note\">No probes were recorded.</p>";
        StringBuilder sb = new StringBuilder();
        for (String q : LAYER_KEYS) {
            List<List<String>> rows = new ArrayList<>();
            boolean any = false;
            for (String layer : layerNames) {
                List<String> row = new ArrayList<>(List.of(layer));
                for (int i = 0; i < runs.size(); i++) {
                    LayerProbeRow src = last.get(i).get(layer);
                    String v = src == null ? "" : RunReport.cells(src, List.of(q)).get(0);
                    if (q.endsWith("_states") && "0".equals(v)) {
                        // 0 states = not quantized; a layer without weights (add, pooling) has no weight states at all
                        v = q.equals("weight_states") && !RunReport.hasWeights(runs.get(i).experiment, layer) ? "–" : "float";
                    }
                    any |= v != null && !v.isEmpty() && !"NaN".equals(v);
                    row.add(v == null || v.isEmpty() || "NaN".equals(v) ? "–" : v);
                }
                rows.add(row);
            }
            if (any) sb.append("<h3>").append(Html.esc(LAYER_TITLES.getOrDefault(q, q))).append("</h3>\n")
                    .append(Html.table("layers-" + q, header("layer"), rows));
        }
        return sb.toString();
    }

    private String histograms() {
        Map<String, List<String>> byLayer = new LinkedHashMap<>();
        List<Map<String, String>> svgs = new ArrayList<>();
        for (RunReport r : runs) {
            Map<String, String> m = new LinkedHashMap<>();
            for (var e : r.lastWeightHistograms().entrySet()) {
                m.put(e.getKey(), e.getValue());
                byLayer.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
            }
            svgs.add(m);
        }
        if (byLayer.isEmpty()) return "<p class=\"note\">No weight histograms were recorded.</p>";
        StringBuilder sb = new StringBuilder();
        for (String layer : byLayer.keySet()) {
            sb.append("<h3>").append(Html.esc(layer)).append("</h3>\n<div class=\"charts\">");
            for (int i = 0; i < runs.size(); i++) {
                String svg = svgs.get(i).get(layer);
                if (svg != null) sb.append("<figure class=\"run-hist\"><figcaption>").append(Html.esc(labels.get(i)))
                        .append("</figcaption>").append(svg).append("</figure>");
            }
            sb.append("</div>\n");
        }
        return sb.toString();
    }

    private static String name(RunReport r) {
        return r.experiment != null && r.experiment.hasNonNull("name") ? r.experiment.get("name").asText() : "";
    }
}
