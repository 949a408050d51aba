package org.maqd.experiment;

import java.util.Map;
import org.maqd.data.DataSplit;
import org.maqd.model.Network;
import org.maqd.run.RunFiles;
import org.maqd.run.Summary;
import org.maqd.train.EpochMetrics;
import org.maqd.train.RunOutcome;

/** The {@link Summary} of a run: its outcome, the last epoch's numbers, the dataset (path and hash) and the environment. */
final class RunSummaries {
    private RunSummaries() {}

    static Summary of(Experiment exp, DataSplit data, Network net, RunOutcome o) {
        EpochMetrics last = o.last();
        Map<String, Object> env = Environment.describe();
        String dataset = exp.data() == null || exp.data().dataset() == null ? data.train().name() : exp.data().dataset();
        return new Summary(RunFiles.FORMAT_VERSION, exp.name(), o.status(), o.message().isEmpty() ? null : o.message(),
                o.divergedStep(), o.divergedReason(),
                last == null ? null : last.testAccuracy(), last == null ? null : last.testLoss(),
                last == null ? null : last.trainAccuracy(), last == null ? null : last.trainLoss(),
                o.epochsCompleted(), exp.seed(), exp.threads(), exp.training().batchSize(), o.seconds(),
                last == null ? null : last.samplesPerSecond(), net.parameterCount(), data.train().name(), dataset,
                data.sha256(), data.train().size(), data.test().size(), (String) env.get("jdk"), (String) env.get("os"),
                (String) env.get("cpu"), (Integer) env.get("cores"), (Long) env.get("max_heap_mb"), (String) env.get("git_revision"));
    }
}
