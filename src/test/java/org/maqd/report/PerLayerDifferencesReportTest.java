package org.maqd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentIO;
import org.maqd.model.LayerSpec;
import org.maqd.run.MetricRow;
import org.maqd.run.RunFixtures;

/** The comparison report tells networks that differ in structure or in a layer's kind per layer, in a few rows. */
class PerLayerDifferencesReportTest {
    @TempDir Path dir;

    static Experiment example(String file) { return ExperimentIO.read(Path.of("experiments", file)); }

    Path run(String name, Experiment e) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        ExperimentIO.writeJson(e.withName(name), d.resolve("experiment.json"));
        RunFixtures.summary(name, "completed", 0.9).write(d);
        MetricRow.FILE.write(d, List.of(RunFixtures.metric(1, 20, 0.9)));
        return d;
    }

    List<List<String>> differences(Path... runs) {
        String html = new ComparisonReport(List.of(runs)).html();
        return ReportWriterTest.table(html, "differences-table");
    }

    static Experiment withLayers(Experiment e, UnaryOperator<List<LayerSpec>> f) {
        return e.withNetwork(e.network().withLayers(f.apply(e.network().layers())));
    }

    @Test
    void aGraphAgainstAChainIsOneRow() throws Exception {
        Experiment chain = example("quickstart.json");
        Experiment graph = example("resnet.json");
        List<List<String>> d = differences(run("a", chain), run("b", graph));
        List<String> net = d.stream().filter(r -> r.get(0).equals("network")).findFirst().orElseThrow(() -> new AssertionError(d.toString()));
        assertEquals(List.of("network", "chain, 4 layers", "graph, " + graph.network().nodes().size() + " nodes"), net);
        assertTrue(d.stream().noneMatch(r -> r.get(0).startsWith("network.layers") || r.get(0).startsWith("network.nodes")),
                "no raw per-layer rows: " + d);
    }

    @Test
    void chainsOfOtherLengthsAreOneRow() throws Exception {
        List<List<String>> d = differences(run("a", example("quickstart.json")), run("b", example("cnn.json")));
        assertTrue(d.contains(List.of("network", "chain, 4 layers", "chain, 8 layers")), d.toString());
        assertTrue(d.stream().noneMatch(r -> r.get(0).startsWith("network.layers")), d.toString());
    }

    @Test
    void aLayerOfAnotherKindIsOneRowNotOnePerField() throws Exception {
        Experiment mlp = example("quickstart.json");
        Experiment dropout = withLayers(mlp, ls -> List.of(ls.get(0), ls.get(1), LayerSpec.of("dropout").withRate(0.1), ls.get(3)));
        List<List<String>> d = differences(run("a", mlp), run("b", dropout));
        assertEquals(List.of(List.of("setting", "#1", "#2"), List.of("network.layers[2].type", "linear", "dropout")), d,
                "not also layers[2].units and layers[2].rate");
    }

    @Test
    void manyPerLayerDifferencesAreCapped() throws Exception {
        Experiment cnn = example("cnn.json");
        Experiment other = withLayers(cnn, ls -> ls.stream().map(l -> l.isBlock() ? l.withWeightStates(5).withActivationStates(3).withNorm("bn") : l).toList());
        long changed = 3 * cnn.network().layers().stream().filter(LayerSpec::isBlock).count();
        assertTrue(changed > NetworkDifferences.MAX_LAYER_ROWS, "the fixture has more differences than the cap");
        List<List<String>> d = differences(run("a", cnn), run("b", other));
        long layerRows = d.stream().filter(r -> r.get(0).matches("network\\.layers\\[\\d+].*")).count();
        assertEquals(NetworkDifferences.MAX_LAYER_ROWS, layerRows, d.toString());
        String more = "+" + (changed - NetworkDifferences.MAX_LAYER_ROWS) + " more";
        assertTrue(d.contains(List.of(NetworkDifferences.MORE, more, more)), d.toString());
    }
}
