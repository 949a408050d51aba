package org.maqd.ui.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.maqd.deploy.Folder;
import org.maqd.experiment.ExperimentIO;
import org.maqd.model.FloatNetwork;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkAnalysis;
import org.maqd.model.NetworkResolver;
import org.maqd.model.NetworkSpec;
import org.maqd.report.SettingDifferences;
import org.maqd.run.CertificateRecord;
import org.maqd.run.HistogramRow;
import org.maqd.run.LayerProbeRow;
import org.maqd.run.MetricRow;
import org.maqd.run.RunFiles;
import org.maqd.run.RunFormatException;
import org.maqd.run.Summary;

/**
 * What the runs table reads from one run folder: the resolved experiment flattened to field paths, the final
 * test accuracy and status from summary.json, the float model file size, the deployed size (the certificate's
 * packed model bytes, else the weight memory at the chosen states of model.json), the equivalence certificate
 * (certificate.json, null when there is none), why model.json cannot be integer-only (null when it can or is
 * missing), why its network is not float (null when it is: {@link FloatNetwork}'s rule, the one {@code maqd ptq} takes a model by),
 * and the test-accuracy curve from metrics.csv.
 */
public record RunFolder(Path dir, String name, Map<String, String> settings, double testAccuracy, String status,
                        long modelBytes, long deployedBytes, Map<String, Object> certificate, String notIntegerOnly,
                        String notFloat) {
    /** True for a float network ({@link #notFloat} is null). */
    public boolean floatNetwork() { return notFloat == null; }

    public static boolean looksLikeRun(Path dir) { return RunFiles.looksLikeRun(dir); }

    public static RunFolder read(Path dir) {
        Map<String, String> flat = Map.of();
        double acc = Double.NaN;
        String status;
        String notFloat = "no experiment.json";
        try {
            Path exp = dir.resolve(RunFiles.EXPERIMENT);
            if (Files.isRegularFile(exp)) {
                com.fasterxml.jackson.databind.JsonNode tree = ExperimentIO.MAPPER.readTree(exp.toFile());
                flat = SettingDifferences.flatten(tree);
                notFloat = notFloat(tree.get("network"));
            }
            Summary s = Summary.read(dir);
            status = s == null ? "no summary" : s.status();
            if (s != null && s.testAccuracy() != null) acc = s.testAccuracy();
        } catch (IOException | RunFormatException e) {
            status = "unreadable: " + e.getMessage();
        }
        long size = 0;
        try {
            Path m = dir.resolve(RunFiles.MODEL_WEIGHTS);
            if (Files.isRegularFile(m)) size = Files.size(m);
        } catch (IOException ignored) {
            size = 0;
        }
        Map<String, Object> cert = certificate(dir);
        long deployed = 0;
        String notInt = null;
        if (Files.isRegularFile(dir.resolve(RunFiles.MODEL_JSON))) {
            try {
                NetworkSpec spec = org.maqd.experiment.RunFolder.modelSpec(dir);
                NetworkAnalysis.Report r = NetworkAnalysis.analyze(spec);
                if (r.ok()) deployed = (r.weightBits() + 7) / 8;
                List<LayerSpec> layers = NetworkResolver.resolve(spec).all();
                for (int i = 0; i < layers.size() && notInt == null; i++) {
                    String why = Folder.integerOnlyReason(layers.get(i), i == layers.size() - 1);
                    if (why != null) notInt = "layer " + i + " (" + layers.get(i).type() + ") " + why;
                }
            } catch (RuntimeException e) {
                deployed = 0;
            }
        }
        if (cert != null && cert.get("cost") instanceof Map<?, ?> cost && cost.get("model_bytes") instanceof Number n) {
            deployed = n.longValue();
        }
        return new RunFolder(dir, dir.getFileName().toString(), flat, acc, status, size, deployed, cert, notInt, notFloat);
    }

    // why the experiment's network is not float by FloatNetwork's rule ("layers[3].weightStates is 256"), or null
    private static String notFloat(com.fasterxml.jackson.databind.JsonNode network) {
        if (network == null || !network.isObject()) return "its experiment has no network";
        try {
            FloatNetwork.Quantized q = FloatNetwork.firstQuantized(ExperimentIO.MAPPER.treeToValue(network, NetworkSpec.class));
            return q == null ? null : q.path() + " is " + q.states();
        } catch (IOException | RuntimeException e) {
            return "its network cannot be read";
        }
    }

    /** certificate.json as a map, or null when the run has none ({"unreadable": why} when it cannot be read). */
    static Map<String, Object> certificate(Path dir) {
        try {
            CertificateRecord c = CertificateRecord.read(dir);
            return c == null ? null : c.toMap();
        } catch (RunFormatException e) {
            return Map.of("unreadable", String.valueOf(e.getMessage()));
        }
    }

    /** The deployment badge ({@link DeploymentBadge}). */
    public String badge() { return DeploymentBadge.text(certificate, notIntegerOnly); }

    /** (epoch, test accuracy) from metrics.csv; empty when it cannot be read. */
    public double[][] testAccuracyCurve() {
        List<MetricRow> rows = rows(MetricRow.FILE);
        double[][] out = new double[2][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            out[0][i] = rows.get(i).epoch();
            out[1][i] = rows.get(i).testAccuracy();
        }
        return out;
    }

    /**
     * The last latent-weight histogram of a layer in histograms.csv: {bin centres, fraction of weights per bin},
     * or empty arrays when the run has none for that layer.
     */
    public double[][] lastWeightHistogram(int layer) {
        HistogramRow last = null;
        for (HistogramRow h : rows(HistogramRow.FILE)) if (h.ofWeights() && h.layer() == layer) last = h;
        if (last == null) return new double[2][0];
        long[] counts = last.counts();
        double min = last.min(), max = last.max(), total = 0;
        double[][] out = new double[2][counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[0][i] = min + (max - min) * (i + 0.5) / counts.length;
            out[1][i] = counts[i];
            total += counts[i];
        }
        for (int i = 0; i < counts.length && total > 0; i++) out[1][i] /= total;
        return out;
    }

    /** Layer indices that have weight histograms in histograms.csv, in order. */
    public List<Integer> histogramLayers() {
        java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
        for (HistogramRow h : rows(HistogramRow.FILE)) if (h.ofWeights()) s.add(h.layer());
        return new ArrayList<>(s);
    }

    /**
     * The probe layers of layers.csv, which histograms.csv refers to by index: index → name ("2:linear"), index → its
     * weight states M_w (0 = float), and the layer to compare first: fewest weight states (≥ 2) among hidden layers,
     * -1 if unknown. Empty when the run has no layers.csv.
     */
    public record ProbeLayers(Map<Integer, String> layerNames, Map<Integer, Integer> weightStates, int preferred) {
        /** index → "name (M_w states)", e.g. "2:linear (3 states)", "1:linear (float)". */
        public Map<Integer, String> names() { return labels(List.of(this)); }

        /**
         * index → the label of a layer over several runs' probe layers: its name (the first run's that has it) and
         * its weight states, one value when the runs agree ("2:linear (3 states)"), each run's otherwise in run order
         * ("2:linear (2 / 4 states)", "1:linear (float / 4 states)"): one run's states beside another run's
         * histogram was a wrong label.
         */
        public static Map<Integer, String> labels(List<ProbeLayers> runs) {
            Map<Integer, String> names = new TreeMap<>();
            Map<Integer, java.util.LinkedHashSet<Integer>> states = new TreeMap<>();
            for (ProbeLayers p : runs) {
                p.layerNames().forEach(names::putIfAbsent);
                p.weightStates().forEach((k, m) -> states.computeIfAbsent(k, x -> new java.util.LinkedHashSet<>()).add(m));
            }
            Map<Integer, String> out = new TreeMap<>();
            names.forEach((k, name) -> {
                java.util.LinkedHashSet<Integer> ms = states.get(k);
                boolean allFloat = ms.stream().allMatch(m -> m < 2);
                String each = String.join(" / ", ms.stream().map(m -> m < 2 ? "float" : String.valueOf(m)).toList());
                out.put(k, name + " (" + (allFloat ? "float" : each + " states") + ")");
            });
            return out;
        }
    }

    /** {@link ProbeLayers} from one read of layers.csv. */
    public ProbeLayers probeLayers() {
        Map<Integer, String> names = new TreeMap<>();
        Map<Integer, Integer> all = new TreeMap<>(), states = new TreeMap<>();
        for (LayerProbeRow r : rows(LayerProbeRow.FILE)) {
            if (names.putIfAbsent(r.layer(), r.name()) == null) {
                all.put(r.layer(), r.weightStates());
                if (!r.name().contains(":output")) states.put(r.layer(), r.weightStates());
            }
        }
        int best = -1, bestStates = Integer.MAX_VALUE;
        for (Map.Entry<Integer, Integer> e : states.entrySet()) {
            if (e.getValue() >= 2 && e.getValue() < bestStates) {
                best = e.getKey();
                bestStates = e.getValue();
            }
        }
        return new ProbeLayers(names, all, best);
    }

    /** {@link ProbeLayers#names()}. */
    public Map<Integer, String> probeLayerNames() { return probeLayers().names(); }

    /** {@link ProbeLayers#preferred()}. */
    public int preferredProbeLayer() { return probeLayers().preferred(); }

    /** The rows of one of the run's CSV files; empty when it is missing or cannot be read (the view shows no curve). */
    private <T extends Record> List<T> rows(org.maqd.run.RowFile<T> file) {
        try {
            return file.read(dir);
        } catch (RunFormatException e) {
            return List.of();
        }
    }
}
