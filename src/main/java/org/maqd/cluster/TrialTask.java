package org.maqd.cluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentIO;

/**
 * One trial sent to a worker: its id, the trial's experiment (JSON, as the sweep resolved it) and the folder
 * relative data paths resolve against on the coordinator (data sets must sit at the same path on every worker;
 * the embedded mnist-10k needs none).
 */
public record TrialTask(String trialId, String experimentJson, String baseDir) {
    public byte[] toBytes() { return ExperimentIO.toJson(this).getBytes(StandardCharsets.UTF_8); }

    public static TrialTask of(String trialId, Experiment e, Path baseDir) {
        return new TrialTask(trialId, ExperimentIO.toJson(e), baseDir.toAbsolutePath().toString());
    }

    public static TrialTask parse(byte[] bytes) {
        try {
            return ExperimentIO.MAPPER.readValue(bytes, TrialTask.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a trial task: " + e.getMessage(), e);
        }
    }

    public Experiment experiment() { return ExperimentIO.parse(experimentJson, "trial " + trialId); }
}
