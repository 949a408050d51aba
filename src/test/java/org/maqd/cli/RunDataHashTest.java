package org.maqd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder names its data by absolute path and content hash (experiment.json, data.sha256); export and report
 * refuse the data once its content changed, from any working directory.
 */
class RunDataHashTest {
    @TempDir Path dir;

    static byte[] images(int n, int seed) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * 16).putInt(0x803).putInt(n).putInt(4).putInt(4);
        for (int i = 0; i < n * 16; i++) b.put((byte) ((i * 37 + seed) % 256));
        return b.array();
    }

    static byte[] labels(int n) {
        ByteBuffer b = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) b.put((byte) (i % 3));
        return b.array();
    }

    static int maqd(StringWriter err, String... args) {
        return MaqdCommand.execute(new PrintWriter(err, true), args);
    }

    @Test
    void exportAndReportRefuseDataWhoseHashChanged() throws Exception {
        Path data = Files.createDirectory(dir.resolve("digits"));
        Files.write(data.resolve("train-images-idx3-ubyte"), images(24, 1));
        Files.write(data.resolve("train-labels-idx1-ubyte"), labels(24));
        Files.write(data.resolve("t10k-images-idx3-ubyte"), images(12, 2));
        Files.write(data.resolve("t10k-labels-idx1-ubyte"), labels(12));
        Path exp = Files.writeString(dir.resolve("e.json"), """
                {"name": "hash", "seed": 1, "threads": 1, "data": {"dataset": "digits"},
                 "network": {"input": [1, 4, 4], "layers": [{"type": "flatten"}, {"type": "linear", "units": 8}, {"type": "output", "units": 10}]},
                 "training": {"epochs": 1, "batchSize": 8}, "probes": {"enabled": false}}
                """);
        Path run = dir.resolve("runs/hash");
        StringWriter err = new StringWriter();
        assertEquals(0, maqd(err, "run", exp.toString(), "--out", run.toString()), err.toString());
        String resolved = Files.readString(run.resolve("experiment.json"));
        assertTrue(resolved.contains("\"dataset\" : \"" + data.toAbsolutePath().normalize() + "\""), resolved);
        assertTrue(resolved.matches("(?s).*\"sha256\" : \"[0-9a-f]{64}\".*"), resolved);
        assertEquals(0, maqd(err, "report", run.toString()), err.toString());

        byte[] changed = images(12, 2);
        changed[20] ^= 1;
        Files.write(data.resolve("t10k-images-idx3-ubyte"), changed);
        for (String[] cmd : new String[][] {{"export", run.toString(), "--verify"}, {"report", run.toString()}}) {
            StringWriter e = new StringWriter();
            assertEquals(MaqdCommand.BAD_INPUT, maqd(e, cmd), cmd[0] + ": " + e);
            assertEquals(1, e.toString().strip().lines().count(), e.toString());
            assertTrue(e.toString().contains("data.sha256") && e.toString().contains(data.toAbsolutePath().normalize().toString()), e.toString());
        }
        Files.write(data.resolve("t10k-images-idx3-ubyte"), images(12, 2));
        assertEquals(0, maqd(new StringWriter(), "export", run.toString(), "--verify"));
    }
}
