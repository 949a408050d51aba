package org.maqd.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentDefaults;
import org.maqd.experiment.ExperimentIO;
import org.maqd.model.Network;
import org.maqd.model.NetworkBuilder;
import org.maqd.nn.Mode;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/**
 * The spike raster samples units spread over the layer: for a convolution the first outputs are one channel's top
 * border, nearly silent while the layer fires, so a raster of them showed an empty picture.
 */
class SpikeRasterTest {
    @Test
    void theRastersColumnsAreUnitsSpreadOverTheLayer() {
        Experiment e = ExperimentDefaults.resolve(ExperimentIO.read(Path.of("experiments", "cnn.json")));
        try (Parallel par = new Parallel(1)) {
            Network net = NetworkBuilder.build(e.network(), new int[] {1, 28, 28}, 10, par, 5);
            ProbeCollector probes = new ProbeCollector(net, new ProbeSpec(true, 1, 16, 4));
            Tensor x = Tensor.zeros(4, 1, 28, 28);
            Rng rng = new Rng(1);
            for (int i = 0; i < x.data.length; i++) x.data[i] = rng.nextFloat();
            net.forward(x, Mode.TRAIN);
            ProbeSnapshot s = probes.sample(1, 1, x);
            LayerProbe conv = s.layers().stream().filter(p -> p.name().contains("conv")).findFirst().orElseThrow();
            int layer = Integer.parseInt(conv.name().substring(0, conv.name().indexOf(':')));
            Tensor y = net.output(layer);
            int per = y.perItem(), cols = conv.rasterCols();
            assertTrue(per > cols, "a layer wider than the raster: " + per);
            int spikes = 0;
            for (int r = 0; r < conv.rasterRows(); r++) {
                for (int c = 0; c < cols; c++) {
                    boolean fired = conv.spikeRaster()[r * cols + c] != 0;
                    float v = y.data[r * per + (int) ((long) c * per / cols)];
                    assertEquals(v != 0, fired, "sample " + r + ", column " + c);
                    if (fired) spikes++;
                }
            }
            assertTrue(spikes > 0, "the raster shows the layer firing (" + conv.firingRate() + ")");
        }
    }
}
