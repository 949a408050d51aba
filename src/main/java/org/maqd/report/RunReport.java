package org.maqd.report;

import org.maqd.run.RunFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maqd.run.AtomicFiles;
import org.maqd.experiment.ExperimentIO;

/**
 * The report of one run folder: the experiment (description, resolved settings, layers), environment and seed,
 * final numbers, loss and accuracy curves, the per-layer quantization table (last probe of each layer), the last
 * weight histogram of each layer with its quantization grid, the deployment certificate and PTQ results when
 * present, and the list of CSV files. Writes {@code report-settings.csv} and {@code report-layers.csv} beside it.
 */
final class RunReport {
    static final List<String> LAYER_COLUMNS = List.of("layer", "name", "norm", "weight_states", "activation_states",
            "weight_step", "activation_step", "weight_mse", "weight_sqnr_db", "activation_mse", "activation_sqnr_db",
            "firing_rate", "weight_occupancy", "activation_occupancy");
    static final List<String> ENV_KEYS = List.of("seed", "threads", "dataset", "dataset_hash", "train_samples",
            "test_samples", "jdk", "os", "cpu", "cores", "max_heap_mb", "git_revision");
    static final List<String> RESULT_KEYS = List.of("status", "message", "test_accuracy", "test_loss", "train_accuracy",
            "train_loss", "epochs", "batch_size", "seconds", "samples_per_second", "warmup_seconds", "parameters");

    /** Above this many weight states only the clip range is drawn on a histogram. */
    static final int MAX_DRAWN_LEVELS = 32;

    final Path dir;
    final JsonNode experiment, summary;
    final Csv metrics, layers, histograms;

    RunReport(Path dir) {
        this.dir = dir;
        this.experiment = json(dir.resolve(RunFiles.EXPERIMENT));
        this.summary = json(dir.resolve(RunFiles.SUMMARY));
        this.metrics = Csv.read(dir.resolve(RunFiles.METRICS));
        this.layers = Csv.read(dir.resolve(RunFiles.LAYERS));
        this.histograms = Csv.read(dir.resolve(RunFiles.HISTOGRAMS));
    }

    static JsonNode json(Path f) {
        if (!Files.exists(f)) return null;
        try {
            return ExperimentIO.MAPPER.readTree(Files.readString(f));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new org.maqd.model.ModelFormatException(ExperimentIO.describe(e, f.toString()), e);
        } catch (IOException e) {
            throw new org.maqd.model.ModelFormatException(f + ": cannot read: " + e.getMessage(), e);
        }
    }

    String title() {
        String n = experiment != null && experiment.hasNonNull("name") ? experiment.get("name").asText() : dir.getFileName().toString();
        return "Run report: " + n;
    }

    String html() {
        StringBuilder b = new StringBuilder("<h1>").append(Html.esc(title())).append("</h1>\n");
        if (experiment != null && experiment.hasNonNull("description")) {
            b.append("<p class=\"desc\">").append(Html.esc(experiment.get("description").asText())).append("</p>\n");
        }
        b.append(Html.section("results", "Results", Html.table("results-table", List.of("quantity", "value"), keyValues(summary, RESULT_KEYS))));
        b.append(Html.section("experiment", "Experiment (resolved settings)",
                Html.table("settings-table", List.of("field", "value"), settings()) + "<h3>Layers</h3>\n"
                        + Html.table("layers-spec-table", layerSpecHeader(), layerSpecRows())));
        b.append(Html.section("environment", "Environment and seed", Html.table("environment-table", List.of("quantity", "value"), keyValues(summary, ENV_KEYS))));
        b.append(Html.section("curves", "Curves", curves()));
        b.append(Html.section("layers", "Per-layer quantization (last probe)",
                layerTable().isEmpty() ? "<p class=\"note\">No probes were recorded (probes disabled).</p>"
                        : Html.table("quant-table", LAYER_COLUMNS, abbreviated(layerTable()))));
        b.append(Html.section("histograms", "Weight histograms (last probe, with the quantization grid)", histogramCharts()));
        JsonNode cert = json(dir.resolve(RunFiles.CERTIFICATE));
        if (cert != null) b.append(Html.section("certificate", "Integer deployment certificate", Html.table("certificate-table", List.of("quantity", "value"), scalars(cert, ""))));
        Csv ptq = Csv.read(dir.resolve(RunFiles.PTQ));
        if (!ptq.isEmpty()) b.append(Html.section("ptq-results", "Post-training quantization of this float model", Html.table("ptq-table", ptq.header(), ptq.rows())));
        b.append(Html.section("files", "Files", files()));
        return Html.page(title(), b.toString());
    }

    /** Writes the report's own CSV files. */
    void writeCsvs() {
        AtomicFiles.writeString(dir.resolve(RunFiles.REPORT_SETTINGS), new Csv(List.of("field", "value"), settings()).text());
        AtomicFiles.writeString(dir.resolve(RunFiles.REPORT_LAYERS), new Csv(LAYER_COLUMNS, layerTable()).text());
    }

    static List<List<String>> keyValues(JsonNode n, List<String> keys) {
        List<List<String>> rows = new ArrayList<>();
        if (n == null) return rows;
        for (String k : keys) if (n.has(k)) rows.add(List.of(k, n.get(k).isNull() ? "" : n.get(k).asText()));
        return rows;
    }

    /** Every scalar of a JSON tree as (path, value), lists of scalars joined. */
    static List<List<String>> scalars(JsonNode n, String prefix) {
        List<List<String>> rows = new ArrayList<>();
        if (n == null) return rows;
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                var e = it.next();
                rows.addAll(scalars(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey()));
            }
        } else if (n.isArray()) {
            boolean flat = true;
            for (JsonNode c : n) flat &= c.isValueNode();
            if (flat) {
                List<String> v = new ArrayList<>();
                for (JsonNode c : n) v.add(c.asText());
                rows.add(List.of(prefix, "[" + String.join(", ", v) + "]"));
            } else {
                for (int i = 0; i < n.size(); i++) rows.addAll(scalars(n.get(i), prefix + "[" + i + "]"));
            }
        } else {
            rows.add(List.of(prefix, n.isNull() ? "" : n.asText()));
        }
        return rows;
    }

    List<List<String>> settings() {
        if (experiment == null) return List.of();
        JsonNode copy = experiment.deepCopy();
        if (copy.has("network")) ((com.fasterxml.jackson.databind.node.ObjectNode) copy.get("network")).remove("layers");
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("description");
        return scalars(copy, "");
    }

    static final List<String> SPEC_FIELDS = List.of("type", "units", "channels", "kernel", "stride", "weightStates",
            "activationStates", "norm", "weightStandardization", "weightSurrogate", "activationSurrogate", "activationStep");

    static List<String> layerSpecHeader() {
        List<String> h = new ArrayList<>(List.of("index"));
        h.addAll(SPEC_FIELDS);
        return h;
    }

    List<List<String>> layerSpecRows() {
        List<List<String>> rows = new ArrayList<>();
        JsonNode ls = experiment == null ? null : experiment.path("network").path("layers");
        if (ls == null || !ls.isArray()) return rows;
        for (int i = 0; i < ls.size(); i++) {
            List<String> r = new ArrayList<>(List.of(Integer.toString(i)));
            for (String f : SPEC_FIELDS) r.add(ls.get(i).hasNonNull(f) ? ls.get(i).get(f).asText() : "");
            rows.add(r);
        }
        return rows;
    }

    /** The last probe row of each layer, in layer order. */
    List<List<String>> layerTable() {
        Map<String, List<String>> last = new LinkedHashMap<>();
        for (List<String> r : layers.rows()) last.put(layers.get(r, "layer"), r);
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : last.values()) {
            List<String> out = new ArrayList<>();
            for (String c : LAYER_COLUMNS) out.add(layers.get(r, c));
            rows.add(out);
        }
        return rows;
    }

    /** Occupancy lists longer than 16 states are shown as a count (the full lists are in report-layers.csv). */
    static List<List<String>> abbreviated(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : rows) {
            List<String> c = new ArrayList<>(r);
            for (int i = 0; i < c.size(); i++) {
                String[] parts = c.get(i).trim().split(" ");
                if (LAYER_COLUMNS.get(i).endsWith("_occupancy") && parts.length > 16) c.set(i, abbreviation(parts));
            }
            out.add(c);
        }
        return out;
    }

    static String abbreviation(String[] counts) {
        int used = 0;
        for (String p : counts) if (!"0".equals(p)) used++;
        return counts.length + " states, " + used + " occupied (counts in report-layers.csv)";
    }

    private String curves() {
        if (metrics.isEmpty()) return "<p class=\"note\">No finished epoch (metrics.csv is empty).</p>";
        Chart loss = epochChart("Loss", "cross-entropy loss", "train_loss", "test_loss");
        Chart acc = epochChart("Accuracy", "accuracy", "train_accuracy", "test_accuracy");
        return "<div class=\"charts\">" + SvgChart.line(loss) + SvgChart.line(acc) + "</div>\n";
    }

    Chart epochChart(String title, String yLabel, String trainCol, String testCol) {
        int n = metrics.rows().size();
        double[] x = new double[n], tr = new double[n], te = new double[n];
        for (int i = 0; i < n; i++) {
            List<String> r = metrics.rows().get(i);
            x[i] = Csv.num(metrics.get(r, "epoch"));
            tr[i] = Csv.num(metrics.get(r, trainCol));
            te[i] = Csv.num(metrics.get(r, testCol));
        }
        int step = Math.max(1, (int) Math.ceil(n / 10.0));
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i < n; i += step) ticks.add(x[i]);
        return new Chart(title, "epoch", yLabel, ticks.stream().mapToDouble(Double::doubleValue).toArray(), null,
                List.of(new Chart.Series("train", x, tr, null, null), new Chart.Series("test", x, te, null, null)));
    }

    private String histogramCharts() {
        Map<String, String> h = lastWeightHistograms();
        if (h.isEmpty()) return "<p class=\"note\">No weight histograms were recorded.</p>";
        return "<div class=\"charts\">" + String.join("", h.values()) + "</div>\n";
    }

    /** The last weight histogram of each layer as SVG with its quantization grid, by layer name, in layer order. */
    Map<String, String> lastWeightHistograms() {
        Map<String, List<String>> lastHist = new LinkedHashMap<>();
        for (List<String> r : histograms.rows()) if ("weight".equals(histograms.get(r, "kind"))) lastHist.put(histograms.get(r, "layer"), r);
        Map<String, List<String>> lastLayer = new LinkedHashMap<>();
        for (List<String> r : layers.rows()) lastLayer.put(layers.get(r, "layer"), r);
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : lastHist.entrySet()) {
            List<String> h = e.getValue(), l = lastLayer.get(e.getKey());
            String[] parts = histograms.get(h, "counts").trim().split(" ");
            double[] counts = new double[parts.length];
            for (int i = 0; i < parts.length; i++) counts[i] = Csv.num(parts[i]);
            int m = l == null ? 0 : (int) Csv.num(layers.get(l, "weight_states"));
            double step = l == null ? Double.NaN : Csv.num(layers.get(l, "weight_step"));
            double[] levels = new double[0], clip = new double[0];
            if (m >= 2 && !Double.isNaN(step)) {
                if (m <= MAX_DRAWN_LEVELS) {
                    levels = new double[m];
                    for (int k = 0; k < m; k++) levels[k] = step * (k - (m - 1) / 2.0);
                }
                clip = new double[] {-step * m / 2.0, step * m / 2.0};
            }
            String name = l == null ? "layer " + e.getKey() : layers.get(l, "name");
            String title = name + (m >= 2 ? " (M_w = " + m + (m > MAX_DRAWN_LEVELS ? ", levels too dense to draw" : "") + ")" : " (float)");
            out.put(name, SvgChart.histogram(title, counts, Csv.num(histograms.get(h, "min")), Csv.num(histograms.get(h, "max")), levels, clip));
        }
        return out;
    }

    private String files() {
        StringBuilder sb = new StringBuilder("<ul>");
        for (String f : List.of(RunFiles.EXPERIMENT, RunFiles.SUMMARY, RunFiles.METRICS, RunFiles.LAYERS, RunFiles.HISTOGRAMS,
                RunFiles.REPORT_SETTINGS, RunFiles.REPORT_LAYERS, RunFiles.PTQ, RunFiles.CERTIFICATE, RunFiles.MODEL_WEIGHTS)) {
            if (Files.exists(dir.resolve(f)) || f.startsWith("report-")) {
                sb.append("<li><a href=\"").append(Html.esc(f)).append("\">").append(Html.esc(f)).append("</a></li>");
            }
        }
        return sb.append("</ul>\n").toString();
    }
}
