package org.maqd.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code maqd worker} in its own JVM on loopback, started with this JVM's java, class path and options (the
 * Vector API module, the stack size, {@code -Dmaqd.warmup}); its output goes to a log file. Closing asks it to stop
 * (its shutdown hook leaves the cluster) and kills it if it has not within 20 s.
 */
final class WorkerProcess implements AutoCloseable {
    final int port;
    final Path log;
    private final Process process;

    private WorkerProcess(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a worker on {@code port} joining {@code join} (null for the first one) and waits until it is ready. */
    static WorkerProcess start(Path dir, Path secret, int port, Integer join, int threads) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-Xrunjdwp")) cmd.add(a);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.maqd.Main", "worker", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--secret-file", secret.toString(), "--threads", Integer.toString(threads),
                "--scratch", dir.resolve("scratch-" + port).toString()));
        if (join != null) cmd.addAll(List.of("--join", "127.0.0.1:" + join));
        Path log = dir.resolve("worker-" + port + ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            WorkerProcess w = new WorkerProcess(port, log, p);
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.readString(log).lines().anyMatch(l -> l.startsWith("worker ") && l.contains(" ready "))) {
                if (!p.isAlive() || System.nanoTime() > end) {
                    w.close();
                    throw new IllegalStateException("worker on port " + port + " did not start: " + Files.readString(log).strip());
                }
                Thread.sleep(50);
            }
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a worker", e);
        }
    }

    /** CPU seconds the worker's JVM has used so far (all its threads); NaN where the system does not tell. */
    double cpuSeconds() {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    static int freePort() {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
