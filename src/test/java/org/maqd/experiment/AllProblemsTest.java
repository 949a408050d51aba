package org.maqd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An experiment file with several mistakes names all of them in one refusal, in the file's order. */
class AllProblemsTest {
    private static ExperimentException refused(String json) {
        return assertThrows(ExperimentException.class, () -> ExperimentIO.parse(json, "e.json"));
    }

    @Test
    void everyBadValueIsNamedOnce() {
        ExperimentException e = refused("""
                {"threads": 0, "data": {"dataset": "blobs", "cropPadding": 40},
                 "network": {"input": [2, 1, 1], "layers": [{"type": "flatten"}, {"type": "linear", "units": 0},
                   {"type": "output", "units": 4, "weightStates": 1}]},
                 "training": {"epochs": -3, "batchSize": 8, "optimizer": "adamm"}}
                """);
        String m = e.getMessage();
        assertTrue(m.startsWith("e.json: 6 problems\n"), m);
        List<String> fields = e.refusals().stream().map(ExperimentException.Refusal::field).toList();
        assertEquals(List.of("threads", "network.layers[1].units", "network.layers[2].weightStates", "data.cropPadding",
                "training.optimizer", "training.epochs"), fields);
        assertTrue(m.contains("\n  1. field 'threads': expected 1..256, got 0"), m);
        assertTrue(m.contains("\n  6. field 'training.epochs': expected a positive integer, got -3"), m);
        assertEquals("1..256", e.expected("threads"));
        assertNull(e.expected("training.batchSize"));
    }

    @Test
    void oneProblemKeepsItsOneSentence() {
        ExperimentException e = refused("""
                {"threads": 0, "data": {"dataset": "blobs"},
                 "network": {"input": [2, 1, 1], "layers": [{"type": "flatten"}, {"type": "output", "units": 4}]}}
                """);
        assertEquals("e.json: field 'threads': expected 1..256, got 0", e.getMessage());
        assertEquals(List.of(new ExperimentException.Refusal("threads", "1..256")), e.refusals());
    }

    @Test
    void aLayerOfUnknownTypeIsNotAlsoCheckedAsOne() {
        ExperimentException e = refused("""
                {"data": {"dataset": "blobs"},
                 "network": {"input": [2, 1, 1], "layers": [{"type": "flaten"}, {"type": "output", "units": 4}]},
                 "training": {"batchSize": 0}}
                """);
        assertTrue(e.getMessage().startsWith("e.json: 2 problems\n"), e.getMessage());
        assertTrue(e.getMessage().contains("field 'network.layers[0].type': expected one of"), e.getMessage());
        assertTrue(e.getMessage().contains("got \"flaten\""), e.getMessage());
    }

    @Test
    void aGraphsShapesAreCheckedOnlyOnceItsNodesAreGood() {
        String graph = """
                {"data": {"dataset": "blobs"},
                 "network": {"input": [2, 1, 1], "nodes": [{"id": "f", "type": "flatten", "inputs": ["input"]},
                   {"id": "h", "type": "linear", "units": %s, "inputs": ["f"]},
                   {"id": "o", "type": "output", "units": 4, "inputs": ["%s"]}]}}
                """;
        ExperimentException fields = refused(graph.formatted("0", "nowhere"));
        assertEquals(List.of("network.nodes[1].units"), fields.refusals().stream().map(ExperimentException.Refusal::field).toList());
        assertFalse(fields.getMessage().contains("nowhere"), fields.getMessage());
        ExperimentException structure = refused(graph.formatted("8", "nowhere"));
        assertTrue(structure.getMessage().contains("nowhere"), structure.getMessage());
        // bad defaults: the shapes are not computed with them (the analysis would build quantizers from them)
        ExperimentException defaults = refused(graph.formatted("8", "h").replace("\"input\": [2, 1, 1],",
                "\"input\": [2, 1, 1], \"defaults\": {\"weightStates\": 1},"));
        assertEquals(List.of("network.defaults.weightStates"),
                defaults.refusals().stream().map(ExperimentException.Refusal::field).toList());
        assertTrue(defaults.getMessage().startsWith("e.json: field 'network.defaults.weightStates'"), defaults.getMessage());
    }
}
