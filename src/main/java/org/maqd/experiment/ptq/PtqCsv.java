package org.maqd.experiment.ptq;

import java.nio.file.Path;
import java.util.List;
import org.maqd.run.PtqRow;

/** {@link PtqResult}s as the run folder's {@code ptq.csv} ({@link PtqRow}): one row per post-training quantization evaluation. */
public final class PtqCsv {
    private PtqCsv() {}

    public static void write(Path runDir, List<PtqResult> rows) {
        PtqRow.FILE.write(runDir, rows.stream().map(r -> new PtqRow(r.method(), r.states(), r.weightCalibration(),
                r.perChannel(), r.testAccuracy(), r.testLoss(), r.floatTestAccuracy(), r.seconds(), r.samplesPerSecond())).toList());
    }

    /** The rows of {@code runDir/ptq.csv}, or an empty list when there is none. */
    public static List<PtqResult> read(Path runDir) {
        return PtqRow.FILE.read(runDir).stream().map(r -> new PtqResult(r.method(), r.states(), r.weightCalibration(),
                r.perChannel(), r.testAccuracy(), r.testLoss(), r.floatTestAccuracy(), r.seconds(), r.samplesPerSecond())).toList();
    }
}
