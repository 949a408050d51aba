package org.maqd.ui.vm;

import java.util.List;
import org.maqd.data.DataSpec;
import org.maqd.experiment.Experiment;
import org.maqd.train.ProbeSpec;
import org.maqd.train.TrainingSpec;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkSpec;
import org.maqd.model.QuantDefaults;

/** Ready-made networks for the composer and the built-in quickstart experiment. */
public final class Templates {
    private Templates() {}

    public static final List<String> NAMES = List.of("MLP", "LeNet-style CNN", "Small ResNet");

    public static NetworkSpec network(String name) {
        QuantDefaults d = new QuantDefaults(3, 2, "lbn", null, null, null, null, null, null, null, null, null, null, null);
        switch (name) {
            case "LeNet-style CNN":
                return new NetworkSpec(List.of(1, 28, 28), d, List.of(
                        LayerSpec.conv(16, 5, 1, 2), pool("maxpool"), LayerSpec.conv(32, 5, 1, 0), pool("maxpool"),
                        LayerSpec.of("flatten"), LayerSpec.linear(120), LayerSpec.linear(84), LayerSpec.output(10)));
            case "Small ResNet":
                return new NetworkSpec(List.of(1, 28, 28), d, List.of(
                        LayerSpec.conv(16, 3, 1, 1), residual(16, 1), residual(32, 2), residual(64, 2),
                        LayerSpec.of("globalavgpool"), LayerSpec.output(10)));
            default:
                return new NetworkSpec(List.of(1, 28, 28), d, List.of(
                        LayerSpec.of("flatten"), LayerSpec.linear(256), LayerSpec.linear(256), LayerSpec.output(10)));
        }
    }

    /** The quickstart: MLP 784-256-256-10 on embedded MNIST, 3 weight states, 2 activation states, LBN. */
    public static Experiment quickstart() {
        return new Experiment("MNIST, 3-state weights, spiking (2-state) activations, layer-batch normalization",
                "quickstart", 42L, null, new DataSpec("mnist-10k", null, null, null, null, null, null, null, null),
                network("MLP"),
                new TrainingSpec("adam", 0.001, null, null, null, null, "cosine", null, null, null, 3, 64),
                new ProbeSpec(true, 50, 64, 16), null, null);
    }

    private static LayerSpec pool(String type) { return LayerSpec.of(type).withKernel(2).withStride(2); }

    private static LayerSpec residual(int c, int s) { return LayerSpec.of("residual").withChannels(c).withStride(s); }
}
