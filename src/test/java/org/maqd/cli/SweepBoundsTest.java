package org.maqd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.run.RunFiles;
import org.maqd.run.RunLock;

/** Sweep sizes are bounded before expansion (--max-trials to go past knowingly); a sweep folder has one writer. */
class SweepBoundsTest {
    @TempDir Path dir;

    static final String EXP = """
            {"name": "tiny", "seed": 3, "threads": 1, "data": {"dataset": "blobs", "toySamples": 64},
             "network": {"input": [2, 1, 1], "layers": [{"type": "flatten"}, {"type": "linear", "units": 4}, {"type": "output", "units": 4}]},
             "training": {"epochs": 1, "batchSize": 16}, "probes": {"enabled": false},
             "sweep": {"grid": {"training.batchSize": [8, 16, 32]}, "seeds": %d}}
            """;

    record Result(int code, String out, String err) {
        long errLines() { return err.strip().lines().count(); }
    }

    Result maqd(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            code = MaqdCommand.execute(new PrintWriter(err, true), args);
        } finally {
            System.setOut(old);
        }
        return new Result(code, buf.toString(StandardCharsets.UTF_8), err.toString());
    }

    Path experiment(long seeds) throws Exception {
        return Files.writeString(dir.resolve("sweep-" + seeds + ".json"), EXP.formatted(seeds));
    }

    @Test
    void twoBillionSeedsInADryRunAreRefusedBeforeExpansion() throws Exception {
        Result r = maqd("sweep", experiment(2_000_000_000L).toString(), "--dry-run");
        assertEquals(MaqdCommand.BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains("6000000000 trials") && r.err().contains("bound of 10000"), r.err());
        assertTrue(r.err().contains("at most 1000000 trials are possible") && !r.err().contains("pass --max-trials"), r.err());
        Result knowingly = maqd("sweep", experiment(2_000_000_000L).toString(), "--dry-run", "--max-trials", "1000000");
        assertEquals(MaqdCommand.BAD_INPUT, knowingly.code(), knowingly.err());
        assertTrue(knowingly.out().isEmpty(), "nothing listed");
    }

    @Test
    void maxTrialsLetsALargerSweepRunKnowingly() throws Exception {
        Path e = experiment(4);                                          // 3 batch sizes x 4 seeds = 12 trials
        Result small = maqd("sweep", e.toString(), "--dry-run", "--max-trials", "11");
        assertEquals(MaqdCommand.BAD_INPUT, small.code(), small.err());
        assertTrue(small.err().contains("12 trials") && small.err().contains("pass --max-trials 12"), small.err());
        Result ok = maqd("sweep", e.toString(), "--dry-run", "--max-trials", "12");
        assertEquals(MaqdCommand.OK, ok.code(), ok.err());
        assertTrue(ok.out().startsWith("12 trials"), ok.out());
        for (String bad : new String[] {"0", "-3", "1000001"}) {
            Result r = maqd("sweep", e.toString(), "--dry-run", "--max-trials", bad);
            assertEquals(MaqdCommand.BAD_INPUT, r.code(), bad + ": " + r.err());
            assertTrue(r.err().contains("--max-trials: expected 1..1000000"), r.err());
        }
    }

    @Test
    void aSecondWriterOfASweepFolderIsKeptOutAndTheHolderNamed() throws Exception {
        Path out = dir.resolve("tiny-sweep");
        Path e = experiment(1);
        try (RunLock held = RunLock.acquire(out)) {
            Result r = maqd("sweep", e.toString(), "--out", out.toString());
            assertEquals(MaqdCommand.BAD_INPUT, r.code(), r.err());
            assertEquals(1, r.errLines(), r.err());
            assertTrue(r.err().contains("another process is writing this folder") && r.err().contains("pid "), r.err());
            assertFalse(Files.exists(out.resolve(RunFiles.SWEEP_TRIALS)), "nothing written while locked out");
        }
        Result r = maqd("sweep", e.toString(), "--out", out.toString());
        assertEquals(MaqdCommand.OK, r.code(), r.err());
        assertTrue(Files.isRegularFile(out.resolve(RunFiles.SWEEP_SUMMARY)));
        assertFalse(Files.exists(out.resolve(RunFiles.LOCK)), "the lock is released");
    }
}
