package org.maqd.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.maqd.data.Datasets;
import org.maqd.data.ToyDatasets;
import org.maqd.run.AtomicFiles;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.RunFolder;
import org.maqd.model.Network;
import org.maqd.tensor.Parallel;

/**
 * {@code maqd export RUN_DIR --onnx FILE}: the run's trained network as ONNX ({@link OnnxExport}), with the input and
 * output names, shapes and the preprocessing written into the model's metadata. The file is written atomically.
 */
public final class OnnxRunExport {
    private OnnxRunExport() {}

    /** What was written. */
    public record Written(Path file, OnnxExport.Model model) {
        /** "FILE (ONNX opset 13, … bytes, … nodes; input …, output …; weights …)". */
        public String summary() {
            return String.format(Locale.ROOT, "%s (ONNX opset %d, %,d bytes, %d nodes; input %s float32 %s, output %s float32 [N, %d]; "
                            + "%d weight tensor%s as int8 codes with DequantizeLinear, %d as float32 levels)",
                    file, OnnxExport.OPSET, model.bytes().length, model.nodes(), OnnxExport.INPUT, shape(model.inputShape()),
                    OnnxExport.OUTPUT, model.classes(), model.codedWeights(), model.codedWeights() == 1 ? "" : "s", model.floatWeights());
        }
    }

    /** Loads the run's model and writes it to {@code file}; bad runs throw the run folder's errors. */
    public static Written write(Path runDir, Path file) {
        if (Files.isDirectory(file)) {
            String why = "cannot write " + file + ": it is a directory";
            throw new java.io.UncheckedIOException(why, new java.io.IOException(why));
        }
        OnnxExport.Model model;
        try (Parallel par = new Parallel(1)) {
            Network net = RunFolder.loadNetwork(runDir, par);
            model = OnnxExport.encode(net, metadata(runDir, net));
        }
        AtomicFiles.writeBytes(file, model.bytes());
        return new Written(file, model);
    }

    /** The metadata_props of a run's model: names, shapes, preprocessing, where it came from. */
    static Map<String, String> metadata(Path runDir, Network net) {
        int[] in = net.spec().input().stream().mapToInt(Integer::intValue).toArray();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("maqd.input", OnnxExport.INPUT + ": float32 " + shape(in));
        m.put("maqd.output", OnnxExport.OUTPUT + ": float32 [N, classes], class scores before softmax; the prediction is the argmax");
        String dataset = null;
        try {
            Experiment e = RunFolder.experiment(runDir);
            dataset = e.data() == null || e.data().dataset() == null ? Datasets.EMBEDDED : e.data().dataset();
        } catch (RuntimeException ignored) {
            // an exported model does not need its experiment: the preprocessing is then given for image data
        }
        boolean toy = dataset != null && ToyDatasets.isToyName(dataset.trim());
        m.put("maqd.preprocessing", toy
                ? "the generated 2-D points' coordinates as they are (no scaling)"
                : "image bytes b (0..255) as float32 b * (1/255), i.e. pixels scaled to [0, 1] (no mean or standard-deviation "
                + "normalization, no resizing), laid out [N, C, H, W] (channel-first; CIFAR: R, G, B)");
        if (dataset != null) m.put("maqd.dataset", dataset);
        m.put("maqd.run", runDir.toAbsolutePath().normalize().getFileName().toString());
        m.put("maqd.model", "fake-quant network in inference mode: weights are their quantized values, each activation "
                + "quantizer is Mul(Clip(Round(Div(x, step)), 0, M-1), step), LBN/BN are folded into one per-channel Mul and Add");
        return m;
    }

    static String shape(int[] in) {
        StringBuilder b = new StringBuilder("[N");
        for (int d : in) b.append(", ").append(d);
        return b.append(']').toString();
    }
}
