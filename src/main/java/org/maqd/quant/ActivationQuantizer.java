package org.maqd.quant;

import java.util.List;
import java.util.Locale;
import org.maqd.nn.Elementwise;
import org.maqd.nn.Mode;
import org.maqd.nn.Param;
import org.maqd.nn.ShapeException;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;

/**
 * The activation quantizer Q_a of method.md §5, used as the activation function (it replaces ReLU):
 * <pre>  Q_a(x) = Δ_a · clip(round(x/Δ_a), 0, M_a − 1)</pre>
 * M_a = 0 means a plain ReLU. Step rules: {@code gaussian} ({@link GaussianStep#unsigned}), {@code fixed}
 * (a given Δ_a) and {@code learned}: Δ_a is the trainable {@link Param} "step", initialised to the given
 * value or else the gaussian one, with the LSQ gradient (Esser et al. 2019)
 * <pre>  ∂Q/∂Δ = round(x/Δ) − x/Δ  for 0 &lt; x/Δ &lt; M_a − 1,   0 below,   M_a − 1 above</pre>
 * optionally multiplied by LSQ's gradient scale {@code 1/sqrt(N·(M_a − 1))}, N = elements per sample.
 * The learned step is floored at {@link #MIN_STEP} in forward so training cannot make it vanish.
 *
 * <p>Input gradient: {@code gradIn = gradOut · surrogate'(x/Δ_a)} with bounds [0, M_a − 1]. Any input rank
 * (batch first). Work is split over elements with a fixed grain (bit-identical for any thread count); the step
 * gradient is a fixed-order sum of chunk partials. The last input and codes stay readable for probes.
 *
 * <p>The last input is the caller's tensor, read in place (forward does not copy it): backward, the codes and
 * the probes need it unchanged until then, as every layer's output stays until that layer's next forward.
 * (The copy pass cost about a sixth of this layer's forward + backward: in-JVM, [64, 32, 28, 28], 1.21×.)
 *
 * <p>As an {@link Elementwise} layer it also runs range by range inside the passes of the norm before it
 * ({@code QuantBlock}): its forward on each range of the norm's output right after the norm writes it, its
 * backward on each range of its input gradient right before the norm's backward first reads it, so neither
 * tensor makes an extra round trip through memory. Same bits either way ({@code NormActivationFusionTest}).
 */
public final class ActivationQuantizer implements Elementwise {
    public static final int MAX_STATES = 256;
    public static final double MIN_STEP = 1e-6;
    /** Elements per chunk of the learned step's gradient sum (partials are added in chunk order). */
    static final int GRAIN = 16384;
    /**
     * Elements per chunk of the elementwise forward and backward loops: small enough that a hidden layer of a
     * small batch (64 × 256) is split between threads; elementwise, so the bits never depend on it.
     */
    static final int ELEMENT_GRAIN = 4096;

    /**
     * Configuration.
     *
     * @param states    M_a: 0 = ReLU, otherwise 2…256
     * @param stepRule  "gaussian", "fixed" or "learned"
     * @param stepValue Δ_a for "fixed"; initial Δ_a for "learned" (NaN or ≤ 0 = the gaussian value)
     * @param surrogate backward rule
     * @param gradScale LSQ gradient scale for the learned step
     */
    public record Config(int states, String stepRule, double stepValue, Surrogate surrogate, boolean gradScale) {
        public Config {
            if (states != 0 && (states < 2 || states > MAX_STATES)) {
                throw new IllegalArgumentException("activationStates: expected 0 (ReLU) or 2.." + MAX_STATES
                        + ", got " + states);
            }
            stepRule = stepRule == null ? "gaussian" : stepRule.trim().toLowerCase(Locale.ROOT);
            if (!stepRule.equals("gaussian") && !stepRule.equals("fixed") && !stepRule.equals("learned")) {
                throw new IllegalArgumentException("activationStep: expected gaussian, fixed or learned, got \""
                        + stepRule + "\"");
            }
            if (states != 0 && stepRule.equals("fixed")) RoundClip.checkStep(stepValue, "activationStepValue");
            if (states == 0 && stepRule.equals("learned")) {
                throw new IllegalArgumentException("activationStep: learned needs activationStates >= 2 (0 is ReLU)");
            }
            if (surrogate == null) surrogate = Surrogate.STE;
        }

        public static Config gaussian(int states, Surrogate s) { return new Config(states, "gaussian", Double.NaN, s, false); }
        public static Config fixed(int states, double step, Surrogate s) { return new Config(states, "fixed", step, s, false); }
        public static Config learned(int states, Surrogate s, boolean gradScale) {
            return new Config(states, "learned", Double.NaN, s, gradScale);
        }
        public static Config relu() { return new Config(0, "gaussian", Double.NaN, Surrogate.STE, false); }
    }

    private final Config config;
    private final int states;
    private final Surrogate surrogate;
    private final Parallel par;
    private final double fixedStep;       // gaussian/fixed Δ_a (NaN for ReLU)
    private final Param step;             // learned Δ_a, shape [1]; null otherwise

    private Tensor input, output, gradIn;
    private byte[] codes = new byte[0];
    private boolean codesValid;           // codes are derived from the input on first request after a forward
    private double[] partials = new double[0];
    private double curStep;               // Δ_a used by the last forward
    private int perItem;
    private float[] operand;           // the array the current parallel body reads (x in forward, gradOut in backward)
    private final Parallel.RangeBody forwardBody = this::forwardRange;
    private final Parallel.RangeBody backwardBody = this::backwardRange;
    private final Parallel.ChunkSum stepGradBody = this::stepGradRange;

    public ActivationQuantizer(Config config, Parallel par) {
        this.config = config;
        this.states = config.states();
        this.surrogate = config.surrogate();
        this.par = par == null ? Parallel.serial() : par;
        if (states == 0) {
            fixedStep = Double.NaN;
            step = null;
        } else if (config.stepRule().equals("learned")) {
            fixedStep = Double.NaN;
            double init = config.stepValue() > 0 ? config.stepValue() : GaussianStep.unsigned(states);
            step = new Param("step", Tensor.of(new float[] {(float) init}, 1), false);
        } else {
            fixedStep = config.stepRule().equals("fixed") ? config.stepValue() : GaussianStep.unsigned(states);
            step = null;
        }
    }

    public ActivationQuantizer(Config config) { this(config, Parallel.serial()); }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length < 1) throw new ShapeException("qact: expected an input with a batch dimension, got rank 0");
        return inputShape.clone();
    }

    @Override
    public String kind() { return "qact"; }

    @Override
    public List<Param> params() { return step == null ? List.of() : List.of(step); }

    /** Δ_a the next forward uses (NaN for ReLU). */
    public double step() {
        if (step == null) return fixedStep;
        return Math.max(MIN_STEP, step.value.data[0]);
    }

    // x: [B, ...] -> y: [B, ...]
    @Override
    public Tensor forward(Tensor x, Mode mode) {
        beginForward(x, mode);
        par.forRange(x.size(), ELEMENT_GRAIN, forwardBody);
        return endForward();
    }

    @Override
    public void beginForward(Tensor x, Mode mode) {
        int[] shape = outputShape(x.shape());
        input = x;                        // read in place by backward and the probes: no copy pass
        output = Tensor.reuse(output, shape);
        perItem = x.perItem();
        codesValid = false;
        curStep = step();
        operand = x.data;
    }

    @Override
    public Parallel.RangeBody forwardPass() { return forwardBody; }

    @Override
    public Tensor endForward() {
        operand = null;
        return output;
    }

    private void forwardRange(int i0, int i1) {
        float[] x = operand, y = output.data;
        if (states == 0) {
            for (int i = i0; i < i1; i++) { float v = x[i]; y[i] = v > 0 ? v : 0f; }
            return;
        }
        ActivationKernels.quantize(x, null, y, i0, i1, curStep, states - 1);
    }

    // gradOut: [B, ...] -> gradIn: [B, ...]; adds the LSQ step gradient when learned
    @Override
    public Tensor backward(Tensor gradOut) {
        beginBackward(gradOut);
        par.forRange(input.size(), ELEMENT_GRAIN, backwardBody);
        return endBackward();
    }

    @Override
    public Tensor beginBackward(Tensor gradOut) {
        if (input == null) throw new IllegalStateException("qact: backward before forward");
        if (gradOut.size() != input.size()) {
            throw new ShapeException("qact backward: expected a gradient like " + input + ", got " + gradOut);
        }
        gradIn = Tensor.reuse(gradIn, input.shape());
        operand = gradOut.data;
        return gradIn;
    }

    @Override
    public Parallel.RangeBody backwardPass() { return backwardBody; }

    @Override
    public Tensor endBackward() {
        if (step != null) {
            int chunks = Parallel.chunks(input.size(), GRAIN);
            if (partials.length < chunks) partials = new double[chunks];
            double g = par.sumChunks(input.size(), GRAIN, partials, stepGradBody);
            if (config.gradScale()) g /= Math.sqrt((double) perItem * (states - 1));
            step.grad.data[0] += (float) g;
        }
        operand = null;
        return gradIn;
    }

    private void backwardRange(int i0, int i1) {
        float[] g = operand, x = input.data, gi = gradIn.data;
        if (states == 0) {
            for (int i = i0; i < i1; i++) gi[i] = x[i] > 0 ? g[i] : 0f;
            return;
        }
        ActivationKernels.grad(surrogate, g, x, gi, i0, i1, curStep, states - 1);
    }

    private double stepGradRange(int i0, int i1) {
        float[] g = operand, x = input.data;
        double d = curStep;
        int hi = states - 1;
        double s = 0;
        for (int i = i0; i < i1; i++) s += g[i] * lsqStepGradient(x[i] / d, hi);
        return s;
    }

    /** LSQ's ∂Q/∂Δ at the scaled input t = x/Δ for bounds [0, hi]. */
    public static double lsqStepGradient(double t, int hi) {
        if (t <= 0) return 0;
        if (t >= hi) return hi;
        return Math.rint(t) - t;
    }

    public Config config() { return config; }
    /** M_a (0 = ReLU). */
    public int states() { return states; }
    public Surrogate surrogate() { return surrogate; }
    /** The trainable step, or null unless the rule is "learned". */
    public Param stepParam() { return step; }
    /** The pre-quantization input x of the last forward: the caller's tensor, not a copy (see the class comment). */
    public Tensor lastInput() { return input; }
    /** Q_a(x) of the last forward (internal buffer). */
    public Tensor lastOutput() { return output; }
    /** The codes of the last forward, unsigned bytes (empty for ReLU; internal buffer). */
    public byte[] lastCodes() {
        if (!codesValid) fillCodes();
        return codes;
    }

    /** The code of element {@code i} of the last forward. */
    public int code(int i) { return lastCodes()[i] & 0xFF; }

    // codes = clip(rint(x/Δ), 0, M_a − 1) of the last input, exactly as forward rounds them
    private void fillCodes() {
        codesValid = true;
        if (states == 0 || input == null) return;
        float[] x = input.data;
        if (codes.length != x.length) codes = new byte[x.length];
        double d = curStep;
        int hi = states - 1;
        for (int i = 0; i < x.length; i++) codes[i] = (byte) RoundClip.codeOfScaled(x[i] / d, 0, hi);
    }
    /** Δ_a used by the last forward. */
    public double lastStep() { return curStep; }
}
