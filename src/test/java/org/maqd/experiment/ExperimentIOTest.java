package org.maqd.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentIOTest {
    static final String VALID = """
            {"description": "t", "seed": 3,
             "network": {"input": [1, 28, 28], "defaults": {"weightStates": 3},
               "layers": [{"type": "flatten"}, {"type": "linear", "units": 32}, {"type": "output", "units": 10}]},
             "training": {"epochs": 2, "batchSize": 16}}
            """;

    static String msg(String json) {
        return assertThrows(ExperimentException.class, () -> ExperimentIO.parse(json, "exp.json")).getMessage();
    }

    @Test
    void readsValidFileAndFillsDefaults() {
        Experiment e = ExperimentIO.parse(VALID, "exp.json");
        assertEquals(3L, e.seed());
        Experiment r = ExperimentDefaults.resolve(e);
        assertEquals("adam", r.training().optimizer());
        assertEquals(16, r.training().batchSize());
        assertEquals("mnist-10k", r.data().dataset());
        // first block 256 states, output 256, hidden defaults 3; output has float logits
        assertEquals(256, r.network().layers().get(1).weightStates());
        assertEquals(256, r.network().layers().get(2).weightStates());
        assertEquals(0, r.network().layers().get(2).activationStates());
        assertEquals("lbn", r.network().layers().get(1).norm());
    }

    @Test
    void roundTripsThroughJson(@TempDir Path dir) {
        Experiment e = ExperimentDefaults.resolve(ExperimentIO.parse(VALID, "exp.json"));
        Path f = dir.resolve("x.json");
        ExperimentIO.write(e, f);
        assertEquals(e, ExperimentIO.read(f));
    }

    @Test
    void malformedJsonNamesFileAndPosition() {
        String m = msg("{\"seed\": 1,, }");
        assertTrue(m.startsWith("exp.json: malformed JSON (line 1"), m);
    }

    @Test
    void unknownFieldNamesItsPath() {
        String m = msg(VALID.replace("\"units\": 32", "\"unitz\": 32"));
        assertTrue(m.contains("unknown field 'network.layers[1].unitz'"), m);
        assertTrue(m.contains("units"), m);
    }

    @Test
    void wrongTypeNamesFieldAndExpectation() {
        String m = msg(VALID.replace("\"epochs\": 2", "\"epochs\": \"two\""));
        assertTrue(m.contains("'training.epochs'") && m.contains("integer"), m);
        m = msg(VALID.replace("\"epochs\": 2", "\"epochs\": 2.5"));
        assertTrue(m.contains("'training.epochs'"), m);
    }

    @Test
    void badValuesAreRejectedWithTheField() {
        assertTrue(msg(VALID.replace("\"weightStates\": 3", "\"weightStates\": 1")).contains("'network.defaults.weightStates'"));
        assertTrue(msg(VALID.replace("\"type\": \"flatten\"", "\"type\": \"flaten\"")).contains("'network.layers[0].type'"));
        assertTrue(msg(VALID.replace("\"units\": 32", "\"units\": -4")).contains("'network.layers[1].units'"));
        assertTrue(msg(VALID.replace("\"batchSize\": 16", "\"batchSize\": 0")).contains("'training.batchSize'"));
        String m = msg(VALID.replace("{\"type\": \"output\", \"units\": 10}", "{\"type\": \"linear\", \"units\": 10}"));
        assertTrue(m.contains("'network.layers[2].type'") && m.contains("output"), m);
        assertTrue(msg(VALID.replace("[1, 28, 28]", "[1, 28]")).contains("'network.input'"));
    }

    @Test
    void emptyAndMissingFiles(@TempDir Path dir) throws Exception {
        assertTrue(msg("  ").contains("empty"));
        Path missing = dir.resolve("nope.json");
        String m = assertThrows(ExperimentException.class, () -> ExperimentIO.read(missing)).getMessage();
        assertTrue(m.contains("nope.json"), m);
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "[1,2]");
        m = assertThrows(ExperimentException.class, () -> ExperimentIO.read(f)).getMessage();
        assertTrue(m.contains("bad.json"), m);
    }

    @Test
    void shippedExperimentsAreValid() throws Exception {
        try (var s = Files.list(Path.of("experiments"))) {
            for (Path p : s.filter(q -> q.toString().endsWith(".json")).toList()) {
                Experiment e = ExperimentIO.read(p);
                assertNotNull(e.description(), p + " has a description");
                assertFalse(e.description().isBlank(), p + " description");
            }
        }
    }
}
