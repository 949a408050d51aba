package org.maqd.experiment;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.model.ModelFormatException;
import org.maqd.run.RunFiles;

/** Inputs the old readers accepted: duplicate keys, 1e400, locks on fields that do not exist, a corrupt model.json. */
class StrictInputTest {
    static final String BASE = """
            {"data": {"dataset": "blobs"}, "network": {"input": [2, 1, 1], "layers": [{"type": "flatten"}, {"type": "output", "units": 4}]},
             "training": {"epochs": 1, "batchSize": 8%s}%s}
            """;

    static void assertRefused(String json, String... fragments) {
        ExperimentException e = assertThrows(ExperimentException.class, () -> ExperimentIO.parse(json, "e.json"));
        assertTrue(e.getMessage().startsWith("e.json"), e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + f + "' in " + e.getMessage());
    }

    @Test
    void theBaseIsGood() {
        ExperimentIO.parse(BASE.formatted("", ""), "e.json");
        ExperimentIO.parse(BASE.formatted("", ", \"locks\": [\"training.batchSize\", \"network.layers[1].units\", \"network.layers.*.norm\", \"network.defaults\"]"), "e.json");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertRefused(BASE.formatted(", \"epochs\": 2", ""), "Duplicate field 'epochs'");
    }

    @Test
    void numbersBeyondDoubleAreRefused() {
        assertRefused(BASE.formatted(", \"learningRate\": 1e400", ""), "training.learningRate", "finite");
    }

    @Test
    void locksNamingNoFieldAreRefused() {
        assertRefused(BASE.formatted("", ", \"locks\": [\"training.batchsize\"]"), "locks[0]", "training.batchsize", "batchSize");
        assertRefused(BASE.formatted("", ", \"locks\": [\"network.layers.x.norm\"]"), "locks[0]", "list index");
    }

    @Test
    void aCorruptModelJsonIsBadInputNamingTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve(RunFiles.MODEL_JSON);
        Files.writeString(f, "{\"input\": [1, 28, 28], \"layers\": [{\"type\": \"output\", \"units\": 10, \"units\": 3}]}");
        ModelFormatException dup = assertThrows(ModelFormatException.class, () -> RunFolder.modelSpec(dir));
        assertTrue(dup.getMessage().startsWith(f.toString()) && dup.getMessage().contains("Duplicate"), dup.getMessage());
        Files.writeString(f, "{\"input\": [1, 28, 28], \"layers\": []}");
        ModelFormatException empty = assertThrows(ModelFormatException.class, () -> RunFolder.modelSpec(dir));
        assertTrue(empty.getMessage().startsWith(f.toString()) && empty.getMessage().contains("layers"), empty.getMessage());
    }
}
