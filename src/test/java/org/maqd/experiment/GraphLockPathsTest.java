package org.maqd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lock paths address a graph's nodes by id, are checked against the network's ids, and parse ids with dots. */
class GraphLockPathsTest {
    private static String graph(String locks) {
        return """
                {"description": "graph", "name": "g",
                 "data": {"dataset": "mnist-10k"},
                 "network": {"input": [1, 28, 28], "nodes": [
                   {"id": "stem", "type": "conv2d", "channels": 8, "kernel": 3, "padding": 1, "inputs": ["input"]},
                   {"id": "b1.conv2", "type": "conv2d", "channels": 8, "kernel": 3, "padding": 1, "activation": false, "inputs": ["stem"]},
                   {"id": "b1", "type": "add", "inputs": ["b1.conv2", "stem"]},
                   {"id": "flat", "type": "flatten", "inputs": ["b1"]},
                   {"id": "out", "type": "output", "units": 10, "inputs": ["flat"]}]},
                 "locks": %s}
                """.formatted(locks);
    }

    @Test
    void nodesAreLockedByIdByPositionOrAll() {
        Experiment e = ExperimentIO.parse(graph("[\"network.nodes[stem].weightStates\", \"network.nodes[b1.conv2].norm\", "
                + "\"network.nodes.*.activationStates\", \"network.nodes[3].units\", \"network.nodes\"]"), "g.json");
        assertEquals(5, e.locks().size());
    }

    @Test
    void anUnknownNodeIdIsRefusedNamingTheIds() {
        ExperimentException ex = assertThrows(ExperimentException.class,
                () -> ExperimentIO.parse(graph("[\"training.epochs\", \"network.nodes[stme].weightStates\"]"), "g.json"));
        assertTrue(ex.getMessage().contains("g.json: field 'locks[1]'"), ex.getMessage());
        assertTrue(ex.getMessage().contains("no node 'stme' in network.nodes; its ids are stem, b1.conv2, b1, flat, out"),
                ex.getMessage());
        assertThrows(ExperimentException.class,
                () -> ExperimentIO.parse(graph("[\"network.nodes[stem].weightStatez\"]"), "g.json"), "a misspelt field");
    }

    @Test
    void segmentsKeepDotsInsideBrackets() {
        assertEquals(List.of("network", "nodes", "s1.b1.conv2", "weightStates"), LockPath.segments("network.nodes[s1.b1.conv2].weightStates"));
        assertEquals(List.of("network", "layers", "2", "norm"), LockPath.segments("network.layers[2].norm"));
        assertEquals(List.of("network", "layers", "*", "norm"), LockPath.segments("network.layers.*.norm"));
        assertEquals(List.of("training", "batchSize"), LockPath.segments("training.batchSize"));
    }
}
