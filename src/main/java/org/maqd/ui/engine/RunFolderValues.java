package org.maqd.ui.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.maqd.data.Batcher;
import org.maqd.data.Dataset;
import org.maqd.data.Datasets;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.RunFolder;
import org.maqd.model.Network;
import org.maqd.nn.Mode;
import org.maqd.tensor.Parallel;
import org.maqd.train.LayerValues;
import org.maqd.train.ProbeCollector;
import org.maqd.train.ProbeSpec;

/**
 * A trained run folder's layer values for the quantizer explorer: the run's model is loaded and evaluated on the
 * first {@link #BATCHES} test batches of its data set; after each batch the probe collector copies what every
 * block's quantizers saw (the same values a live run's probes give). Weights are the same in every batch.
 */
public final class RunFolderValues {
    public static final int BATCHES = 4, BATCH = 64;

    private RunFolderValues() {}

    /**
     * One list of per-layer values per test batch, oldest first. {@code baseDir} resolves relative data paths of the
     * run's experiment.
     */
    public static List<List<LayerValues>> read(Path runDir, Path baseDir) {
        Experiment e = RunFolder.experiment(runDir);
        Network net = RunFolder.loadNetwork(runDir, Parallel.serial());
        Dataset test = Datasets.load(e.data(), baseDir).test();
        ProbeCollector probes = new ProbeCollector(net, new ProbeSpec(true, 1, 16, 1));
        Batcher b = Batcher.forEvaluation(test, BATCH);
        b.startEpoch(0);
        List<List<LayerValues>> out = new ArrayList<>();
        for (int i = 0; i < Math.min(BATCHES, b.batchesPerEpoch()); i++) {
            net.forward(b.next().x(), Mode.EVAL);
            out.add(probes.values());
        }
        return out;
    }
}
