package org.maqd.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.maqd.experiment.ExperimentIO;
import org.maqd.run.CertificateRecord;
import org.maqd.run.CsvTable;
import org.maqd.run.HistogramRow;
import org.maqd.run.LayerProbeRow;
import org.maqd.run.MetricRow;
import org.maqd.run.PtqRow;
import org.maqd.run.RunFiles;
import org.maqd.run.Summary;

/**
 * The report of one run folder: the experiment (description, resolved settings, layers), environment and seed,
 * final numbers, loss and accuracy curves, the per-layer quantization table (last probe of each layer), the last
 * weight histogram of each layer with its quantization grid, the deployment certificate and PTQ results when
 * present, and the list of CSV files. Writes {@code report-settings.csv} and {@code report-layers.csv} beside it.
 * Every file is read as the typed records of its owner ({@code org.maqd.run}, {@link ExperimentIO}); tables show
 * the cells as the owner writes them, formatted for people.
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
    /** The resolved experiment as the tree it is written as (null without experiment.json). */
    final JsonNode experiment;
    /** The summary's fields by their names in summary.json (empty without one). */
    final Map<String, Object> summary;
    final List<MetricRow> metrics;
    final List<LayerProbeRow> layers;
    final List<HistogramRow> histograms;

    /**
     * Whether the layer a probe row names has weights. The name is "index:kind" in a chain (the index counts the
     * layers after residual blocks are expanded, so it is not a position in the file) and "index:id" in a graph: the
     * kind, or the node with that id, says. True when neither does (a weightless add or pool was called "float").
     */
    static boolean hasWeights(JsonNode experiment, String probeName) {
        int colon = probeName == null ? -1 : probeName.indexOf(':');
        if (colon < 0) return true;
        String after = probeName.substring(colon + 1);
        JsonNode net = experiment == null ? null : experiment.path("network");
        if (net != null && net.has("nodes")) {
            for (JsonNode n : net.path("nodes")) {
                if (after.equals(n.path("id").asText(null))) return org.maqd.model.LayerKinds.isWeighted(n.path("type").asText(null));
            }
            return true;
        }
        return org.maqd.model.LayerKinds.find(after) == null || org.maqd.model.LayerKinds.isWeighted(after);
    }

    RunReport(Path dir) {
        this.dir = dir;
        this.experiment = experimentTree(dir.resolve(RunFiles.EXPERIMENT));
        this.summary = summaryFields(dir);
        this.metrics = MetricRow.FILE.read(dir);
        this.layers = LayerProbeRow.FILE.read(dir);
        this.histograms = HistogramRow.FILE.read(dir);
    }

    /** An experiment file (a run's experiment.json, a sweep's sweep.json) read by its owner, as a tree; null when absent. */
    static JsonNode experimentTree(Path f) {
        return Files.exists(f) ? ExperimentIO.MAPPER.valueToTree(ExperimentIO.read(f)) : null;
    }

    /** The fields of {@code runDir/summary.json}, empty when the run has none. */
    static Map<String, Object> summaryFields(Path runDir) {
        Summary s = Summary.read(runDir);
        return s == null ? Map.of() : s.toMap();
    }

    String title() {
        String n = experiment != null && experiment.hasNonNull("name") ? experiment.get("name").asText() : dir.getFileName().toString();
        return "Run report: " + n;
    }

    String html() {
        StringBuilder b = new StringBuilder("<h1>").append(Html.esc(title())).append("</h1>\n");
        if (experiment != null && experiment.hasNonNull("description")) {
            // the author's words, which an edit in the window does not change: the tables below give what the run used
            b.append("<p class=\"desc\">").append(Html.esc(experiment.get("description").asText()))
                    .append(" <span class=\"note\">(the experiment's description as written; the settings this run used are in "
                            + "the tables below)</span></p>\n");
        }
        b.append(Html.section("results", "Results", Html.table("results-table", List.of("quantity", "value"), keyValues(summary, RESULT_KEYS))));
        b.append(Html.section("experiment", "Experiment (resolved settings)",
                Html.table("settings-table", List.of("field", "value"), settings()) + "<h3>Layers</h3>\n"
                        + Html.table("layers-spec-table", layerSpecHeader(experiment), layerSpecRows(experiment))));
        b.append(Html.section("environment", "Environment and seed", Html.table("environment-table", List.of("quantity", "value"), keyValues(summary, ENV_KEYS))));
        b.append(Html.section("curves", "Curves", curves()));
        b.append(Html.section("layers", "Per-layer quantization (last probe)",
                layerTable().isEmpty() ? "<p class=\"note\">No probes were recorded (probes disabled).</p>"
                        : Html.table("quant-table", Html.words(LAYER_COLUMNS), abbreviated(layerTable()))));
        b.append(Html.section("histograms", "Weight histograms (last probe, with the quantization grid)", histogramCharts()));
        CertificateRecord cert = CertificateRecord.read(dir);
        if (cert != null) b.append(Html.section("certificate", "Integer deployment certificate",
                Html.table("certificate-table", List.of("quantity", "value"), SettingDifferences.rows(SettingDifferences.flatten(ExperimentIO.MAPPER.valueToTree(cert.toMap()))))));
        List<PtqRow> ptq = PtqRow.FILE.read(dir);
        if (!ptq.isEmpty()) b.append(Html.section("ptq-results", "Post-training quantization of this float model",
                Html.table("ptq-table", Html.words(PtqRow.FILE.columns()), ptq.stream().map(PtqRow.FILE::cells).toList())));
        b.append(Html.section("files", "Files", files()));
        return Html.page(title(), b.toString());
    }

    /** Writes the report's own CSV files. */
    void writeCsvs() {
        new CsvTable(List.of("field", "value"), settings()).write(dir.resolve(RunFiles.REPORT_SETTINGS));
        new CsvTable(LAYER_COLUMNS, layerTable()).write(dir.resolve(RunFiles.REPORT_LAYERS));
    }

    static List<List<String>> keyValues(Map<String, Object> fields, List<String> keys) {
        List<List<String>> rows = new ArrayList<>();
        for (String k : keys) if (fields.containsKey(k)) rows.add(List.of(k, String.valueOf(fields.get(k))));
        return rows;
    }

    List<List<String>> settings() {
        if (experiment == null) return List.of();
        JsonNode copy = experiment.deepCopy();
        if (copy.has("network")) ((com.fasterxml.jackson.databind.node.ObjectNode) copy.get("network")).remove("layers");
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("description");
        return SettingDifferences.rows(SettingDifferences.flatten(copy));
    }

    /** Every setting of the resolved experiment by its path, layers and nodes included (empty without experiment.json). */
    Map<String, String> settingPaths() { return SettingDifferences.flatten(experiment); }

    static final List<String> SPEC_FIELDS = List.of("type", "units", "channels", "kernel", "stride", "weightStates",
            "activationStates", "norm", "weightStandardization", "weightSurrogate", "activationSurrogate", "activationStep");

    /** A graph's nodes also name their id and inputs. */
    private static final List<String> GRAPH_FIELDS = List.of("id", "inputs");

    /** The experiment's layers (a chain's "layers", a graph's "nodes"); a missing node when there is neither. */
    static JsonNode layerList(JsonNode experiment) {
        JsonNode net = experiment == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : experiment.path("network");
        return net.has("nodes") ? net.path("nodes") : net.path("layers");
    }

    private static boolean graph(JsonNode experiment) { return experiment != null && experiment.path("network").has("nodes"); }

    static List<String> layerSpecHeader(JsonNode experiment) {
        List<String> h = new ArrayList<>(List.of("index"));
        if (graph(experiment)) h.addAll(GRAPH_FIELDS);
        h.addAll(SPEC_FIELDS);
        return h;
    }

    /** One row per layer or node of the experiment (a graph's table was empty: it read "layers" only). */
    static List<List<String>> layerSpecRows(JsonNode experiment) {
        List<List<String>> rows = new ArrayList<>();
        JsonNode ls = layerList(experiment);
        if (!ls.isArray()) return rows;
        List<String> fields = new ArrayList<>(graph(experiment) ? GRAPH_FIELDS : List.of());
        fields.addAll(SPEC_FIELDS);
        for (int i = 0; i < ls.size(); i++) {
            List<String> r = new ArrayList<>(List.of(Integer.toString(i)));
            for (String f : fields) r.add(cell(ls.get(i).get(f)));
            rows.add(r);
        }
        return rows;
    }

    /** A spec field as a cell: text as is, a list (a node's inputs) joined with commas. */
    private static String cell(JsonNode v) {
        if (v == null || v.isNull()) return "";
        if (!v.isArray()) return v.asText();
        List<String> parts = new ArrayList<>();
        v.forEach(x -> parts.add(x.asText()));
        return String.join(", ", parts);
    }

    /** The last probe row of each layer, in layer order, as the cells of {@link #LAYER_COLUMNS}. */
    List<List<String>> layerTable() {
        List<List<String>> rows = new ArrayList<>();
        for (LayerProbeRow r : lastProbes().values()) rows.add(cells(r, LAYER_COLUMNS));
        return rows;
    }

    /** The last probe row of each layer, by layer index, in order of appearance. */
    Map<Integer, LayerProbeRow> lastProbes() {
        Map<Integer, LayerProbeRow> last = new LinkedHashMap<>();
        for (LayerProbeRow r : layers) last.put(r.layer(), r);
        return last;
    }

    /** Cells of a probe row in the named columns of layers.csv, as the file writes them. */
    static List<String> cells(LayerProbeRow r, List<String> columns) {
        List<String> all = LayerProbeRow.FILE.cells(r), names = LayerProbeRow.FILE.columns();
        return columns.stream().map(c -> all.get(names.indexOf(c))).toList();
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
        Chart loss = epochChart("Loss", "cross-entropy loss", MetricRow::trainLoss, MetricRow::testLoss);
        Chart acc = epochChart("Accuracy", "accuracy", MetricRow::trainAccuracy, MetricRow::testAccuracy);
        return "<div class=\"charts\">" + SvgChart.line(loss) + SvgChart.line(acc) + "</div>\n";
    }

    Chart epochChart(String title, String yLabel, ToDoubleFunction<MetricRow> train, ToDoubleFunction<MetricRow> test) {
        int n = metrics.size();
        double[] x = new double[n], tr = new double[n], te = new double[n];
        for (int i = 0; i < n; i++) {
            MetricRow r = metrics.get(i);
            x[i] = r.epoch();
            tr[i] = train.applyAsDouble(r);
            te[i] = test.applyAsDouble(r);
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
        Map<Integer, HistogramRow> lastHist = new LinkedHashMap<>();
        for (HistogramRow r : histograms) if (r.ofWeights()) lastHist.put(r.layer(), r);
        Map<Integer, LayerProbeRow> lastLayer = lastProbes();
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : lastHist.entrySet()) {
            HistogramRow h = e.getValue();
            LayerProbeRow l = lastLayer.get(e.getKey());
            double[] counts = java.util.Arrays.stream(h.counts()).asDoubleStream().toArray();
            int m = l == null ? 0 : l.weightStates();
            double step = l == null ? Double.NaN : LayerProbeRow.num(l.weightStep());
            double[] levels = new double[0], clip = new double[0];
            if (m >= 2 && !Double.isNaN(step)) {
                if (m <= MAX_DRAWN_LEVELS) {
                    levels = new double[m];
                    for (int k = 0; k < m; k++) levels[k] = step * (k - (m - 1) / 2.0);
                }
                clip = new double[] {-step * m / 2.0, step * m / 2.0};
            }
            String name = l == null ? "layer " + e.getKey() : l.name();
            String title = name + (m >= 2 ? " (M_w = " + m + (m > MAX_DRAWN_LEVELS ? ", levels too dense to draw" : "") + ")" : " (float)");
            out.put(name, SvgChart.histogram(title, counts, h.min(), h.max(), levels, clip));
        }
        return out;
    }

    private String files() {
        StringBuilder sb = new StringBuilder("<ul>");
        for (String f : RunFiles.REPORTED) {
            if (Files.exists(dir.resolve(f)) || f.startsWith("report-")) {
                sb.append("<li><a href=\"").append(Html.esc(f)).append("\">").append(Html.esc(f)).append("</a></li>");
            }
        }
        return sb.append("</ul>\n").toString();
    }
}
