package org.maqd.ui.vm;

import java.nio.file.Path;
import java.util.List;
import org.maqd.run.MetricRow;
import org.maqd.run.Summary;
import org.maqd.train.EpochMetrics;
import org.maqd.train.RunInfo;
import org.maqd.train.RunOutcome;

/** A finished run's folder played into a {@link LiveFeed}, so the Training view draws its epoch curves. */
final class RunReplay {
    private RunReplay() {}

    /** The feed of the run in {@code dir}: its summary as the start and its metrics.csv rows as epochs. */
    static LiveFeed of(Path dir) {
        Summary s = Summary.read(dir);
        List<MetricRow> rows = MetricRow.FILE.read(dir);
        LiveFeed f = new LiveFeed();
        int epochs = s == null ? rows.size() : s.epochs();
        int batch = s == null ? 0 : s.batchSize(), samples = s == null ? 0 : s.trainSamples();
        int steps = batch < 1 ? 0 : org.maqd.data.Batcher.batches(samples, batch, false);
        f.onStart(new RunInfo(s == null ? dir.getFileName().toString() : s.name(), epochs, 0, steps, batch, samples,
                s == null ? 0 : s.testSamples(), s == null ? 1 : s.threads(), List.of()));
        for (MetricRow r : rows) {
            f.onEpoch(new EpochMetrics(r.epoch(), r.step(), r.trainLoss(), r.trainAccuracy(), r.testLoss(), r.testAccuracy(),
                    r.learningRate(), r.seconds(), r.samplesPerSecond()));
        }
        String status = s == null || s.status() == null ? "interrupted" : s.status();
        f.onEnd(new RunOutcome(status, s == null || s.message() == null ? "" : s.message(), null, 0, 0));
        return f;
    }
}
