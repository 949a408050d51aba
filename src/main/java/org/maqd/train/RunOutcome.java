package org.maqd.train;

/**
 * How a run ended. status: completed | stopped (by the user) | diverged ({@code divergedStep} and
 * {@code divergedReason} say where and why; {@code message} says it for a person) | failed. {@code last} is the
 * last completed epoch's metrics (null if none).
 */
public record RunOutcome(String status, String message, EpochMetrics last, int epochsCompleted, double seconds,
                         Long divergedStep, String divergedReason) {
    public static final String COMPLETED = "completed", STOPPED = "stopped", DIVERGED = "diverged", FAILED = "failed";

    public RunOutcome(String status, String message, EpochMetrics last, int epochsCompleted, double seconds) {
        this(status, message, last, epochsCompleted, seconds, null, null);
    }

    public boolean completed() { return COMPLETED.equals(status); }

    public boolean diverged() { return DIVERGED.equals(status); }
}
