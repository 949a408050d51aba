package org.maqd.sweep;

/**
 * Where one trial of a running sweep is: {@code queued}, {@code running} (with {@code where}: "this machine" or a
 * worker's host:port), {@code done} (with the run's status in {@code detail}: completed, diverged) or
 * {@code failed} (with the reason in {@code detail}).
 */
public record TrialState(String state, String where, String detail) {
    public static final String QUEUED = "queued", RUNNING = "running", DONE = "done", FAILED = "failed";
    public static final String THIS_MACHINE = "this machine";

    public static TrialState queued() { return new TrialState(QUEUED, "", ""); }
    public static TrialState running(String where) { return new TrialState(RUNNING, where, ""); }
    public static TrialState done(String status) { return new TrialState(DONE, "", status); }
    public static TrialState failed(String reason) { return new TrialState(FAILED, "", reason); }

    /** One line for people: "running on 10.0.0.7:5701", "done (completed)", "failed: …". */
    public String text() {
        return switch (state) {
            case RUNNING -> "running on " + where;
            case DONE -> detail.isEmpty() ? "done" : "done (" + detail + ")";
            case FAILED -> detail.isEmpty() ? "failed" : "failed: " + detail;
            default -> state;
        };
    }

    /** Told about every trial's state as a sweep runs; called on the sweep's threads, so implementations hand off. */
    @FunctionalInterface
    public interface Listener {
        void trial(Trial trial, TrialState state);
    }

    /**
     * A {@link org.maqd.train.TrainingListener} a {@link TrialRunner} that trains elsewhere tells where the trial
     * went (a worker's host:port) once a worker takes it.
     */
    public interface Placement extends org.maqd.train.TrainingListener {
        void placed(String where);
    }
}
