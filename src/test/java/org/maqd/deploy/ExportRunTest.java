package org.maqd.deploy;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.cli.MaqdCommand;
import org.maqd.data.Dataset;
import org.maqd.data.Datasets;
import org.maqd.experiment.ExperimentIO;
import org.maqd.experiment.RunFolder;
import org.maqd.model.Network;
import org.maqd.tensor.Parallel;
import picocli.CommandLine;

/** On a small trained run: the certificate, {@code maqd export}, the C export compiled and compared, bad inputs. */
public class ExportRunTest {
    @TempDir static Path dir;
    static Path run;

    @BeforeAll
    static void trainOnce() {
        run = DeployFixtures.train(dir, DeployFixtures.experiment("small",
                "\"weightStates\": 3, \"activationStates\": 2, \"norm\": \"lbn\"", DeployFixtures.MLP, 800, 500, 2));
    }

    record Cli(int code, String out, String err) {}

    static Cli maqd(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new MaqdCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> MaqdCommand.handle(ex, cmd.getErr()));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    @Test
    void verifyingAStoppedRunSaysTheCertificateIsForAnUnfinishedTraining() throws Exception {
        Path stopped = copyRun("stopped-run");
        org.maqd.run.Summary s = org.maqd.run.Summary.read(stopped);
        Files.writeString(stopped.resolve("summary.json"), Files.readString(stopped.resolve("summary.json"))
                .replaceFirst("\"status\" ?: ?\"" + s.status() + "\"", "\"status\": \"stopped\""));
        assertEquals("stopped", org.maqd.run.Summary.read(stopped).status());
        Cli c = maqd("export", stopped.toString(), "--verify");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("note: the run stopped after") && c.out().contains("not for a finished training"), c.out());
        assertFalse(maqd("export", run.toString(), "--verify").out().contains("note: the run"), "no note for a completed run");
    }

    @Test
    void certificateOnATrainedModelReachesTheGoal() {
        try (Parallel par = new Parallel(2)) {
            Network net = RunFolder.loadNetwork(run, par);
            Dataset test = Datasets.embedded(800, 500).test();
            Certificate c = Certificate.compute(net, Folder.fold(net), test);
            assertEquals(500, c.samples());
            assertTrue(c.percent() >= 99.9, c.describe());
            assertEquals(2, c.layers().stream().filter(l -> l.elements() > 0).count());
            for (Certificate.LayerAgreement l : c.layers()) {
                assertEquals(0, l.saturations());
                if (l.elements() > 0) assertTrue(l.percent() >= 99.9, c.describe());
            }
            assertTrue(c.floatAccuracy() > 0.6, c.describe());
            assertEquals(c.floatAccuracy(), c.intAccuracy(), 0.002);
        }
    }

    @Test
    void aChangedThresholdIsNamedAsTheFirstDivergence() {
        try (Parallel par = new Parallel(2)) {
            Network net = RunFolder.loadNetwork(run, par);
            FoldedModel m = Folder.fold(net);
            IntBlock first = (IntBlock) m.ops().get(0);
            first.thresholds()[5] = Integer.MIN_VALUE + 1;            // channel 5 (one threshold each) always fires
            Certificate c = Certificate.compute(net, m, Datasets.embedded(800, 50).test());
            assertTrue(c.layers().get(0).percent() < 100);
            assertTrue(c.firstDivergence().startsWith("sample "), c.firstDivergence());
            assertTrue(c.firstDivergence().contains("layer 1 (linear), element 5 (channel 5): float code 0, integer code 1"),
                    c.firstDivergence());
            assertTrue(c.firstDivergence().contains("folding error: the exact value"), c.firstDivergence());
        }
    }

    @Test
    void narrowAccumulatorsShowAsOverflowInTheCertificate() {
        Cli r = maqd("export", run.toString(), "--verify", "--acc-bits", "12");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("overflow: the accumulator saturated at 12 bits"), r.out());
        assertFalse(r.out().contains(" 0 saturations\n  layer 2"), r.out());
        Cli bad = maqd("export", run.toString(), "--verify", "--acc-bits", "40");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--acc-bits: expected 2..32, got 40"), bad.err());
        assertEquals(0, maqd("export", run.toString(), "--verify").code());   // leave the 32-bit certificate behind
    }

    @Test
    void exportVerifyWritesTheCertificateAndCostPrintsTheTable() throws Exception {
        Cli r = maqd("export", run.toString(), "--verify", "--cost");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("PASS"), r.out());
        assertTrue(r.out().contains("acc bits") && r.out().contains("total: model"), r.out());
        JsonNode cert = ExperimentIO.MAPPER.readTree(Files.readString(run.resolve("certificate.json")));
        assertEquals(500, cert.get("samples").asInt());
        assertTrue(cert.get("identical_predictions_percent").asDouble() >= 99.9);
        assertTrue(cert.get("cost").get("model_bytes").asLong() > 0);
        assertEquals(3, cert.get("cost").get("layers").size());
        // packed weights: 784·64 at 8 bits + 64·32 at 2 bits + 32·10 at 8 bits
        assertEquals(784L * 64 * 8 + 64L * 32 * 2 + 32L * 10 * 8, cert.get("cost").get("weight_bits_packed").asLong());
    }

    @Test
    void exportedCAgreesWithTheIntegerEngine() throws Exception {
        try (Parallel par = new Parallel(2)) {
            FoldedModel m = Folder.fold(RunFolder.loadNetwork(run, par));
            Dataset test = Datasets.embedded(800, 500).test();
            byte[] px = PixelCodes.of(test);
            int[] java = new IntEngine(m).predict(px, test.size(), par).predictions();
            assertArrayEquals(java, compileAndRun(m, dir.resolve("c-mlp"), px, test.size(), 28, 28));
        }
    }

    @Test
    void exportedCOfConvolutionalModelsWithPoolsAgreesWithTheIntegerEngine() throws Exception {
        try (Parallel par = new Parallel(2)) {
            String[][] cases = {{"cnn", DeployFixtures.CNN, "3"}, {"avg", DeployFixtures.AVG, "2"}};
            for (String[] c : cases) {
                Network net = DeployFixtures.calibrated(DeployFixtures.experiment(c[0],
                        "\"weightStates\": 3, \"activationStates\": " + c[2] + ", \"norm\": \"lbn\"", c[1], 0, 0, 1), par);
                FolderTest.flipGammas(net);
                FoldedModel m = Folder.fold(net);
                int n = 200;
                byte[] px = PixelCodes.of(Datasets.embedded(1, n).test());
                int[] java = new IntEngine(m).predict(px, n, par).predictions();
                assertArrayEquals(java, compileAndRun(m, dir.resolve("c-" + c[0]), px, n, 28, 28), c[0]);
            }
        }
    }

    public static int[] compileAndRun(FoldedModel m, Path out, byte[] px, int n, int h, int w) throws Exception {
        Assumptions.assumeTrue(gccAvailable(), "gcc is not on PATH: the C export is not compiled in this test");
        CExport.write(m, out);
        String model = Files.readString(out.resolve("model.c"));
        assertFalse(model.matches("(?s).*\\b(float|double|malloc|calloc)\\b.*"), "floating point or dynamic memory in model.c");
        Process cc = new ProcessBuilder("gcc", "-std=c99", "-O2", "-Wall", "-Wextra", "-pedantic", "-Werror", "-o",
                "predict", "main.c", "model.c").directory(out.toFile()).redirectErrorStream(true).start();
        String log = new String(cc.getInputStream().readAllBytes());
        assertTrue(cc.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, cc.exitValue(), log);
        Path idx = DeployFixtures.writeIdx(out.resolve("images.idx"), px, n, h, w);
        Process p = new ProcessBuilder(out.resolve("predict").toString(), idx.toString()).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join("\n", lines));
        assertEquals(n, lines.size());
        return lines.stream().mapToInt(Integer::parseInt).toArray();
    }

    static boolean gccAvailable() {
        try {
            Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void badRunFoldersGiveExitCode2AndAReason() throws Exception {
        Cli none = maqd("export", dir.resolve("nope").toString(), "--verify");
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("not a run folder"), none.err());

        Path missing = copyRun("missing");
        Files.delete(missing.resolve("model.safetensors"));
        Cli m = maqd("export", missing.toString(), "--verify");
        assertEquals(2, m.code(), m.err());
        assertTrue(m.err().contains("model.safetensors") && m.err().contains("no such model file"), m.err());

        Path corrupt = copyRun("corrupt");
        byte[] b = Files.readAllBytes(corrupt.resolve("model.safetensors"));
        Files.write(corrupt.resolve("model.safetensors"), java.util.Arrays.copyOf(b, b.length / 2));
        Cli c = maqd("export", corrupt.toString(), "--cost");
        assertEquals(2, c.code(), c.err());
        assertTrue(c.err().contains("model.safetensors"), c.err());
        assertFalse(c.err().contains("\tat "), "no stack trace: " + c.err());

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Cli w = maqd("export", run.toString(), "--c", file.toString());
        assertEquals(2, w.code(), w.err());
        assertTrue(w.err().contains("--c " + file + ": is a file; expected a folder"), w.err());
        assertFalse(w.err().contains("\tat "), w.err());
        assertEquals("x", Files.readString(file), "the file is kept");
    }

    @Test
    void aLayerNormModelIsNotIntegerOnly() {
        Path ln = DeployFixtures.train(dir, DeployFixtures.experiment("ln",
                "\"weightStates\": 3, \"activationStates\": 2, \"norm\": \"ln\"",
                "[{\"type\": \"flatten\"}, {\"type\": \"linear\", \"units\": 16}, {\"type\": \"output\", \"units\": 10}]", 64, 20, 1));
        Cli r = maqd("export", ln.toString(), "--verify");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("not integer-only because layer 1 (linear) uses LN"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    static Path copyRun(String name) throws Exception {
        Path to = Files.createDirectories(dir.resolve(name));
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(run)) { s.filter(Files::isRegularFile).forEach(files::add); }
        for (Path f : files) Files.copy(f, to.resolve(f.getFileName()));
        return to;
    }
}
