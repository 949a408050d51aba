package org.maqd.ui.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.maqd.deploy.Certificate;
import org.maqd.deploy.Folder;
import org.maqd.experiment.ExperimentIO;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkAnalysis;
import org.maqd.model.NetworkResolver;
import org.maqd.model.NetworkSpec;

/**
 * What the runs table reads from one run folder: the resolved experiment flattened to field paths, the final
 * test accuracy and status from summary.json, the float model file size, the deployed size (the certificate's
 * packed model bytes, else the weight memory at the chosen states of model.json), the equivalence certificate
 * (certificate.json, null when there is none), why model.json cannot be integer-only (null when it can or is
 * missing), and the test-accuracy curve from metrics.csv.
 */
public record RunFolder(Path dir, String name, Map<String, String> settings, double testAccuracy, String status,
                        long modelBytes, long deployedBytes, Map<String, Object> certificate, String notIntegerOnly) {
    private static final ObjectMapper JSON = ExperimentIO.MAPPER;

    public static boolean looksLikeRun(Path dir) {
        return Files.isRegularFile(dir.resolve("experiment.json")) || Files.isRegularFile(dir.resolve("summary.json"));
    }

    public static RunFolder read(Path dir) {
        Map<String, String> flat = new TreeMap<>();
        double acc = Double.NaN;
        String status = "";
        try {
            if (Files.isRegularFile(dir.resolve("experiment.json")))
                flatten("", JSON.readTree(dir.resolve("experiment.json").toFile()), flat);
            if (Files.isRegularFile(dir.resolve("summary.json"))) {
                JsonNode s = JSON.readTree(dir.resolve("summary.json").toFile());
                acc = find(s, "testaccuracy");
                JsonNode st = s.findValue("status");
                status = st == null ? "" : st.asText();
            } else {
                status = "no summary";
            }
        } catch (IOException e) {
            status = "unreadable: " + e.getMessage();
        }
        long size = 0;
        try {
            Path m = dir.resolve("model.safetensors");
            if (Files.isRegularFile(m)) size = Files.size(m);
        } catch (IOException ignored) {
            size = 0;
        }
        Map<String, Object> cert = certificate(dir);
        long deployed = 0;
        String notInt = null;
        if (Files.isRegularFile(dir.resolve("model.json"))) {
            try {
                NetworkSpec spec = org.maqd.experiment.RunFolder.modelSpec(dir);
                NetworkAnalysis.Report r = NetworkAnalysis.analyze(spec);
                if (r.ok()) deployed = (r.weightBits() + 7) / 8;
                List<LayerSpec> layers = NetworkResolver.resolve(spec).layers();
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
        return new RunFolder(dir, dir.getFileName().toString(), flat, acc, status, size, deployed, cert, notInt);
    }

    /** certificate.json as a map, or null when the run has none (or it cannot be read). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> certificate(Path dir) {
        Path f = dir.resolve(Certificate.FILE);
        if (!Files.isRegularFile(f)) return null;
        try {
            return JSON.readValue(f.toFile(), Map.class);
        } catch (IOException e) {
            return Map.of("unreadable", String.valueOf(e.getMessage()));
        }
    }

    /** The deployment badge ({@link DeploymentBadge}). */
    public String badge() { return DeploymentBadge.text(certificate, notIntegerOnly); }

    /** (x, test accuracy) from metrics.csv, x being the epoch (or step when there is no epoch column). */
    public double[][] testAccuracyCurve() {
        List<double[]> pts = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(dir.resolve("metrics.csv"));
            if (lines.isEmpty()) return new double[2][0];
            String[] head = lines.get(0).split(",");
            int xc = column(head, "epoch"), yc = column(head, "testaccuracy");
            if (xc < 0) xc = column(head, "step");
            if (xc < 0 || yc < 0) return new double[2][0];
            double lastX = Double.NaN;
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                if (f.length <= Math.max(xc, yc) || f[yc].isBlank()) continue;
                try {
                    double x = Double.parseDouble(f[xc]), y = Double.parseDouble(f[yc]);
                    if (x == lastX) pts.set(pts.size() - 1, new double[]{x, y});
                    else pts.add(new double[]{x, y});
                    lastX = x;
                } catch (NumberFormatException ignored) {
                    // a non-numeric cell (e.g. "nan" text) leaves a gap
                }
            }
        } catch (IOException e) {
            return new double[2][0];
        }
        double[][] out = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            out[0][i] = pts.get(i)[0];
            out[1][i] = pts.get(i)[1];
        }
        return out;
    }

    /**
     * The last latent-weight histogram of a layer in histograms.csv: {bin centres, fraction of weights per bin},
     * or empty arrays when the run has none for that layer.
     */
    public double[][] lastWeightHistogram(int layer) {
        String last = null;
        try (java.util.stream.Stream<String> lines = Files.lines(dir.resolve("histograms.csv"))) {
            for (String line : (Iterable<String>) lines.skip(1)::iterator) {
                String[] f = line.split(",", 7);
                if (f.length == 7 && f[3].equals("weight") && f[2].equals(String.valueOf(layer))) last = line;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return new double[2][0];
        }
        if (last == null) return new double[2][0];
        String[] f = last.split(",", 7);
        String[] counts = f[6].trim().split(" ");
        double min = Double.parseDouble(f[4]), max = Double.parseDouble(f[5]), total = 0;
        double[][] out = new double[2][counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[0][i] = min + (max - min) * (i + 0.5) / counts.length;
            out[1][i] = Double.parseDouble(counts[i]);
            total += out[1][i];
        }
        for (int i = 0; i < counts.length && total > 0; i++) out[1][i] /= total;
        return out;
    }

    /** Layer indices that have weight histograms in histograms.csv, in order. */
    public java.util.List<Integer> histogramLayers() {
        java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
        try (java.util.stream.Stream<String> lines = Files.lines(dir.resolve("histograms.csv"))) {
            lines.skip(1).map(l -> l.split(",", 5)).filter(f -> f.length == 5 && f[3].equals("weight"))
                    .forEach(f -> s.add(Integer.parseInt(f[2])));
        } catch (IOException | RuntimeException e) {
            return java.util.List.of();
        }
        return new java.util.ArrayList<>(s);
    }

    /**
     * The probe layers of layers.csv, which histograms.csv refers to by index: index → "name (M_w states)" (e.g.
     * "2:linear (3 states)"), and the layer to compare first: fewest weight states (≥ 2) among hidden layers, -1
     * if unknown. Empty when the run has no layers.csv.
     */
    public record ProbeLayers(Map<Integer, String> names, int preferred) {}

    /** {@link ProbeLayers} from one read of layers.csv. */
    public ProbeLayers probeLayers() {
        Map<Integer, String> names = new TreeMap<>();
        Map<Integer, Integer> states = new TreeMap<>();   // parsed M_w of the row that named the layer
        try (java.util.stream.Stream<String> lines = Files.lines(dir.resolve("layers.csv"))) {
            java.util.Iterator<String> it = lines.iterator();
            if (!it.hasNext()) return new ProbeLayers(names, -1);
            String[] head = it.next().split(",");
            int li = column(head, "layer"), ni = column(head, "name"), wi = column(head, "weightstates");
            if (li < 0 || ni < 0) return new ProbeLayers(names, -1);
            while (it.hasNext()) {
                String[] f = it.next().split(",", -1);
                if (f.length <= Math.max(li, Math.max(ni, wi))) continue;
                try {
                    int k = Integer.parseInt(f[li]);
                    if (names.putIfAbsent(k, f[ni] + (wi >= 0 ? " (" + f[wi] + " states)" : "")) == null
                            && wi >= 0 && !f[ni].contains(":output") && f[wi].matches("\\d{1,9}")) {
                        states.put(k, Integer.parseInt(f[wi]));
                    }
                } catch (NumberFormatException ignored) {
                    // a malformed row names nothing
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return new ProbeLayers(names, -1);
        }
        int best = -1, bestStates = Integer.MAX_VALUE;
        for (Map.Entry<Integer, Integer> e : states.entrySet()) {
            if (e.getValue() >= 2 && e.getValue() < bestStates) {
                best = e.getKey();
                bestStates = e.getValue();
            }
        }
        return new ProbeLayers(names, best);
    }

    /** {@link ProbeLayers#names()}. */
    public Map<Integer, String> probeLayerNames() { return probeLayers().names(); }

    /** {@link ProbeLayers#preferred()}. */
    public int preferredProbeLayer() { return probeLayers().preferred(); }

    private static int column(String[] head, String name) {
        for (int i = 0; i < head.length; i++) if (norm(head[i]).equals(name)) return i;
        return -1;
    }

    private static String norm(String s) { return s.toLowerCase().replaceAll("[^a-z0-9]", ""); }

    private static double find(JsonNode n, String key) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (norm(e.getKey()).endsWith(key) && e.getValue().isNumber()) return e.getValue().asDouble();
            }
            for (JsonNode c : n) {
                double v = find(c, key);
                if (!Double.isNaN(v)) return v;
            }
        }
        return Double.NaN;
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (n.isArray() && prefix.endsWith("layers")) {
            for (int i = 0; i < n.size(); i++) flatten(prefix + "[" + i + "]", n.get(i), out);
        } else {
            out.put(prefix, n.isTextual() ? n.asText() : n.toString());
        }
    }
}
