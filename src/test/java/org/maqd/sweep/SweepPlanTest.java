package org.maqd.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.cli.MaqdCommand;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentException;
import org.maqd.experiment.ExperimentIO;

class SweepPlanTest {
    static SweepPlan plan(String sweep) {
        return SweepPlan.of(SweepFixtures.experiment(sweep, 1), "tiny.json", null);
    }

    static String rejected(String sweep) {
        return assertThrows(ExperimentException.class, () -> plan(sweep)).getMessage();
    }

    @Test
    void gridTimesSeedsWithReadableIdsAndAppliedValues() {
        SweepPlan p = plan("{\"grid\": {\"network.defaults.norm\": [\"lbn\", \"bn\"], \"training.batchSize\": [8, 64]}, \"seeds\": 2}");
        assertEquals(8, p.trials().size());
        assertEquals(List.of("norm", "batchSize"), p.shortNames());
        Trial t = p.trials().get(3);
        assertEquals("norm=lbn_batchSize=64_seed=4", t.id());
        assertEquals(4L, t.seed());
        assertEquals(4L, t.experiment().seed());
        assertEquals(64, t.experiment().training().batchSize());
        assertEquals("lbn", t.experiment().network().defaults().norm());
        assertNull(t.experiment().sweep());
        assertEquals(Map.of("network.defaults.norm", "lbn", "training.batchSize", "64"), t.fieldValues());
        assertEquals("bn", p.trials().get(7).experiment().network().defaults().norm());
        // the experiment's other settings are kept
        assertEquals(128, t.experiment().data().trainLimit());
    }

    @Test
    void listEntriesCombineWithTheGridAndLayerPathsWork() {
        SweepPlan p = plan("{\"list\": [{\"network.layers[2].weightStates\": 2}, {\"network.layers[2].weightStates\": 4, \"training.learningRate\": 0.01}],"
                + " \"grid\": {\"network.defaults.weightStates\": [3, 5]}}");
        assertEquals(4, p.trials().size());
        Trial t = p.trials().get(3);
        assertEquals(4, t.experiment().network().layers().get(2).weightStates());
        assertEquals(5, t.experiment().network().defaults().weightStates());
        assertEquals(0.01, t.experiment().training().learningRate());
        assertEquals(List.of("defaults.weightStates", "layers[2].weightStates", "learningRate"), p.shortNames());
        // a field a list entry does not set shows its resolved value
        assertEquals("0.001", p.trials().get(0).fieldValues().get("training.learningRate"));
    }

    @Test
    void listEntryFieldsAreCheckedTogether() {
        SweepPlan p = plan("{\"list\": [{\"network.defaults.weightStep\": \"fixed\", \"network.defaults.weightClip\": 1.5}, {\"network.defaults.weightStep\": \"gaussian\"}]}");
        assertEquals(2, p.trials().size());
        assertEquals(1.5, p.trials().get(0).experiment().network().defaults().weightClip());
    }

    @Test
    void epochsOverrideAppliesToEveryTrial() {
        SweepPlan p = SweepPlan.of(SweepFixtures.experiment(SweepFixtures.NORM_SWEEP, 5), "tiny.json", 2);
        assertTrue(p.trials().stream().allMatch(t -> t.experiment().training().epochs() == 2));
        assertEquals(2, p.experiment().training().epochs(), "sweep.json says what ran");
    }

    @Test
    void malformedDeclarationsAreRejectedNamingTheField() {
        String m = rejected("{\"grid\": {\"network.defaults.normz\": [\"lbn\"]}}");
        assertTrue(m.contains("sweep.grid.network.defaults.normz") && m.contains("unknown field"), m);
        m = rejected("{\"grid\": {\"training.batchSize\": []}}");
        assertTrue(m.contains("'sweep.grid.training.batchSize'") && m.contains("non-empty"), m);
        m = rejected("{\"grid\": {\"training.batchSize\": [8, \"sixteen\"]}}");
        assertTrue(m.contains("sweep.grid.training.batchSize[1]") && m.contains("integer"), m);
        m = rejected("{\"grid\": {\"training.batchSize\": [8, 2.5]}}");
        assertTrue(m.contains("sweep.grid.training.batchSize[1]"), m);
        m = rejected("{\"grid\": {\"network.defaults.norm\": [\"lbn\", \"batchnorm\"]}}");
        assertTrue(m.contains("sweep.grid.network.defaults.norm[1]") && m.contains("one of"), m);
        m = rejected("{\"grid\": {\"network.layers[9].weightStates\": [2]}}");
        assertTrue(m.contains("index 9 does not exist"), m);
        // shapes are checked too: without the flatten layer the linear layer gets an image
        m = rejected("{\"list\": [{\"network.layers[0].type\": \"maxpool\", \"network.layers[0].kernel\": 2}]}");
        assertTrue(m.contains("sweep trial") && m.contains("flat input"), m);
        m = rejected("{\"grid\": {\"network.defaults.norm\": [\"lbn\", \"gn\"]}}");
        assertTrue(m.contains("sweep trial norm=gn") && m.contains("not divisible"), m);
        m = rejected("{\"grid\": {}}");
        assertTrue(m.contains("'sweep.grid'"), m);
        m = rejected("{\"grid\": {\"seed\": [1, 2]}}");
        assertTrue(m.contains("sweep.seeds"), m);
        m = rejected("{\"grid\": {\"network..norm\": [1]}}");
        assertTrue(m.contains("malformed"), m);
        m = rejected("{\"list\": [{\"training.epochz\": 3}]}");
        assertTrue(m.contains("'sweep.list[0]'") && m.contains("training.epochz"), m);
        // values that only make sense together are checked per trial, naming the field
        m = rejected("{\"grid\": {\"network.defaults.weightStep\": [\"gaussian\", \"fixed\"]}}");
        assertTrue(m.contains("sweep trial weightStep=fixed") && m.contains("'network.defaults.weightClip'"), m);
        m = rejected("{\"grid\": {\"training.batchSize\": [8]}, \"seeds\": 0}");
        assertTrue(m.contains("sweep.seeds"), m);
        m = rejected("{\"grid\": {\"training.batchSize\": [8, 8]}}");
        assertTrue(m.contains("same id"), m);
        m = rejected("{\"grid\": {\"training.batchSize\": [8]}, \"ptq\": {\"methods\": [\"kl\"]}}");
        assertTrue(m.contains("sweep.ptq.methods[0]"), m);
        m = rejected("{\"grid\": {\"training.batchSize\": [8]}, \"ptq\": {}}");
        assertTrue(m.contains("float trial"), m);
        // unknown field inside the sweep block itself: Jackson names it
        m = assertThrows(ExperimentException.class, () -> ExperimentIO.parse(SweepFixtures.json("{\"grid\": {\"training.batchSize\": [8]}, \"seed\": 2}", 1), "tiny.json")).getMessage();
        assertTrue(m.contains("sweep.seed"), m);
        // a grid value that is not a list
        m = assertThrows(ExperimentException.class, () -> ExperimentIO.parse(SweepFixtures.json("{\"grid\": {\"training.batchSize\": 8}}", 1), "tiny.json")).getMessage();
        assertTrue(m.contains("sweep.grid"), m);
    }

    @Test
    void commandRejectsABadSweepBeforeAnyTrialStarts(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, SweepFixtures.json("{\"grid\": {\"training.batchSize\": [8, \"x\"]}}", 1));
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        int code = MaqdCommand.execute(new PrintWriter(err, true), "sweep", f.toString(), "--out", out.toString());
        assertEquals(MaqdCommand.BAD_INPUT, code);
        assertTrue(err.toString().contains("sweep.grid.training.batchSize[1]"), err.toString());
        assertFalse(Files.exists(out), "no sweep folder is created");
    }

    @Test
    void shippedExperimentSweepsAreValid() throws Exception {
        Map<String, Integer> expected = Map.of("norm-vs-batch.json", 80, "states-grid.json", 84, "qat-vs-ptq.json", 14,
                "ws-ablation.json", 16, "surrogate-ablation.json", 12);
        for (var e : expected.entrySet()) {
            Path p = Path.of("experiments", e.getKey());
            Experiment x = ExperimentIO.read(p);
            SweepPlan plan = SweepPlan.of(x, p.toString(), null);
            assertEquals(e.getValue(), plan.trials().size(), p.toString());
            String d = x.description();
            assertTrue(d.contains("Question") && d.contains("How to read") && d.contains("2 cores"), p + ": " + d);
            assertTrue(d.contains("IDX") && d.contains("CIFAR"), p + ": " + d);
            assertEquals("mnist-10k", x.data().dataset(), p.toString());
        }
        SweepPlan q = SweepPlan.of(ExperimentIO.read(Path.of("experiments/qat-vs-ptq.json")), "qat-vs-ptq.json", null);
        assertEquals(2, q.trials().stream().filter(Trial::floatModel).count());
        assertEquals(List.of(2, 3, 4, 8, 16, 256), q.ptq().states());
        try (var s = Files.list(Path.of("experiments"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).toList()) {
                Experiment x = ExperimentIO.read(p);
                if (x.sweep() != null) assertFalse(SweepPlan.of(x, p.toString(), null).trials().isEmpty(), p.toString());
            }
        }
    }
}
