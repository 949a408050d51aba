package org.maqd.train;

/**
 * How a run ended. status: completed | stopped (by the user) | diverged (NaN/inf; {@code message} says where)
 * | failed. {@code last} is the last completed epoch's metrics (null if none).
 */
public record RunOutcome(String status, String message, EpochMetrics last, int epochsCompleted, double seconds) {
    public boolean completed() { return "completed".equals(status); }
}
