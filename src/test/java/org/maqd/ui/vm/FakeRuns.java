package org.maqd.ui.vm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.maqd.run.HistogramRow;
import org.maqd.run.LayerProbeRow;
import org.maqd.run.MetricRow;
import org.maqd.run.RunFixtures;
import org.maqd.ui.engine.EngineExperimentFiles;

/** Small run folders (experiment, summary, metrics, layers, histograms) for tests of the runs table and reports. */
public final class FakeRuns {
    private FakeRuns() {}

    public static void write(Path root, String name, String norm, double acc) throws Exception {
        Path d = Files.createDirectories(root.resolve(name));
        var e = Templates.quickstart().withName(name);
        e = e.withNetwork(e.network().withDefaults(new org.maqd.model.QuantDefaults(3, 2, norm, null, null, null, null,
                null, null, null, null, null, null, null)));
        // resolved experiments repeat the default in every layer, as run folders store them
        e = e.withNetwork(e.network().withLayers(e.network().layers().stream()
                .map(l -> l.isBlock() ? l.withNorm(norm) : l).collect(java.util.stream.Collectors.toList())));
        new EngineExperimentFiles().write(e, d.resolve("experiment.json"));
        RunFixtures.summary(name, "completed", acc).write(d);
        MetricRow.FILE.write(d, List.of(RunFixtures.metric(1, 20, acc - 0.1), RunFixtures.metric(2, 40, acc)));
        Files.write(d.resolve("model.safetensors"), new byte[2048]);
        org.maqd.experiment.ExperimentIO.writeJson(org.maqd.model.NetworkResolver.resolve(e.network()), d.resolve("model.json"));
        LayerProbeRow.FILE.write(d, List.of(RunFixtures.probe(1, 10, 0, "1:linear", 256), RunFixtures.probe(1, 10, 1, "2:linear", 3),
                RunFixtures.probe(1, 10, 2, "3:output", 2), RunFixtures.probe(1, 20, 0, "1:linear", 256)));
        HistogramRow.FILE.write(d, List.of(new HistogramRow(1, 10, 1, "weight", -2, 2, new long[] {1, 1, 1, 1}),
                new HistogramRow(1, 10, 1, "activation", 0, 1, new long[] {5, 5}), new HistogramRow(2, 40, 1, "weight", -2, 2, new long[] {0, 2, 6, 0}),
                new HistogramRow(2, 40, 2, "weight", -1, 1, new long[] {3, 1})));
    }
}
