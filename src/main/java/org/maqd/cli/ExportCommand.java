package org.maqd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.maqd.data.Dataset;
import org.maqd.data.Datasets;
import org.maqd.deploy.CExport;
import org.maqd.deploy.Certificate;
import org.maqd.deploy.CostSummary;
import org.maqd.deploy.FoldedModel;
import org.maqd.deploy.Folder;
import org.maqd.deploy.NotIntegerOnlyException;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentIO;
import org.maqd.experiment.RunFolder;
import org.maqd.model.Network;
import org.maqd.run.RunFiles;
import org.maqd.onnx.OnnxExportException;
import org.maqd.onnx.OnnxRunExport;
import org.maqd.tensor.Parallel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code maqd export RUN_DIR [--verify] [--cost] [--c OUT_DIR] [--onnx FILE]}: folds a trained run into an integer-only model
 * (method.md §9). {@code --verify} runs the float fake-quant model and the integer engine on the whole test set and
 * writes {@code certificate.json} into the run folder; {@code --cost} prints the per-layer cost; {@code --c} writes
 * C99 sources; {@code --onnx} writes the float fake-quant network as an ONNX model (any trained run, integer-only
 * or not). With no option, prints the cost. A model that cannot be folded exits with code 2 and
 * "not integer-only because …".
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Fold a trained run into an integer-only model: verify it against the float model, show its cost, export C; "
                + "or write the trained network as ONNX.")
public final class ExportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "a run folder (from maqd run)") Path runDir;
    @Option(names = "--verify", description = "compare float and integer inference on the test set; write certificate.json") boolean verify;
    @Option(names = "--cost", description = "print weights, memory, MACs and accumulator width per layer") boolean cost;
    @Option(names = "--c", paramLabel = "OUT_DIR", description = "write model.h, model.c and main.c (C99) into OUT_DIR") Path cDir;
    @Option(names = "--onnx", paramLabel = "FILE", description = "write the trained fake-quant network as an ONNX model (opset 13; input float32 [N, C, H, W] in [0, 1], output logits [N, classes])") Path onnxFile;
    @Option(names = "--acc-bits", paramLabel = "BITS", description = "accumulator width of the integer engine for --verify (default 32; e.g. 16 for a small microcontroller: overflows saturate and are counted)") int accBits = 32;
    @Option(names = "--threads", description = "threads for the float model (default 2)") int threads = 2;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (onnxFile != null) {
            try {
                out.println("written: " + OnnxRunExport.write(runDir, onnxFile).summary());
                out.flush();
            } catch (java.io.UncheckedIOException e) {
                spec.commandLine().getErr().println("maqd: " + e.getMessage());
                return MaqdCommand.FAILURE;
            } catch (OnnxExportException e) {
                spec.commandLine().getErr().println("maqd: " + runDir + ": " + e.getMessage());
                return MaqdCommand.BAD_INPUT;
            }
            if (!verify && !cost && cDir == null) return 0;
        }
        try (Parallel par = new Parallel(Math.max(1, threads))) {
            Network net = RunFolder.loadNetwork(runDir, par);
            FoldedModel model;
            try {
                model = Folder.fold(net);
            } catch (NotIntegerOnlyException e) {
                spec.commandLine().getErr().println("maqd: " + runDir + ": " + e.getMessage());
                return MaqdCommand.BAD_INPUT;
            }
            CostSummary costs = CostSummary.of(model);
            if (cost || (!verify && cDir == null)) out.print(costs.table());
            if (verify) {
                Certificate cert;
                try {
                    cert = Certificate.compute(net, model, testSet(runDir), checkBits(accBits));
                } catch (NotIntegerOnlyException e) {
                    spec.commandLine().getErr().println("maqd: " + runDir + ": " + e.getMessage());
                    return MaqdCommand.BAD_INPUT;
                }
                cert.record(accBits, costs).write(runDir);
                out.print(cert.describe());
                org.maqd.run.Summary sum = org.maqd.run.Summary.read(runDir);
                if (sum != null && !org.maqd.run.Summary.finished(sum.status())) {
                    // the certificate holds for the model as saved; say that this model is not a trained result
                    out.printf(Locale.ROOT, "note: the run %s after %d epoch(s) (summary.json): the certificate holds for the model "
                            + "it saved then, not for a finished training%n",
                            sum.status(), sum.epochs());
                }
                out.println("written: " + runDir.resolve(RunFiles.CERTIFICATE));
            }
            if (cDir != null) {
                if (java.nio.file.Files.exists(cDir) && !java.nio.file.Files.isDirectory(cDir)) {
                    spec.commandLine().getErr().println("maqd: --c " + cDir + ": is a file; expected a folder for model.h, model.c "
                            + "and main.c (it is created if missing)");
                    return MaqdCommand.BAD_INPUT;
                }
                try {
                    CExport.write(model, cDir);
                } catch (java.io.UncheckedIOException e) {
                    spec.commandLine().getErr().println("maqd: " + e.getMessage());
                    return MaqdCommand.FAILURE;
                }
                out.printf(Locale.ROOT, "written: %s (model.h, model.c, main.c; %,d bytes of parameters). Build: %s%n",
                        cDir, costs.modelBytes(), CExport.BUILD_COMMAND);
            }
            out.flush();
            return 0;
        }
    }

    private static int checkBits(int bits) {
        if (bits < 2 || bits > 32) throw new org.maqd.experiment.ExperimentException("--acc-bits: expected 2..32, got " + bits);
        return bits;
    }

    /** The run's test set, as its experiment names it. */
    static Dataset testSet(Path runDir) {
        return RunFolder.data(runDir).test();
    }
}
