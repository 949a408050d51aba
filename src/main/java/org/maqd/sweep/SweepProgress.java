package org.maqd.sweep;

import java.io.PrintStream;
import java.util.Locale;
import org.maqd.train.EpochMetrics;
import org.maqd.train.RunInfo;
import org.maqd.train.RunOutcome;
import org.maqd.train.StepMetrics;
import org.maqd.train.TrainingListener;

/** Progress lines for one trial of a sweep, prefixed with its position and id; safe to share one stream. */
final class SweepProgress implements TrainingListener {
    private final PrintStream out;
    private final String prefix;
    private int epochs;

    SweepProgress(PrintStream out, int index, int total, String id) {
        this.out = out;
        this.prefix = String.format(Locale.ROOT, "[%d/%d] %s", index, total, id);
    }

    @Override
    public void onStart(RunInfo info) {
        epochs = info.epochs();
        out.println(prefix + ": training, " + info.trainSamples() + " samples, batch " + info.batchSize()
                + ", " + info.threads() + " thread(s)" + (info.startEpoch() > 0 ? ", resuming after epoch " + info.startEpoch() : ""));
    }

    @Override
    public void onStep(StepMetrics m) {
        int quarter = Math.max(1, m.batchesPerEpoch() / 4);
        if (m.batchInEpoch() % quarter == 0 && m.batchInEpoch() < m.batchesPerEpoch()) {
            out.printf(Locale.ROOT, "%s: epoch %d/%d %3.0f%% loss %.4f  %.0f samples/s%n", prefix, m.epoch(), epochs,
                    100.0 * m.batchInEpoch() / m.batchesPerEpoch(), m.loss(), m.samplesPerSecond());
        }
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        out.printf(Locale.ROOT, "%s: epoch %d/%d test acc %.4f loss %.4f  %.0f samples/s%n", prefix, m.epoch(), epochs,
                m.testAccuracy(), m.testLoss(), m.samplesPerSecond());
    }

    @Override
    public void onEnd(RunOutcome o) {
        if (!o.completed()) out.println(prefix + ": " + o.status() + (o.message().isEmpty() ? "" : ": " + o.message()));
    }
}
