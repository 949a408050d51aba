package org.maqd.ui.engine;

import java.nio.file.Path;
import java.util.List;
import org.maqd.experiment.PtqSpec;
import org.maqd.experiment.ptq.PtqEvaluator;
import org.maqd.experiment.ptq.PtqReport;
import org.maqd.tensor.Parallel;

/** {@link PtqTool} on the engine's {@link PtqEvaluator}: the same numbers and report file as {@code maqd ptq}. */
public final class EnginePtqTool implements PtqTool {
    @Override
    public PtqReport quantize(Path runDir, PtqSpec spec) {
        try (Parallel par = new Parallel(Math.max(1, Runtime.getRuntime().availableProcessors()))) {
            PtqReport r = PtqEvaluator.forRun(runDir, runDir, spec, par).report(spec.states().get(0), spec.methods().get(0));
            r.write(runDir);
            return r;
        }
    }

    @Override
    public List<PtqReport> reports(Path runDir) { return PtqReport.readAll(runDir); }
}
