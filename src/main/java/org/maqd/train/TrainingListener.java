package org.maqd.train;

/**
 * Everything that watches a run is a listener: console progress, CSV writers, checkpoints, the divergence
 * guard, the UI. Called on the training thread, in registration order; implementations must be quick
 * (the UI copies into its own buffers and returns). A listener must not modify the model.
 */
public interface TrainingListener {
    default void onStart(RunInfo info) {}
    default void onStep(StepMetrics m) {}
    default void onProbe(ProbeSnapshot s) {}
    default void onEpoch(EpochMetrics m) {}
    default void onEnd(RunOutcome outcome) {}
}
