package org.maqd.ui.vm;

import java.util.List;
import org.maqd.data.DataSpec;
import org.maqd.experiment.Experiment;
import org.maqd.train.ProbeSpec;
import org.maqd.train.TrainingSpec;
import org.maqd.model.NetworkSpec;
import org.maqd.model.NetworkTemplates;

/** Ready-made networks for the composer and the built-in quickstart experiment. */
public final class Templates {
    private Templates() {}

    public static final String RESNET = "ResNet";
    public static final List<String> NAMES = List.of("MLP", "LeNet-style CNN", RESNET);
    /** ResNet depths offered (6n + 2). */
    public static final List<Integer> DEPTHS = List.of(8, 14, 20, 32);
    public static final int DEFAULT_DEPTH = 20;

    /** A template on [1, 28, 28] images with 10 classes; the ResNet at its default depth. */
    public static NetworkSpec network(String name) { return network(name, DEFAULT_DEPTH); }

    /**
     * A template from {@link NetworkTemplates}: the MLP and the CNN as chains, the ResNet (CIFAR-style, depth 6n + 2,
     * width 16, flatten head as in experiments/resnet.json) as a graph of nodes.
     */
    public static NetworkSpec network(String name, int depth) {
        List<Integer> in = List.of(1, 28, 28);
        if (RESNET.equals(name)) return NetworkTemplates.resnet(in, 10, depth, 16, false);
        if (NAMES.get(1).equals(name)) return NetworkTemplates.lenet(in, 10);
        return NetworkTemplates.mlp(in, 10);
    }

    /** The quickstart: MLP 784-256-256-10 on embedded MNIST, 3 weight states, 2 activation states, LBN. */
    public static Experiment quickstart() {
        return new Experiment("MNIST, 3-state weights, spiking (2-state) activations, layer-batch normalization",
                "quickstart", 42L, null, new DataSpec("mnist-10k", null, null, null, null, null, null, null, null),
                network("MLP"),
                new TrainingSpec("adam", 0.001, null, null, null, null, "cosine", null, null, null, 3, 64),
                new ProbeSpec(true, 50, 64, 16), null, null);
    }
}
