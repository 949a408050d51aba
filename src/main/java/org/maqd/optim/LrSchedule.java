package org.maqd.optim;

/**
 * Learning rate as a function of training progress, evaluated per step. {@code constant}; {@code step}
 * (× gamma every {@code stepEvery} epochs); {@code cosine} (from base to 0 over the run, after a linear
 * warm-up of {@code warmupEpochs}, which may be fractional).
 */
public record LrSchedule(String kind, double base, double warmupEpochs, int stepEvery, double gamma, int epochs,
                         int stepsPerEpoch) {

    /** Learning rate for the 0-based global step. */
    public double at(long step) {
        double epochPos = (double) step / stepsPerEpoch;
        long warmSteps = Math.round(warmupEpochs * stepsPerEpoch);
        if (step < warmSteps) return base * (step + 1) / warmSteps;
        return switch (kind) {
            case "constant" -> base;
            case "step" -> base * Math.pow(gamma, Math.floor(epochPos / stepEvery));
            case "cosine" -> {
                long total = (long) epochs * stepsPerEpoch;
                double t = (double) (step - warmSteps) / Math.max(1, total - warmSteps);
                yield base * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, t)));
            }
            default -> throw new IllegalArgumentException("unknown schedule '" + kind + "'");
        };
    }
}
