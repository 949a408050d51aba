package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The PTQ panel takes a run as float by its layers, as {@code maqd ptq} does, not by the network's defaults: the
 * qat-vs-ptq lesson sets every layer to 0 states in the Composer (the defaults stay 3 and 3), and the panel called
 * that run "not a float run" and kept Quantize disabled; a run with float defaults but a 256-state classifier was
 * offered for PTQ, which then failed on it. One rule ({@link org.maqd.model.FloatNetwork}) on the resolved network.
 */
class PtqFloatRunTest {
    @org.junit.jupiter.api.io.TempDir Path root;

    /**
     * A run folder whose experiment has defaults {@code defaults} (weight, activation, first, output weight states;
     * null leaves one out) and, unless {@code layer} is null, those weight/activation states in every layer and
     * {@code output} weight states in the classifier.
     */
    private RunFolder run(String name, Integer[] defaults, Integer[] layer, Integer output) throws Exception {
        FakeRuns.write(root, name, "lbn", 0.9);
        Path f = root.resolve(name).resolve("experiment.json");
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(f.toFile());
        var net = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("network");
        var d = (com.fasterxml.jackson.databind.node.ObjectNode) net.get("defaults");
        String[] keys = {"weightStates", "activationStates", "firstWeightStates", "outputWeightStates"};
        for (int i = 0; i < keys.length; i++) {
            d.remove(keys[i]);
            if (defaults[i] != null) d.put(keys[i], defaults[i]);
        }
        for (var l : net.get("layers")) {
            var o = (com.fasterxml.jackson.databind.node.ObjectNode) l;
            o.remove("weightStates");
            o.remove("activationStates");
            if (layer == null || o.get("type").asText().equals("flatten")) continue;
            boolean out = o.get("type").asText().equals("output");
            o.put("weightStates", out ? output : layer[0]);
            if (!out) o.put("activationStates", layer[1]);
        }
        java.nio.file.Files.writeString(f, mapper.writeValueAsString(tree));
        return RunFolder.read(root.resolve(name));
    }

    @Test
    void everyLayerAtZeroStatesIsAFloatRunWhateverTheDefaults() throws Exception {
        assertTrue(PtqViewModel.isFloat(run("a", new Integer[] {3, 3, 256, 256}, new Integer[] {0, 0}, 0)));
    }

    @Test
    void aQuantizedClassifierIsNotAFloatRunEvenWithFloatDefaults() throws Exception {
        assertFalse(PtqViewModel.isFloat(run("b", new Integer[] {0, 0, 0, 0}, new Integer[] {0, 0}, 256)));
    }

    @Test
    void aRunWithoutLayerValuesIsJudgedByItsResolvedDefaults() throws Exception {
        assertTrue(PtqViewModel.isFloat(run("c", new Integer[] {0, 0, 0, 0}, null, null)));
        assertFalse(PtqViewModel.isFloat(run("d", new Integer[] {3, 2, 0, 0}, null, null)));
        // float weight and activation defaults leave the first and last layers at their standard 256 states
        assertFalse(PtqViewModel.isFloat(run("e", new Integer[] {0, 0, null, null}, null, null)));
    }

    @Test
    void theWindowsRuleIsTheCommandsRule() throws Exception {
        for (String name : new String[] {"f", "g"}) {
            RunFolder r = run(name, new Integer[] {0, 0, name.equals("f") ? 0 : null, 0}, null, null);
            var network = org.maqd.experiment.ExperimentIO.MAPPER.treeToValue(
                    org.maqd.experiment.ExperimentIO.MAPPER.readTree(r.dir().resolve("experiment.json").toFile()).get("network"),
                    org.maqd.model.NetworkSpec.class);
            org.maqd.model.FloatNetwork.Quantized q = org.maqd.model.FloatNetwork.firstQuantized(network);
            assertEquals(q == null, r.floatNetwork(), name);
            if (name.equals("g")) assertEquals("layers[1].weightStates is 256", r.notFloat(), "the panel names the layer");
        }
    }

    private void write(String name, int states, double acc) throws Exception {
        FakeRuns.write(root, name, "lbn", acc);
        Path f = root.resolve(name).resolve("experiment.json");
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(f.toFile());
        var net = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("network");
        ((com.fasterxml.jackson.databind.node.ObjectNode) net.get("defaults")).put("weightStates", 3).put("activationStates", 3);
        for (var l : net.get("layers")) {
            var o = (com.fasterxml.jackson.databind.node.ObjectNode) l;
            String type = o.get("type").asText();
            if (type.equals("flatten")) continue;
            o.put("weightStates", states);
            o.put("activationStates", type.equals("output") ? 0 : states);
        }
        java.nio.file.Files.writeString(f, mapper.writeValueAsString(tree));
    }

    @Test
    void aFloatRunIsNotListedAsAQatRunAtItsDefaultStates() throws Exception {
        write("a-qat", 3, 0.88);
        write("b-float", 0, 0.90);
        RunsViewModel runs = new RunsViewModel(root);
        runs.refresh();
        PtqViewModel ptq = new PtqViewModel(runs, new org.maqd.ui.engine.PtqTool() {
            @Override public org.maqd.experiment.ptq.PtqReport quantize(Path runDir, org.maqd.experiment.PtqSpec spec) {
                throw new UnsupportedOperationException();
            }
            @Override public java.util.List<org.maqd.experiment.ptq.PtqReport> reports(Path runDir) { return java.util.List.of(); }
        });
        RunFolder floatRun = runs.rows().stream().filter(r -> r.run().name().equals("b-float")).findFirst().orElseThrow().run();
        ptq.statesProperty().set(3);
        ptq.select(floatRun);
        assertTrue(ptq.floatRunProperty().get(), "the float run is float");
        java.util.List<String> methods = ptq.rows().stream().map(PtqViewModel.Row::method).toList();
        assertTrue(methods.stream().filter(m -> m.startsWith("MaQD")).count() == 1, "one QAT run at 3 states: " + methods);
    }
}
