package org.maqd.ui.engine;

import java.nio.file.Path;
import java.util.List;
import org.maqd.experiment.PtqSpec;
import org.maqd.experiment.ptq.PtqReport;

/** Post-training quantization of a trained float run, as {@code maqd ptq} does it. */
public interface PtqTool {
    /** Quantizes the float run in {@code runDir} with {@code spec} (one state count, one method) and saves the report there. */
    PtqReport quantize(Path runDir, PtqSpec spec);

    /** The reports saved in the run's ptq/ folder. */
    List<PtqReport> reports(Path runDir);
}
