package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The PTQ panel takes a run as float by its layers, as {@code maqd ptq} does, not by the network's defaults: the
 * qat-vs-ptq lesson sets every layer to 0 states in the Composer (the defaults stay 3 and 3), and the panel called
 * that run "not a float run" and kept Quantize disabled; a run with float defaults but a 256-state classifier was
 * offered for PTQ, which then failed on it.
 */
class PtqFloatRunTest {
    private static RunFolder run(Map<String, String> settings) {
        return new RunFolder(Path.of("r"), "r", settings, 0.9, "completed", 0, 0, Map.of(), null);
    }

    private static Map<String, String> layers(String defaultW, String defaultA, String... perLayer) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("network.defaults.weightStates", defaultW);
        m.put("network.defaults.activationStates", defaultA);
        m.put("network.layers[0].type", "flatten");
        for (int i = 0; i < perLayer.length; i += 2) {
            m.put("network.layers[" + (i / 2 + 1) + "].weightStates", perLayer[i]);
            m.put("network.layers[" + (i / 2 + 1) + "].activationStates", perLayer[i + 1]);
        }
        return m;
    }

    @Test
    void everyLayerAtZeroStatesIsAFloatRunWhateverTheDefaults() {
        assertTrue(PtqViewModel.isFloat(run(layers("3", "3", "0", "0", "0", "0", "0", "0"))));
    }

    @Test
    void aQuantizedClassifierIsNotAFloatRunEvenWithFloatDefaults() {
        assertFalse(PtqViewModel.isFloat(run(layers("0", "0", "0", "0", "0", "0", "256", "0"))));
    }

    @Test
    void aRunFolderWithoutLayerValuesIsJudgedByItsDefaults() {
        assertTrue(PtqViewModel.isFloat(run(layers("0", "0"))));
        assertFalse(PtqViewModel.isFloat(run(layers("3", "2"))));
    }

    @org.junit.jupiter.api.io.TempDir Path root;

    /** Both runs keep the lesson's defaults (3 and 3); the float one has 0 states in every layer. */
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
