package org.maqd.train;

import java.util.List;
import java.util.Locale;
import org.maqd.nn.Param;
import org.maqd.tensor.fast.Reductions;

/**
 * Stops a run that diverges, before anything non-finite reaches its files: a loss that is NaN or infinite, or
 * more than {@link #LOSS_FACTOR} times the loss of an uninformed guess (ln of the number of classes, which a
 * freshly initialised network starts near); a NaN or infinite gradient (checked before the optimizer step); a
 * NaN or infinite weight (checked after it); a non-finite test loss. Each check returns null when all is well,
 * else the reason.
 */
public final class DivergenceGuard {
    /** A loss this many times ln(classes) is far above where training starts. */
    public static final double LOSS_FACTOR = 100;

    private final double lossLimit;

    public DivergenceGuard(int classes) {
        this.lossLimit = LOSS_FACTOR * Math.max(1.0, Math.log(Math.max(2, classes)));
    }

    public String loss(double l) {
        if (!Double.isFinite(l)) return "the training loss is " + l;
        if (l > lossLimit) {
            return String.format(Locale.ROOT, "the training loss %.4g is more than %.0f times the loss of a uniform guess (limit %.4g)",
                    l, LOSS_FACTOR, lossLimit);
        }
        return null;
    }

    public String gradients(List<Param> params) {
        for (Param p : params) {
            int i = firstNonFinite(p.grad.data);
            if (i >= 0) return "the gradient of " + p.name + " is " + p.grad.data[i] + " at element " + i;
        }
        return null;
    }

    public String weights(List<Param> params) {
        for (Param p : params) {
            int i = firstNonFinite(p.value.data);
            if (i >= 0) return "the weight " + p.name + " is " + p.value.data[i] + " at element " + i + " after the optimizer step";
        }
        return null;
    }

    public String testLoss(double l) {
        return Double.isFinite(l) ? null : "the test loss is " + l;
    }

    static int firstNonFinite(float[] a) { return Reductions.firstNonFinite(a); }
}
