package org.maqd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes of {@code maqd run}: 2 for a folder that holds a run, 3 for a diverged run, one line each. */
class RunExitCodesTest {
    @TempDir Path dir;

    static final String EXP = """
            {"name": "tiny", "seed": 3, "threads": 1, "data": {"dataset": "blobs", "toySamples": 96},
             "network": {"input": [2, 1, 1], "layers": [{"type": "flatten"}, {"type": "linear", "units": 8}, {"type": "output", "units": 4}]},
             "training": {"epochs": 2, "batchSize": 16, "learningRate": %s, "optimizer": "sgd", "schedule": "constant"}}
            """;

    record Result(int code, String err) {
        int lines() { return err.isBlank() ? 0 : err.strip().split("\n").length; }
    }

    Result maqd(String... args) {
        StringWriter sw = new StringWriter();
        int code = MaqdCommand.execute(new PrintWriter(sw, true), args);
        return new Result(code, sw.toString());
    }

    @Test
    void anExistingRunFolderIsRefusedWithExitTwo() throws Exception {
        Path f = Files.writeString(dir.resolve("e.json"), EXP.formatted("0.1"));
        String out = dir.resolve("run").toString();
        assertEquals(0, maqd("run", f.toString(), "--out", out).code());
        Result again = maqd("run", f.toString(), "--out", out);
        assertEquals(MaqdCommand.BAD_INPUT, again.code(), again.err());
        assertEquals(1, again.lines(), again.err());
        assertTrue(again.err().contains("--resume") && again.err().contains("--force"), again.err());
        assertEquals(MaqdCommand.BAD_INPUT, maqd("run", f.toString(), "--out", out, "--resume", "--force").code());
        assertEquals(0, maqd("run", f.toString(), "--out", out, "--force").code());
    }

    @Test
    void aDivergedRunExitsWithThree() throws Exception {
        Path f = Files.writeString(dir.resolve("e.json"), EXP.formatted("1e9"));
        Result r = maqd("run", f.toString(), "--out", dir.resolve("nan").toString());
        assertEquals(MaqdCommand.DIVERGED, r.code(), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertTrue(Files.readString(dir.resolve("nan/summary.json")).contains("\"diverged_step\""));
    }

    @Test
    void aNetworkTooBigForTheHeapIsRefusedBeforeAnythingIsWritten() throws Exception {
        String big = EXP.formatted("0.1").replace("{\"type\": \"linear\", \"units\": 8}",
                "{\"type\": \"linear\", \"units\": 1000000}, {\"type\": \"linear\", \"units\": 1000}");
        Path f = Files.writeString(dir.resolve("big.json"), big);
        Result r = maqd("run", f.toString(), "--out", dir.resolve("big").toString());
        assertEquals(MaqdCommand.BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.lines(), r.err());
        assertTrue(r.err().contains("network.layers[2] (linear)") && r.err().contains("GB of memory"), r.err());
        assertFalse(Files.exists(dir.resolve("big")), "no run folder for a refused network");
    }
}
