package org.maqd.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a worker (Ctrl+C, or the SIGTERM of a service manager) is a clean stop, not a failure. */
class WorkerStopTest {
    @TempDir Path dir;

    @Test
    void aWorkerStoppedBySigtermSaysStoppedAndReportsNoFailure() throws Exception {
        Path secret = dir.resolve("secret"), log = dir.resolve("worker.log");
        Files.writeString(secret, "test-secret-" + UUID.randomUUID());
        try (ClusterProcesses jvms = new ClusterProcesses(dir)) {
            Process p = jvms.start(List.of("worker", "--port", Integer.toString(ClusterProcesses.freePort()), "--bind", "127.0.0.1",
                    "--secret-file", secret.toString(), "--threads", "1", "--scratch", dir.resolve("scratch").toString()), log);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(log).contains(" ready ") && p.isAlive() && System.nanoTime() < until) Thread.sleep(50);
            assertTrue(Files.readString(log).contains(" ready "), "the worker started: " + Files.readString(log));
            p.destroy();   // SIGTERM: the JVM runs its shutdown hooks
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the worker exits");
            String out = Files.readString(log);
            assertTrue(out.contains(" stopped"), "says it stopped: " + out);
            assertFalse(out.contains("failed") || out.contains("maqd-error"), "no failure, no error log: " + out);
        }
    }
}
