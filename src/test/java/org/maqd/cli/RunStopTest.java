package org.maqd.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.run.Summary;

/**
 * SIGTERM or Ctrl+C stops `maqd run` as Stop does in the window, even in its JIT warm-up: the run ends, writes a
 * "stopped" summary and releases its folder (killed there, it left a folder that a plain rerun refused).
 */
class RunStopTest {
    @Test
    void aRunStoppedBySigtermInItsWarmUpEndsStoppedAndReleasesItsFolder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run"), log = dir.resolve("run.log");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.maqd.Main", "run", "experiments/quickstart.json", "--out", out.toString(), "--threads", "1");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // the folder is placed (experiment.json written) before the warm-up starts
            while (!Files.exists(out.resolve("experiment.json")) && p.isAlive() && System.nanoTime() < until) Thread.sleep(20);
            assertTrue(Files.exists(out.resolve("experiment.json")), "the run started: " + Files.readString(log));
            p.destroy();   // SIGTERM: the JVM runs its shutdown hooks
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run exits");
        } finally {
            p.destroyForcibly();
        }
        String said = Files.readString(log);
        Summary s = Summary.read(out);
        assertTrue(s != null && Summary.STOPPED.equals(s.status()), "a stopped summary: " + said);
        assertFalse(Files.exists(out.resolve("run.lock")), "the folder is released: " + said);
        assertTrue(said.contains("stopped: stopped by the user"), said);
    }
}
