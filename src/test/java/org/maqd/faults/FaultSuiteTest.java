package org.maqd.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.cli.MaqdCommand;
import org.maqd.run.RunFiles;

/**
 * Generated faults in every input family: experiment files, data files and run files, each mutated by seeded
 * random edits (bytes flipped, cut, inserted, junk appended; numbers replaced by 1e400, -1, huge; keys duplicated).
 * Every case must end in exit 0 (a mutation that is still valid) or 2 with one line naming the file (then one numbered
 * line per problem when an experiment file has several), never a stack trace or an OutOfMemoryError, and must leave every file that existed before unchanged.
 */
class FaultSuiteTest {
    @TempDir Path dir;

    static final int CASES = 40;

    /** Counts of one family. */
    static final class Tally {
        int cases, clean2, accepted, traces, oom, changed;
        final List<String> bad = new ArrayList<>();

        @Override public String toString() {
            return cases + " cases, " + clean2 + " clean exit 2, " + accepted + " still valid (exit 0), " + traces
                    + " stack traces, 0 hangs, " + oom + " OOM, " + changed + " files changed";
        }
    }

    static final String EXP = """
            {"name": "f", "seed": 1, "threads": 1, "data": {"dataset": "%s"},
             "network": {"input": [2, 1, 1], "layers": [{"type": "flatten"}, {"type": "linear", "units": 4}, {"type": "output", "units": 3}]},
             "training": {"epochs": 1, "batchSize": 4, "learningRate": 0.01}, "probes": {"everySteps": 2}}
            """;

    static byte[] mutate(byte[] b, Random r) {
        byte[] out = b.clone();
        switch (r.nextInt(5)) {
            case 0 -> { for (int k = 0; k < 1 + r.nextInt(3); k++) out[r.nextInt(out.length)] ^= (byte) (1 + r.nextInt(255)); }
            case 1 -> out = java.util.Arrays.copyOf(out, r.nextInt(out.length));
            case 2 -> {
                byte[] junk = new byte[1 + r.nextInt(16)];
                r.nextBytes(junk);
                out = java.util.Arrays.copyOf(out, out.length + junk.length);
                System.arraycopy(junk, 0, out, b.length, junk.length);
            }
            case 3 -> {
                String s = new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
                String[] nums = {"1e400", "-1", "99999999999", "NaN", "0", "1.5"};
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+(\\.\\d+)?").matcher(s);
                List<int[]> at = new ArrayList<>();
                while (m.find()) at.add(new int[] {m.start(), m.end()});
                if (!at.isEmpty()) {
                    int[] x = at.get(r.nextInt(at.size()));
                    s = s.substring(0, x[0]) + nums[r.nextInt(nums.length)] + s.substring(x[1]);
                }
                out = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            default -> {
                String s = new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
                int i = s.indexOf("\"batchSize\"");
                s = i < 0 ? s + "," : s.substring(0, i) + "\"batchSize\": 2, " + s.substring(i);
                out = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        }
        return out;
    }

    /** Runs {@code args} against a mutated {@code target}, checks the outcome, restores nothing (each case gets its own copy). */
    static void check(Tally t, Path root, Path target, Function<Path, String[]> args) throws Exception {
        Map<String, String> before = RunFolderBytesRaw.of(root);
        StringWriter sw = new StringWriter();
        int code;
        try {
            code = MaqdCommand.execute(new PrintWriter(sw, true), args.apply(target));
        } catch (OutOfMemoryError e) {
            t.oom++;
            t.bad.add(target + ": OOM");
            return;
        }
        t.cases++;
        String err = sw.toString().strip();
        if (err.contains("\tat ") || err.contains("Exception in thread")) { t.traces++; t.bad.add(target + ": trace: " + err); }
        if (code == 0) t.accepted++;
        else if (code == 2 && cleanRefusal(err, target.getFileName().toString())) t.clean2++;
        else t.bad.add(target + ": exit " + code + ": " + err);
        Map<String, String> after = RunFolderBytesRaw.of(root);
        for (var e : before.entrySet()) {
            if (!e.getValue().equals(after.get(e.getKey()))) { t.changed++; t.bad.add(target + ": changed " + e.getKey()); }
        }
    }

    /**
     * A clean refusal: one line naming the file, or, for an experiment file with several bad values, that line
     * followed by one numbered line per problem ("  2. field 'training.epochs': …").
     */
    static boolean cleanRefusal(String err, String file) {
        java.util.List<String> lines = err.lines().toList();
        return !lines.isEmpty() && lines.get(0).contains(file)
                && lines.stream().skip(1).allMatch(l -> l.matches("  \\d+\\. field '.*"));
    }

    static Path idxFolder(Path d) throws Exception {
        Files.createDirectories(d);
        for (String split : new String[] {"train", "t10k"}) {
            int n = 12;
            ByteBuffer im = ByteBuffer.allocate(16 + n * 16).putInt(0x803).putInt(n).putInt(4).putInt(4);
            for (int i = 0; i < n * 16; i++) im.put((byte) (i * 7));
            Files.write(d.resolve(split + "-images-idx3-ubyte"), im.array());
            ByteBuffer lb = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
            for (int i = 0; i < n; i++) lb.put((byte) (i % 3));
            Files.write(d.resolve(split + "-labels-idx1-ubyte"), lb.array());
        }
        return d;
    }

    @Test
    void experimentFiles() throws Exception {
        Tally t = new Tally();
        Random r = new Random(13);
        byte[] good = EXP.formatted("blobs-3").getBytes();
        for (int i = 0; i < CASES; i++) {
            Path root = Files.createDirectories(dir.resolve("e" + i));
            Path f = Files.write(root.resolve("exp" + i + ".json"), mutate(good, r));
            check(t, root, f, p -> new String[] {"run", p.toString(), "--out", root.resolve("run").toString(), "--epochs", "1"});
        }
        report("experiment files", t);
    }

    @Test
    void dataFiles() throws Exception {
        Tally t = new Tally();
        Random r = new Random(17);
        for (int i = 0; i < CASES; i++) {
            Path root = idxFolder(dir.resolve("d" + i));
            String[] names = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};
            Path f = root.resolve(names[r.nextInt(names.length)]);
            Files.write(f, mutate(Files.readAllBytes(f), r));
            check(t, root, f, p -> new String[] {"inspect", root.toString()});
        }
        report("data files", t);
    }

    /** Gzip-compressed IDX files and CIFAR-10 batches: bytes flipped, cut, junk appended, a batch cut at a record boundary. */
    @Test
    void gzipAndCifarFiles() throws Exception {
        Tally t = new Tally();
        Random r = new Random(19);
        for (int i = 0; i < CASES; i++) {
            Path root = i % 2 == 0 ? gzipFolder(dir.resolve("g" + i)) : cifarFolder(dir.resolve("c" + i));
            List<Path> files;
            try (var s = Files.list(root)) {
                files = s.sorted().toList();
            }
            Path f = files.get(r.nextInt(files.size()));
            byte[] b = Files.readAllBytes(f);
            int rec = 1 + 3072;
            Files.write(f, i % 2 == 1 && r.nextInt(4) == 0 ? java.util.Arrays.copyOf(b, b.length - rec) : mutate(b, r));
            check(t, root, f, p -> new String[] {"inspect", root.toString()});
        }
        report("gzip and CIFAR files", t);
    }

    static Path gzipFolder(Path d) throws Exception {
        idxFolder(d);
        try (var s = Files.list(d)) {
            for (Path f : s.toList()) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                try (var gz = new java.util.zip.GZIPOutputStream(out)) {
                    gz.write(Files.readAllBytes(f));
                }
                Files.write(d.resolve(f.getFileName() + ".gz"), out.toByteArray());
                Files.delete(f);
            }
        }
        return d;
    }

    static Path cifarFolder(Path d) throws Exception {
        Files.createDirectories(d);
        for (String f : new String[] {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin"}) {
            byte[] b = new byte[3 * (1 + 3072)];
            for (int k = 0; k < b.length; k++) b[k] = (byte) (k * 7 + f.length());
            for (int rec = 0; rec < 3; rec++) b[rec * 3073] = (byte) rec;
            Files.write(d.resolve(f), b);
        }
        return d;
    }

    @Test
    void runFiles() throws Exception {
        Path exp = Files.writeString(dir.resolve("exp.json"), EXP.formatted("blobs-3"));
        Path good = dir.resolve("good");
        assertEquals(0, MaqdCommand.execute(new PrintWriter(new StringWriter(), true), "run", exp.toString(), "--out", good.toString()));
        String[] files = {RunFiles.SUMMARY, RunFiles.METRICS, RunFiles.LAYERS, RunFiles.HISTOGRAMS, RunFiles.MODEL_JSON, RunFiles.MODEL_WEIGHTS,
                RunFiles.EXPERIMENT};
        Tally t = new Tally();
        Random r = new Random(19);
        for (int i = 0; i < CASES; i++) {
            Path root = dir.resolve("r" + i);
            copy(good, root);
            Path f = root.resolve(files[r.nextInt(files.length)]);
            Files.write(f, mutate(Files.readAllBytes(f), r));
            boolean csv = f.toString().endsWith(".csv") || f.getFileName().toString().equals(RunFiles.SUMMARY);
            check(t, root, f, p -> csv ? new String[] {"report", root.toString()} : new String[] {"export", root.toString(), "--cost"});
        }
        report("run files", t);
    }

    static void copy(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(q); else Files.copy(p, q);
            }
        }
    }

    static void report(String family, Tally t) {
        System.out.println("fault suite, " + family + ": " + t);
        assertTrue(t.bad.isEmpty(), family + ": " + t.bad);
        assertEquals(CASES, t.cases);
    }

    @Test
    void aRefusalListingSeveralProblemsIsCleanAndAnythingElseAfterItsLineIsNot() {
        assertTrue(cleanRefusal("maqd: e.json: field 'threads': expected 1..256, got 0", "e.json"));
        assertTrue(cleanRefusal("maqd: e.json: 2 problems\n  1. field 'threads': expected 1..256, got 0\n"
                + "  2. field 'training.epochs': expected a positive integer, got -3", "e.json"));
        org.junit.jupiter.api.Assertions.assertFalse(cleanRefusal("maqd: e.json: bad\nsomething else", "e.json"));
        org.junit.jupiter.api.Assertions.assertFalse(cleanRefusal("maqd: other.json: bad", "e.json"));
    }
}
