package org.maqd.ui.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentIO;
import org.maqd.experiment.RunLauncher;
import org.maqd.experiment.RunOptions;
import org.maqd.ui.vm.DeploymentBadge;

/** The window's deployment commands on small trained runs: certificate.json, the C export, and an LN model's refusal. */
class EngineDeployerTest {
    @TempDir Path dir;

    private Path train(String name, String norm) {
        Experiment e = ExperimentIO.parse("""
                {"name": "%s", "seed": 3, "threads": 1,
                 "data": {"dataset": "mnist-10k", "trainLimit": 256, "testLimit": 200},
                 "network": {"input": [1, 28, 28], "defaults": {"weightStates": 3, "activationStates": 2, "norm": "%s"},
                   "layers": [{"type": "flatten"}, {"type": "linear", "units": 32}, {"type": "output", "units": 10}]},
                 "training": {"epochs": 1, "batchSize": 32}}
                """.formatted(name, norm), name + ".json");
        return RunLauncher.run(e, new RunOptions(Path.of("."), dir, dir.resolve(name), false, false, false), null,
                java.util.List.of()).runDir();
    }

    @Test
    void verifyWritesTheCertificateAndExportWritesC() throws Exception {
        Path run = train("lbn", "lbn");
        EngineDeployer d = new EngineDeployer();
        Map<String, Object> cert = d.verify(run);
        assertEquals(200, ((Number) cert.get("samples")).intValue(), "the run's whole test set");
        assertTrue(Files.isRegularFile(run.resolve("certificate.json")));
        Map<?, ?> onDisk = ExperimentIO.MAPPER.readValue(run.resolve("certificate.json").toFile(), Map.class);
        assertEquals(cert.get("identical_predictions"), onDisk.get("identical_predictions"));
        assertTrue(((Map<?, ?>) onDisk.get("cost")).get("model_bytes") instanceof Number);
        assertTrue(DeploymentBadge.text(cert, null).startsWith("integer-only "), DeploymentBadge.text(cert, null));
        Path c = dir.resolve("c");
        String msg = d.exportC(run, c);
        for (String f : new String[] {"model.h", "model.c", "main.c"}) assertTrue(Files.size(c.resolve(f)) > 0, f);
        assertTrue(msg.contains("bytes of parameters"), msg);
    }

    @Test
    void onnxExportWritesAnyRunIncludingOneThatIsNotIntegerOnly() throws Exception {
        Path run = train("ln", "ln");
        Path file = dir.resolve("out").resolve("ln.onnx");
        String msg = new EngineDeployer().exportOnnx(run, file);
        assertTrue(msg.startsWith(file + " (ONNX opset 13, "), msg);
        assertTrue(Files.size(file) > 1000);
        RuntimeException e = assertThrows(RuntimeException.class, () -> new EngineDeployer().exportOnnx(dir.resolve("nothing"), file));
        assertTrue(e.getMessage().contains("not a run folder"), e.getMessage());
    }

    @Test
    void layerNormIsRefusedWithTheReason() {
        Path run = train("ln", "ln");
        RuntimeException e = assertThrows(RuntimeException.class, () -> new EngineDeployer().verify(run));
        assertTrue(e.getMessage().startsWith("not integer-only because layer 1 (linear) uses LN"), e.getMessage());
        assertTrue(Files.notExists(run.resolve("certificate.json")));
    }
}
