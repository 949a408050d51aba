package org.maqd.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code maqd} commands in their own JVMs (this test classpath, loopback only), for the cluster tests. */
final class ClusterProcesses implements AutoCloseable {
    final List<Process> started = new ArrayList<>();
    private final Path dir;

    ClusterProcesses(Path dir) { this.dir = dir; }

    /** The java command line of {@code maqd ARGS} without the warm-up (it changes no number) and with a small heap. */
    static List<String> maqd(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Dmaqd.warmup=false", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.maqd.Main"));
        cmd.addAll(args);
        return cmd;
    }

    /** Starts {@code maqd worker} in a new JVM; returns its identity line once it is ready; later lines go to {@code log}. */
    String startWorker(Path secret, int port, String join, List<String> log) throws Exception {
        List<String> args = new ArrayList<>(List.of("worker", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--secret-file", secret.toString(), "--threads", "1",
                "--scratch", dir.resolve("scratch-" + port).toString()));
        if (join != null) args.addAll(List.of("--join", join));
        Process p = new ProcessBuilder(maqd(args)).redirectErrorStream(true).start();
        started.add(p);
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.startsWith("worker ") && line.contains(" ready ")) {
                Thread t = new Thread(() -> r.lines().forEach(l -> { synchronized (log) { log.add(l); } }), "worker-log");
                t.setDaemon(true);
                t.start();
                return line;
            }
        }
        fail("worker on port " + port + " exited before it was ready: " + p.waitFor());
        return null;
    }

    /** Starts {@code maqd ARGS} in a new JVM with its output in {@code logFile}. */
    Process start(List<String> args, Path logFile) throws Exception {
        Process p = new ProcessBuilder(maqd(args)).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        started.add(p);
        return p;
    }

    static int freePort() throws Exception {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override public void close() {
        for (Process p : started) p.destroyForcibly();
    }
}
