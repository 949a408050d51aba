package org.maqd.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.maqd.data.DataSplit;
import org.maqd.model.Network;
import org.maqd.model.NetworkAnalysis;
import org.maqd.run.MetricRow;
import org.maqd.run.RunFiles;
import org.maqd.run.Summary;
import org.maqd.train.EpochMetrics;
import org.maqd.train.RunOutcome;

/** The {@link Summary} of a run: its outcome, the last epoch's numbers, the dataset (path and hash) and the environment. */
final class RunSummaries {
    private RunSummaries() {}

    static Summary of(Experiment exp, DataSplit data, Network net, RunOutcome o, double warmupSeconds) {
        return of(exp, data, net.parameterCount(), o, warmupSeconds);
    }

    /**
     * The summary of a run that failed for a reason other than its input (a full disk, a bug): status failed, the
     * reason in {@code message}, the numbers of the last epoch in metrics.csv (when it can be read).
     */
    static Summary failed(Experiment exp, DataSplit data, Path runDir, Throwable why) {
        EpochMetrics last = null;
        try {
            List<MetricRow> rows = MetricRow.FILE.read(runDir);
            MetricRow r = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (r != null) last = new EpochMetrics(r.epoch(), r.step(), r.trainLoss(), r.trainAccuracy(), r.testLoss(),
                    r.testAccuracy(), r.learningRate(), r.seconds(), r.samplesPerSecond());
        } catch (RuntimeException e) {
            last = null;   // the summary still says why the run failed
        }
        String reason = why.getMessage() == null ? why.getClass().getSimpleName() : why.getMessage().replace('\n', ' ');
        RunOutcome o = new RunOutcome(RunOutcome.FAILED, "failed: " + reason + " (see " + RunFiles.ERROR_LOG + ")", last,
                last == null ? 0 : last.epoch(), 0);
        return of(exp, data, NetworkAnalysis.analyze(exp.network()).params(), o, null);
    }

    private static Summary of(Experiment exp, DataSplit data, long parameters, RunOutcome o, Double warmupSeconds) {
        EpochMetrics last = o.last();
        Map<String, Object> env = Environment.describe();
        String dataset = exp.data() == null || exp.data().dataset() == null ? data.train().name() : exp.data().dataset();
        return new Summary(RunFiles.FORMAT_VERSION, exp.name(), o.status(), o.message().isEmpty() ? null : o.message(),
                o.divergedStep(), o.divergedReason(),
                last == null ? null : last.testAccuracy(), last == null ? null : last.testLoss(),
                last == null ? null : last.trainAccuracy(), last == null ? null : last.trainLoss(),
                o.epochsCompleted(), exp.seed(), exp.threads(), exp.training().batchSize(), o.seconds(),
                last == null ? null : last.samplesPerSecond(), warmupSeconds, parameters, data.train().name(), dataset,
                data.sha256(), data.train().size(), data.test().size(), (String) env.get("jdk"), (String) env.get("os"),
                (String) env.get("cpu"), (Integer) env.get("cores"), (Long) env.get("max_heap_mb"), (String) env.get("git_revision"));
    }
}
