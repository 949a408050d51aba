package org.maqd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maqd.experiment.ExperimentIO;

/** Setting paths from a JSON tree, and the settings in which runs differ. */
class SettingDifferencesTest {
    static JsonNode json(String s) throws Exception { return ExperimentIO.MAPPER.readTree(s); }

    @Test
    void nestedObjectsBecomeDottedPathsInDocumentOrder() throws Exception {
        Map<String, String> f = SettingDifferences.flatten(json("""
                {"seed": 3, "training": {"optimizer": {"name": "adam", "lr": 0.001}, "epochs": 2}, "data": {"dataset": "mnist-10k"}}"""));
        assertEquals(List.of("seed", "training.optimizer.name", "training.optimizer.lr", "training.epochs", "data.dataset"),
                List.copyOf(f.keySet()));
        assertEquals("adam", f.get("training.optimizer.name"));
        assertEquals("0.001", f.get("training.optimizer.lr"));
        assertEquals("3", f.get("seed"));
    }

    @Test
    void listsOfScalarsAreOneValueAndListsOfObjectsAreIndexed() throws Exception {
        Map<String, String> f = SettingDifferences.flatten(json("""
                {"network": {"input": [1, 28, 28], "layers": [{"type": "flatten"}, {"type": "linear", "units": 256}],
                 "nodes": [{"id": "a", "inputs": ["input"]}, {"id": "b", "inputs": ["a", "input"]}]},
                 "locks": [], "ptq": {"methods": ["minmax", "mse"]}, "name": null}"""));
        assertEquals("[1, 28, 28]", f.get("network.input"));
        assertEquals("flatten", f.get("network.layers[0].type"));
        assertEquals("256", f.get("network.layers[1].units"));
        assertEquals("[a, input]", f.get("network.nodes[1].inputs"));
        assertEquals("[]", f.get("locks"));
        assertEquals("[minmax, mse]", f.get("ptq.methods"));
        assertEquals("", f.get("name"));
        assertTrue(f.keySet().stream().noneMatch(k -> k.equals("network.layers") || k.equals("network.nodes")), f.toString());
        assertEquals("[minmax, mse]", SettingDifferences.flatten(json("{\"methods\": [\"minmax\", \"mse\"]}"), "ptq").get("ptq.methods"),
                "a prefix goes before every path");
        assertTrue(SettingDifferences.flatten(null).isEmpty());
    }

    @Test
    void onlyDifferingSettingsAndNotSetIsOneValue() {
        Map<String, List<String>> d = SettingDifferences.of(List.of(
                Map.of("network.defaults.norm", "bn", "locks", "[]", "data.trainLimit", "0", "seed", "1"),
                Map.of("network.defaults.norm", "lbn", "seed", "1")));
        assertEquals(Map.of("network.defaults.norm", List.of("bn", "lbn")), d);
    }
}
