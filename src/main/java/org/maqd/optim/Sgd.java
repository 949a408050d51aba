package org.maqd.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maqd.nn.Param;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;

/** SGD with (heavy-ball) momentum and L2 weight decay, as PyTorch's SGD: v = μv + (g + λw); w −= lr·v. */
public final class Sgd implements Optimizer {
    private static final int GRAIN = 16384;
    private final List<Param> params;
    private final Tensor[] velocity;
    private final double momentum, weightDecay;
    private final Parallel par;
    private long steps;

    public Sgd(List<Param> params, double momentum, double weightDecay, Parallel par) {
        this.params = List.copyOf(params);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.par = par;
        this.velocity = new Tensor[params.size()];
        for (int i = 0; i < velocity.length; i++) velocity[i] = Tensor.zeros(params.get(i).value.shape());
    }

    @Override
    public void step(double learningRate) {
        float lr = (float) learningRate, mu = (float) momentum;
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            cw = p.value.data; cg = p.grad.data; cv = velocity[i].data;
            cmu = mu; cwd = p.decay ? (float) weightDecay : 0f; clr = lr;
            par.forRange(cw.length, GRAIN, cw.length, update);
        }
        cw = cg = cv = null;
        steps++;
    }

    // operands of the current parameter's update (fields, so the body is allocated once)
    private float[] cw, cg, cv;
    private float cmu, cwd, clr;
    private final Parallel.RangeBody update = (a, b) -> UpdateKernels.sgd(cw, cg, cv, a, b, cmu, cwd, clr);

    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < velocity.length; i++) m.put("momentum_buffer." + i, velocity[i]);
        return m;
    }

    @Override public long steps() { return steps; }
    @Override public void setSteps(long s) { steps = s; }
    @Override public List<Param> params() { return params; }
}
