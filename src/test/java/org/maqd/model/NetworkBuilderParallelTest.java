package org.maqd.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.experiment.ExperimentDefaults;
import org.maqd.experiment.ExperimentIO;
import org.maqd.nn.AvgPool2d;
import org.maqd.nn.GlobalAvgPool;
import org.maqd.nn.Layer;
import org.maqd.nn.MaxPool2d;
import org.maqd.tensor.Parallel;

/** Pooling layers run on the network's thread pool, like every other layer (they used to run on the caller only). */
class NetworkBuilderParallelTest {
    @Test
    void poolingLayersGetTheNetworksParallel() {
        NetworkSpec raw = new NetworkSpec(List.of(1, 8, 8), null, List.of(LayerSpec.conv(4, 3, 1, 1),
                LayerSpec.of("maxpool").withKernel(2), LayerSpec.of("avgpool").withKernel(2),
                LayerSpec.of("globalavgpool"), LayerSpec.output(3)));
        NetworkSpec spec = ExperimentDefaults.resolve(ExperimentIO.parse("{\"network\": " + ExperimentIO.toJson(raw) + "}",
                "test")).network();
        try (Parallel par = new Parallel(2)) {
            Network net = NetworkBuilder.build(spec, new int[] {1, 8, 8}, 3, par, 0);
            int pools = 0;
            for (Layer l : net.layers()) {
                if (l instanceof MaxPool2d p) { assertSame(par, p.parallel()); pools++; }
                if (l instanceof AvgPool2d p) { assertSame(par, p.parallel()); pools++; }
                if (l instanceof GlobalAvgPool p) { assertSame(par, p.parallel()); pools++; }
            }
            assertEquals(3, pools);
        }
    }
}
