package org.maqd.deploy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.maqd.data.Dataset;
import org.maqd.data.Datasets;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentDefaults;
import org.maqd.experiment.ExperimentIO;
import org.maqd.experiment.RunLauncher;
import org.maqd.experiment.RunOptions;
import org.maqd.model.Network;
import org.maqd.model.NetworkBuilder;
import org.maqd.nn.Mode;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/** Small networks and runs for the deployment tests. */
public final class DeployFixtures {
    private DeployFixtures() {}

    public static final String MLP = """
            [{"type": "flatten"}, {"type": "linear", "units": 64}, {"type": "dropout", "rate": 0.1},
             {"type": "linear", "units": 32}, {"type": "output", "units": 10}]""";

    public static final String CNN = """
            [{"type": "conv2d", "channels": 4, "kernel": 3, "stride": 1, "padding": 1}, {"type": "maxpool", "kernel": 2},
             {"type": "conv2d", "channels": 6, "kernel": 3, "stride": 2, "padding": 0}, {"type": "flatten"},
             {"type": "output", "units": 10}]""";

    public static final String AVG = """
            [{"type": "conv2d", "channels": 4, "kernel": 3, "stride": 1, "padding": 1}, {"type": "avgpool", "kernel": 2},
             {"type": "conv2d", "channels": 6, "kernel": 3, "stride": 1, "padding": 0}, {"type": "globalavgpool"},
             {"type": "output", "units": 10}]""";

    /** A graph with two residual templates (one projected), a side branch and a concat of the two. */
    public static final String GRAPH = """
            [{"id": "stem", "type": "conv2d", "channels": 4, "kernel": 3, "stride": 2, "inputs": ["input"]},
             {"id": "r1", "type": "residual", "channels": 4, "inputs": ["stem"]},
             {"id": "r2", "type": "residual", "channels": 6, "stride": 2, "inputs": ["r1"]},
             {"id": "side", "type": "maxpool", "kernel": 2, "inputs": ["r1"]},
             {"id": "cat", "type": "concat", "inputs": ["r2", "side"]},
             {"id": "pool", "type": "maxpool", "kernel": 2, "inputs": ["cat"]},
             {"id": "f", "type": "flatten", "inputs": ["pool"]},
             {"id": "out", "type": "output", "units": 10, "inputs": ["f"]}]""";

    /** Two branches of one step (a strided conv and a max pool of the stem) joined by a concat. */
    public static final String CONCAT = """
            [{"id": "stem", "type": "conv2d", "channels": 8, "kernel": 3, "padding": 1, "inputs": ["input"]},
             {"id": "a", "type": "conv2d", "channels": 8, "kernel": 3, "stride": 2, "padding": 1, "inputs": ["stem"]},
             {"id": "b", "type": "maxpool", "kernel": 2, "inputs": ["stem"]},
             {"id": "cat", "type": "concat", "inputs": ["a", "b"]},
             {"id": "c", "type": "conv2d", "channels": 16, "kernel": 3, "stride": 2, "padding": 1, "inputs": ["cat"]},
             {"id": "f", "type": "flatten", "inputs": ["c"]},
             {"id": "out", "type": "output", "units": 10, "inputs": ["f"]}]""";

    public static Experiment experiment(String name, String defaults, String layers, int trainLimit, int testLimit, int epochs) {
        return experiment(name, defaults, "layers", layers, trainLimit, testLimit, epochs);
    }

    /** As {@link #experiment(String, String, String, int, int, int)} with a graph of {@code nodes}. */
    public static Experiment graph(String name, String defaults, String nodes, int trainLimit, int testLimit, int epochs) {
        return experiment(name, defaults, "nodes", nodes, trainLimit, testLimit, epochs);
    }

    private static Experiment experiment(String name, String defaults, String key, String network, int trainLimit, int testLimit, int epochs) {
        return ExperimentIO.parse("""
                {"description": "deployment test", "name": "%s", "seed": 3, "threads": 2,
                 "data": {"dataset": "mnist-10k", "trainLimit": %d, "testLimit": %d},
                 "network": {"input": [1, 28, 28], "defaults": {%s}, "%s": %s},
                 "training": {"epochs": %d, "batchSize": 32}}
                """.formatted(name, trainLimit, testLimit, defaults, key, network, epochs), name + ".json");
    }

    /** Trains a run in-process and returns its folder. */
    public static Path train(Path dir, Experiment e) {
        return RunLauncher.run(e, new RunOptions(Path.of("."), dir, dir.resolve(e.name()), false, false, false), null,
                java.util.List.of()).runDir();
    }

    /** An untrained network whose running statistics were set by a few training-mode passes over MNIST. */
    public static Network calibrated(Experiment raw, Parallel par) {
        Experiment e = ExperimentDefaults.resolve(raw);
        Network net = NetworkBuilder.build(e.network(), new int[] {1, 28, 28}, 10, par, 11);
        Dataset d = Datasets.embedded(256, 1).train();
        Tensor x = Tensor.zeros(64, 1, 28, 28);
        for (int pass = 0; pass < 30; pass++) {
            for (int s = 0; s < 64; s++) d.copySample((pass * 64 + s) % d.size(), x.data, s * 784);
            net.forward(x, Mode.TRAIN);
        }
        return net;
    }

    /** Random pixel codes, and the same pixels as the readers scale them. */
    static byte[] randomPixels(int n, int size, long seed) {
        Rng rng = new Rng(seed);
        byte[] p = new byte[n * size];
        for (int i = 0; i < p.length; i++) p[i] = (byte) (rng.nextFloat() < 0.6 ? 0 : rng.nextInt(256));
        return p;
    }

    static Tensor pixelsToTensor(byte[] p, int n, int... sample) {
        int[] shape = new int[sample.length + 1];
        shape[0] = n;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        Tensor x = Tensor.zeros(shape);
        for (int i = 0; i < x.size(); i++) x.data[i] = (p[i] & 0xff) * (1f / 255f);
        return x;
    }

    /** Writes an uncompressed IDX file of uint8 images [n, h, w]. */
    static Path writeIdx(Path file, byte[] pixels, int n, int h, int w) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(16 + n * h * w);
        b.putInt(0x803).putInt(n).putInt(h).putInt(w).put(pixels, 0, n * h * w);
        Files.write(file, b.array());
        return file;
    }
}
