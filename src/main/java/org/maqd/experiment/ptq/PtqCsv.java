package org.maqd.experiment.ptq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maqd.experiment.AtomicFiles;
import org.maqd.model.ModelFormatException;

/** {@code ptq.csv} in a run folder: one row per post-training quantization evaluation of the run's float model. */
public final class PtqCsv {
    public static final String FILE = "ptq.csv";
    public static final String HEADER = "method,states,weight_calibration,per_channel,test_accuracy,test_loss,float_test_accuracy,seconds,samples_per_second";

    private PtqCsv() {}

    public static void write(Path runDir, List<PtqResult> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (PtqResult r : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%d,%s,%s,%s,%s,%s,%.3f,%.1f%n", r.method(), r.states(),
                    r.weightCalibration(), r.perChannel(), Double.toString(r.testAccuracy()), Double.toString(r.testLoss()),
                    Double.toString(r.floatTestAccuracy()), r.seconds(), r.samplesPerSecond()));
        }
        AtomicFiles.writeString(runDir.resolve(FILE), sb.toString());
    }

    /** The rows of {@code runDir/ptq.csv}, or an empty list when there is none. */
    public static List<PtqResult> read(Path runDir) {
        Path f = runDir.resolve(FILE);
        if (!Files.exists(f)) return List.of();
        try {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) throw new ModelFormatException(f + ": expected the header " + HEADER);
            List<PtqResult> out = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                String[] c = lines.get(i).split(",", -1);
                if (c.length != 9) throw new ModelFormatException(f + ": line " + (i + 1) + ": expected 9 columns, found " + c.length);
                out.add(new PtqResult(c[0], Integer.parseInt(c[1]), c[2], Boolean.parseBoolean(c[3]), Double.parseDouble(c[4]),
                        Double.parseDouble(c[5]), Double.parseDouble(c[6]), Double.parseDouble(c[7]), Double.parseDouble(c[8])));
            }
            return out;
        } catch (IOException | NumberFormatException e) {
            throw new ModelFormatException(f + ": cannot read: " + e.getMessage(), e);
        }
    }
}
