package org.maqd.onnx;

import static org.junit.jupiter.api.Assertions.*;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.cli.MaqdCommand;
import org.maqd.data.Dataset;
import org.maqd.data.Datasets;
import org.maqd.deploy.DeployFixtures;
import org.maqd.deploy.ExportRunTest;
import org.maqd.deploy.FoldedModel;
import org.maqd.deploy.Folder;
import org.maqd.deploy.IntConcat;
import org.maqd.deploy.IntEngine;
import org.maqd.deploy.PixelCodes;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentIO;
import org.maqd.experiment.RunFolder;
import org.maqd.experiment.RunLauncher;
import org.maqd.experiment.RunOptions;
import org.maqd.model.Network;
import org.maqd.tensor.Parallel;

/**
 * Trained runs (the quickstart MLP, the CNN of experiments/cnn.json and a small ResNet, each trained for one short
 * epoch) exported with {@code maqd export RUN --onnx FILE} and run with onnxruntime on the whole embedded test set:
 * the predictions agree with the workbench's float model on at least 99.9% of the 2,004 test images.
 */
class OnnxExportRunTest {
    @TempDir Path dir;

    record Cli(int code, String out, String err) {}

    static Cli maqd(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new MaqdCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> MaqdCommand.handle(ex, cmd.getErr()));
        return new Cli(cl.execute(args), out.toString(), err.toString());
    }

    /** Trains {@code experiments/<file>} for one epoch on the first {@code trainLimit} images. */
    Path train(String file, int trainLimit) {
        Experiment e = ExperimentIO.read(Path.of("experiments", file));
        return train(e, trainLimit);
    }

    Path train(Experiment e, int trainLimit) {
        e = e.withData(e.data().withTrainLimit(trainLimit)).withTraining(e.training().withEpochs(1)).withThreads(2);
        return RunLauncher.run(e, new RunOptions(Path.of("."), dir, dir.resolve(e.name()), false, false, false), null,
                java.util.List.of()).runDir();
    }

    OnnxAgreement.Result exportAndCompare(Path run, String what) throws Exception {
        Path file = dir.resolve(what + ".onnx");
        Cli c = maqd("export", run.toString(), "--onnx", file.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().startsWith("written: " + file), c.out());
        Dataset test = Datasets.embedded(1, 0).test();
        try (Parallel par = new Parallel(2)) {
            Network net = RunFolder.loadNetwork(run, par);
            OnnxAgreement.Result r = OnnxAgreement.compare(net, Files.readAllBytes(file), test);
            java.util.List<OnnxAgreement.LayerCodes> codes = OnnxAgreement.compareCodes(net, test);
            System.out.println(r.describe(what) + "; activation codes agreeing per quantizer: "
                    + String.join(", ", codes.stream().map(OnnxAgreement.LayerCodes::describe).toList()) + "; " + c.out().trim());
            for (OnnxAgreement.LayerCodes l : codes) assertTrue(l.same() >= 0.999 * l.total(), l.describe());
            assertEquals(2004, r.samples());
            assertTrue(r.fraction() >= 0.999, r.describe(what));
            assertTrue(r.maxDiffAgreeing() < 1e-2, r.describe(what));
            return r;
        }
    }

    @Test
    void quickstartMlpAgreesOnTheTestSet() throws Exception {
        Path run = train("quickstart.json", 7996);
        exportAndCompare(run, "quickstart");
        try (OrtSession s = OnnxAgreement.session(Files.readAllBytes(dir.resolve("quickstart.onnx")))) {
            Map<String, String> meta = s.getMetadata().getCustomMetadata();
            assertEquals("input: float32 [N, 1, 28, 28]", meta.get("maqd.input"));
            assertTrue(meta.get("maqd.output").startsWith("logits: float32 [N, classes]"), meta.toString());
            assertTrue(meta.get("maqd.preprocessing").contains("b * (1/255)"), meta.toString());
            assertEquals("mnist-10k", meta.get("maqd.dataset"));
            assertEquals(OnnxExport.PRODUCER, s.getMetadata().getProducerName());
            NodeInfo in = s.getInputInfo().get(OnnxExport.INPUT);
            assertArrayEquals(new long[] {-1, 1, 28, 28}, ((TensorInfo) in.getInfo()).getShape());
            NodeInfo out = s.getOutputInfo().get(OnnxExport.OUTPUT);
            assertArrayEquals(new long[] {-1, 10}, ((TensorInfo) out.getInfo()).getShape());
        }
    }

    @Test
    void cnnAgreesOnTheTestSet() throws Exception {
        exportAndCompare(train("cnn.json", 1000), "cnn");
    }

    @Test
    void resnetAgreesOnTheTestSet() throws Exception {
        Experiment e = ExperimentIO.parse("""
                {"description": "a small ResNet", "name": "resnet", "seed": 1, "data": {"dataset": "mnist-10k"},
                 "network": {"input": [1, 28, 28], "defaults": {"weightStates": 3, "activationStates": 2, "norm": "lbn"},
                   "layers": [{"type": "conv2d", "channels": 8, "kernel": 3, "padding": 1},
                              {"type": "residual", "channels": 8, "stride": 1}, {"type": "residual", "channels": 16, "stride": 2},
                              {"type": "residual", "channels": 32, "stride": 2}, {"type": "globalavgpool"},
                              {"type": "output", "units": 10}]},
                 "training": {"epochs": 1, "batchSize": 32}}""", "resnet.json");
        exportAndCompare(train(e, 1000), "resnet");
    }

    /** experiments/resnet.json as it ships (a graph of nodes: convs without Q_a feeding adds, 1×1 projections). */
    @Test
    void resnetGraphOfTheExperimentFileAgreesOnTheTestSet() throws Exception {
        exportAndCompare(train("resnet.json", 1000), "resnet.json");
        byte[] model = Files.readAllBytes(dir.resolve("resnet.json.onnx"));
        String text = new String(model, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String add : new String[] {"nodes.s1.b1.sum", "nodes.s2.b1.sum", "nodes.s3.b1.sum", "nodes.s3.b1.act.codes"}) {
            assertTrue(text.contains(add), add + " is not in the ONNX graph");
        }
    }

    /** A concat graph: certified, its C export agrees with the integer engine, its ONNX file with the float model. */
    @Test
    void concatGraphThroughTheCertificateCAndOnnx() throws Exception {
        Path run = train(DeployFixtures.graph("concat", "\"weightStates\": 3, \"activationStates\": 3, \"norm\": \"lbn\"",
                DeployFixtures.CONCAT, 0, 0, 1), 1000);
        Cli c = maqd("export", run.toString(), "--verify");
        assertEquals(0, c.code(), c.err() + c.out());
        org.maqd.run.CertificateRecord cert = org.maqd.run.CertificateRecord.read(run);
        assertTrue(cert.integerOnly() && cert.identicalPredictionsPercent() >= 99.9, c.out());
        exportAndCompare(run, "concat");
        Dataset test = Datasets.embedded(1, 0).test();
        try (Parallel par = new Parallel(2)) {
            FoldedModel m = Folder.fold(RunFolder.loadNetwork(run, par));
            assertTrue(m.ops().stream().anyMatch(op -> op instanceof IntConcat));
            byte[] px = PixelCodes.of(test);
            int[] java = new IntEngine(m).predict(px, test.size(), par).predictions();
            assertArrayEquals(java, ExportRunTest.compileAndRun(m, dir.resolve("concat-c"), px, test.size(), 28, 28));
        }
    }

    @Test
    void aRunWithoutAModelIsBadInput() throws Exception {
        Path run = Files.createDirectories(dir.resolve("unfinished"));
        Files.writeString(run.resolve("experiment.json"), "{}");
        Cli c = maqd("export", run.toString(), "--onnx", dir.resolve("x.onnx").toString());
        assertEquals(2, c.code(), c.err());
        assertEquals(1, c.err().strip().lines().count(), c.err());
        assertTrue(c.err().contains("model.json") && c.err().contains("no trained model"), c.err());
        assertFalse(Files.exists(dir.resolve("x.onnx")));
    }

    @Test
    void anUnwritableOutputFailsWithOneLine() throws Exception {
        Path run = train("quickstart.json", 200);
        Path blocker = Files.writeString(dir.resolve("a-file"), "not a folder");
        Cli c = maqd("export", run.toString(), "--onnx", blocker.resolve("model.onnx").toString());
        assertEquals(1, c.code(), c.err());
        assertEquals(1, c.err().strip().lines().count(), c.err());
        assertTrue(c.err().startsWith("maqd: cannot write " + blocker.resolve("model.onnx")), c.err());
        Cli d = maqd("export", run.toString(), "--onnx", dir.toString());
        assertEquals(1, d.code(), d.err());
        assertTrue(d.err().contains("is a directory"), d.err());
    }
}
