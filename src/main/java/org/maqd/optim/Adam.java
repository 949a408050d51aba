package org.maqd.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maqd.nn.Param;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;

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
        for (int i = 0; i < m.length; i++) {
            m[i] = Tensor.zeros(params.get(i).value.shape());
            v[i] = Tensor.zeros(params.get(i).value.shape());
        }
    }

    @Override
    public void step(double learningRate) {
        steps++;
        float b1 = (float) beta1, b2 = (float) beta2;
        double bc1 = 1 - Math.pow(beta1, steps), bc2 = 1 - Math.pow(beta2, steps);
        float stepSize = (float) (learningRate / bc1);
        float invSqrtBc2 = (float) (1 / Math.sqrt(bc2));
        float eps = 1e-8f;
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            float wd = p.decay ? (float) weightDecay : 0f;
            cw = p.value.data; cg = p.grad.data; cm = m[i].data; cv = v[i].data;
            cb1 = b1; cb2 = b2; cl2 = decoupled ? 0f : wd;
            cshrink = decoupled ? (float) (1 - learningRate * wd) : 1f;
            cstep = stepSize; cinv = invSqrtBc2; ceps = eps;
            par.forRange(cw.length, GRAIN, cw.length, update);
        }
        cw = cg = cm = cv = null;
    }

    // operands of the current parameter's update (fields, so the body is allocated once)
    private float[] cw, cg, cm, cv;
    private float cb1, cb2, cl2, cshrink, cstep, cinv, ceps;
    private final Parallel.RangeBody update = (a, b) ->
            UpdateKernels.adam(cw, cg, cm, cv, a, b, cb1, cb2, cl2, cshrink, cstep, cinv, ceps);

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
