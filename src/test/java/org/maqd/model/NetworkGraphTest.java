package org.maqd.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.experiment.ExperimentException;
import org.maqd.experiment.ExperimentIO;

/** Graph specs: structure and shape errors name the node and port; residual templates expand into visible nodes. */
class NetworkGraphTest {
    static String file(String nodes) {
        return """
                {"description": "graph", "name": "g", "data": {"dataset": "mnist-10k"},
                 "network": {"input": [1, 28, 28], "nodes": %s}, "training": {"epochs": 1}}""".formatted(nodes);
    }

    private static String error(String nodes) {
        return assertThrows(ExperimentException.class, () -> ExperimentIO.parse(file(nodes), "g.json")).getMessage();
    }

    static final String STEM = """
            {"id": "stem", "type": "conv2d", "channels": 8, "kernel": 3, "inputs": ["input"]},""";

    @Test
    void mergeOfIncompatibleShapesNamesTheNodeAndPorts() {
        String m = error("[" + STEM + """
                {"id": "a", "type": "conv2d", "channels": 8, "kernel": 3, "stride": 2, "inputs": ["stem"]},
                {"id": "stage2.add", "type": "add", "inputs": ["a", "stem"]},
                {"id": "f", "type": "flatten", "inputs": ["stage2.add"]}, {"id": "out", "type": "output", "units": 10, "inputs": ["f"]}]""");
        assertTrue(m.contains("node stage2.add (add): inputs [8, 14, 14] and [8, 28, 28] differ (ports 1 and 2)"), m);
    }

    @Test
    void cycleUnknownInputAndUnusedNodeAreRefused() {
        String cycle = error("[" + STEM + """
                {"id": "a", "type": "conv2d", "channels": 8, "kernel": 3, "inputs": ["b"]},
                {"id": "b", "type": "add", "inputs": ["a", "stem"]},
                {"id": "f", "type": "flatten", "inputs": ["b"]}, {"id": "out", "type": "output", "units": 10, "inputs": ["f"]}]""");
        assertTrue(cycle.contains("node a: its inputs form a cycle (a → b → a)"), cycle);
        String unknown = error("[" + STEM + """
                {"id": "f", "type": "flatten", "inputs": ["stme"]}, {"id": "out", "type": "output", "units": 10, "inputs": ["f"]}]""");
        assertTrue(unknown.contains("field 'network.nodes[1].inputs': node f, input 1: no node has the id \"stme\""), unknown);
        String unused = error("[" + STEM + """
                {"id": "side", "type": "maxpool", "kernel": 2, "inputs": ["stem"]},
                {"id": "f", "type": "flatten", "inputs": ["stem"]}, {"id": "out", "type": "output", "units": 10, "inputs": ["f"]}]""");
        assertTrue(unused.contains("node side: unused"), unused);
        String ports = error("[" + STEM + """
                {"id": "s", "type": "add", "inputs": ["stem"]},
                {"id": "f", "type": "flatten", "inputs": ["s"]}, {"id": "out", "type": "output", "units": 10, "inputs": ["f"]}]""");
        assertTrue(ports.contains("node s (add): needs at least 2 inputs, has 1"), ports);
    }

    @Test
    void residualTemplateExpandsIntoVisibleNodes() {
        NetworkSpec raw = ExperimentIO.parse(file("[" + STEM + """
                {"id": "r1", "type": "residual", "channels": 16, "stride": 2, "inputs": ["stem"], "pos": [10, 20]},
                {"id": "r2", "type": "residual", "channels": 16, "inputs": ["r1"]},
                {"id": "g", "type": "globalavgpool", "inputs": ["r2"]}, {"id": "out", "type": "output", "units": 10, "inputs": ["g"]}]"""),
                "g.json").network();
        NetworkSpec r = NetworkResolver.resolve(raw);
        List<String> ids = r.nodes().stream().map(LayerSpec::id).toList();
        assertEquals(List.of("stem", "r1.conv1", "r1.conv2", "r1.shortcut", "r1", "r2.conv1", "r2.conv2", "r2", "g", "out"), ids);
        LayerSpec add = r.nodes().get(4);
        assertEquals("add", add.type());
        assertEquals(List.of("r1.conv2", "r1.shortcut"), add.inputs());
        assertEquals(List.of(10.0, 20.0), add.pos());
        assertEquals(List.of("r2.conv2", "r1"), r.nodes().get(7).inputs());
        assertEquals(Boolean.FALSE, r.nodes().get(2).activation());
        NetworkAnalysis.Report a = NetworkAnalysis.analyze(raw);
        assertTrue(a.ok(), a.firstError());
        assertEquals(List.of(16, 14, 14), java.util.Arrays.stream(a.rows().get(4).outShape()).boxed().toList());
        assertEquals(r, NetworkResolver.resolve(r), "resolving is idempotent");
    }

    @Test
    void nodesMayBeListedInAnyOrder() {
        NetworkSpec raw = ExperimentIO.parse(file("""
                [{"id": "out", "type": "output", "units": 10, "inputs": ["f"]},
                 {"id": "f", "type": "flatten", "inputs": ["input"]}]"""), "g.json").network();
        assertEquals(List.of("f", "out"), NetworkResolver.resolve(raw).nodes().stream().map(LayerSpec::id).toList());
    }
}
