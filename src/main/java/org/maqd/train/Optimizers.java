package org.maqd.train;

import java.util.List;
import org.maqd.optim.Adam;
import org.maqd.optim.LrSchedule;
import org.maqd.optim.Optimizer;
import org.maqd.optim.Sgd;
import org.maqd.nn.Param;
import org.maqd.tensor.Parallel;

/** Builds the optimizer named by a resolved {@link TrainingSpec}. */
public final class Optimizers {
    private Optimizers() {}

    public static Optimizer create(TrainingSpec t, List<Param> params, Parallel par) {
        return switch (t.optimizer()) {
            case "sgd" -> new Sgd(params, t.momentum(), t.weightDecay(), par);
            case "adam" -> new Adam(params, t.beta1(), t.beta2(), t.weightDecay(), false, par);
            case "adamw" -> new Adam(params, t.beta1(), t.beta2(), t.weightDecay(), true, par);
            default -> throw new IllegalArgumentException("unknown optimizer '" + t.optimizer() + "'");
        };
    }

    public static LrSchedule schedule(TrainingSpec t, int stepsPerEpoch) {
        return new LrSchedule(t.schedule(), t.learningRate(), t.warmupEpochs(), t.stepEvery(), t.stepGamma(),
                t.epochs(), stepsPerEpoch);
    }
}
