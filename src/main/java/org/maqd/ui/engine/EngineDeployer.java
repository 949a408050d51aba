package org.maqd.ui.engine;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.maqd.data.Datasets;
import org.maqd.deploy.CExport;
import org.maqd.deploy.Certificate;
import org.maqd.deploy.CostSummary;
import org.maqd.deploy.FoldedModel;
import org.maqd.deploy.Folder;
import org.maqd.experiment.ExperimentIO;
import org.maqd.experiment.RunFolder;
import org.maqd.model.Network;
import org.maqd.onnx.OnnxRunExport;
import org.maqd.tensor.Parallel;

/** {@link Deployer} through the deploy and onnx packages, in the same sequence as {@code maqd export RUN_DIR --verify / --c / --onnx}. */
public final class EngineDeployer implements Deployer {
    /** Accumulator width of the integer engine, as {@code maqd export} uses by default. */
    public static final int ACCUMULATOR_BITS = 32;

    @Override
    public Map<String, Object> verify(Path runDir) {
        try (Parallel par = new Parallel(threads())) {
            Network net = RunFolder.loadNetwork(runDir, par);
            FoldedModel model = Folder.fold(net);
            var test = RunFolder.data(runDir).test();
            Certificate cert = Certificate.compute(net, model, test, ACCUMULATOR_BITS);
            var record = cert.record(ACCUMULATOR_BITS, CostSummary.of(model));
            record.write(runDir);
            return record.toMap();
        }
    }

    @Override
    public String exportC(Path runDir, Path outDir) {
        try (Parallel par = new Parallel(1)) {
            FoldedModel model = Folder.fold(RunFolder.loadNetwork(runDir, par));
            CExport.write(model, outDir);
            return String.format(Locale.ROOT, "%s: model.h, model.c, main.c (%,d bytes of parameters). Build: %s",
                    outDir, CostSummary.of(model).modelBytes(), CExport.BUILD_COMMAND);
        }
    }

    @Override
    public String exportOnnx(Path runDir, Path file) {
        return OnnxRunExport.write(runDir, file).summary();
    }

    private static int threads() { return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())); }
}
