package org.maqd.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maqd.nn.Param;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;
import org.maqd.tensor.fast.Reductions;

/**
 * Adam (Kingma & Ba) with bias correction, ε = 1e-8. With {@code decoupled} it is AdamW (Loshchilov & Hutter):
 * w −= lr·λ·w before the Adam step; otherwise weight decay is added to the gradient (L2), as PyTorch's Adam.
 * Weight decay applies only to parameters marked {@code decay} (weights, not norms, biases or steps).
 */
public final class Adam implements Optimizer {
    private static final int GRAIN = 16384;
    private final List<Param> params;
    private final Tensor[] m, v;
    private final double beta1, beta2, weightDecay;
    private final boolean decoupled;
    private final Parallel par;
    private long steps;

    public Adam(List<Param> params, double beta1, double beta2, double weightDecay, boolean decoupled, Parallel par) {
        this.params = List.copyOf(params);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.par = par;
        m = new Tensor[params.size()];
        v = new Tensor[params.size()];
        l2 = new float[params.size()];
        shrink = new float[params.size()];
        starts = new int[params.size() + 1];
        for (int i = 0; i < params.size(); i++) starts[i + 1] = Math.addExact(starts[i], params.get(i).value.size());
        updates = new Param.Update[params.size()];
        unfinished = new boolean[params.size()];
        for (int i = 0; i < m.length; i++) {
            int index = i;
            updates[i] = (from, n, g, gOff) -> applyFused(index, from, n, g, gOff);
            m[i] = Tensor.zeros(params.get(i).value.shape());
            v[i] = Tensor.zeros(params.get(i).value.shape());
        }
    }

    /**
     * Offers each parameter this step's update ({@link Param#offerUpdate}): a layer that takes it runs
     * {@link UpdateKernels#adamRow} on each row of the gradient while the row is in cache, and {@link #step}
     * then skips that parameter. The same operations on the same values as the plain step, so the same bits.
     */
    @Override
    public void prepare(double learningRate) {
        constants(learningRate);
        prepared = true;
        for (int i = 0; i < params.size(); i++) params.get(i).offerUpdate(updates[i]);
    }

    /**
     * One update of every parameter, in one parallel loop over all their elements (chunks of {@link #GRAIN}
     * elements of the parameters laid end to end, so small parameters share chunks instead of each running its
     * own serial loop). Clears each gradient as it reads it ({@link Param#gradCleared}).
     */
    @Override
    public void step(double learningRate) {
        if (!prepared) constants(learningRate);   // else prepare computed them for this step
        prepared = false;
        long work = 0;
        for (int i = 0; i < params.size(); i++) if (!params.get(i).updatedInBackward()) work += starts[i + 1] - starts[i];
        int total = starts[params.size()];
        par.forRange(total, GRAIN, work, update);
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            p.offerUpdate(null);
            if (!unfinished[i]) p.gradCleared();
            unfinished[i] = false;
        }
    }

    // the step count and this step's constants
    private void constants(double learningRate) {
        steps++;
        float b1 = (float) beta1, b2 = (float) beta2;
        double bc1 = 1 - Math.pow(beta1, steps), bc2 = 1 - Math.pow(beta2, steps);
        cb1 = b1;
        cb2 = b2;
        cstep = (float) (learningRate / bc1);
        cinv = (float) (1 / Math.sqrt(bc2));
        ceps = 1e-8f;
        for (int i = 0; i < params.size(); i++) {
            float wd = params.get(i).decay ? (float) weightDecay : 0f;
            l2[i] = decoupled ? 0f : wd;
            shrink[i] = decoupled ? (float) (1 - learningRate * wd) : 1f;
        }
    }

    // the update a layer applies during backward: one run of parameter i from its gradient (g[gOff…gOff + n));
    // a run with a NaN or infinity is not applied but left in the gradient, where the divergence check finds it
    private void applyFused(int i, int from, int n, float[] g, int gOff) {
        Param p = params.get(i);
        if (Reductions.firstNonFinite(g, gOff, gOff + n) >= 0) {
            System.arraycopy(g, gOff, p.grad.data, from, n);
            unfinished[i] = true;
            return;
        }
        UpdateKernels.adamRow(p.value.data, from, n, g, gOff, m[i].data, v[i].data, cb1, cb2, l2[i], shrink[i], cstep,
                cinv, ceps);
    }

    // elements [a, b) of the parameters laid end to end
    private void updateRange(int a, int b) {
        int i = 0;
        while (starts[i + 1] <= a) i++;
        for (; i < params.size() && starts[i] < b; i++) {
            Param p = params.get(i);
            if (p.updatedInBackward()) continue;
            int from = Math.max(a, starts[i]) - starts[i], to = Math.min(b, starts[i + 1]) - starts[i];
            UpdateKernels.adamAndClear(p.value.data, p.grad.data, m[i].data, v[i].data, from, to, cb1, cb2, l2[i],
                    shrink[i], cstep, cinv, ceps);
        }
    }

    // per-step constants (fields, so the loop body is allocated once)
    private float cb1, cb2, cstep, cinv, ceps;
    private final float[] l2, shrink;
    private final int[] starts;
    private final Parallel.RangeBody update = this::updateRange;
    private final Param.Update[] updates;
    private final boolean[] unfinished;   // a fused run found a non-finite gradient: the gradient is not cleared
    private boolean prepared;

    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> s = new LinkedHashMap<>();
        for (int i = 0; i < m.length; i++) {
            s.put("exp_avg." + i, m[i]);
            s.put("exp_avg_sq." + i, v[i]);
        }
        return s;
    }

    @Override public long steps() { return steps; }
    @Override public void setSteps(long s) { steps = s; }
    @Override public List<Param> params() { return params; }
}
