package org.maqd.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;
import org.maqd.tensor.fast.ConvGeometry;
import org.maqd.tensor.fast.Im2col;
import org.maqd.tensor.fast.PackedGemm;
import org.maqd.tensor.fast.PackedPanels;
import org.maqd.tensor.fast.Reductions;
import org.maqd.tensor.fast.ShiftedConv;

/**
 * 2-D convolution (cross-correlation, as PyTorch's Conv2d), NCHW, square kernel, zero padding.
 * Weight [out, in, k, k] (Param "weight", with weight decay), optional bias [out] (Param "bias", no decay).
 * The weight passes through a {@link WeightTransform} once per forward; backward runs through it.
 * <p>
 * Per sample, with K = in·k·k taps and P = OH·OW output positions, col = im2col(x) [K, P]:
 * <pre>
 *   forward   y[out, P]   = W[out, K] · col[K, P] + bias          (col packed straight into GEMM panels)
 *   weight    dW[out, K] += dy[out, P] · colᵀ[P, K]               (colᵀ packed straight into GEMM panels)
 *   input     dcol[K, P]  = Wᵀ[K, out] · dy[out, P];  dx = col2im(dcol)
 * </pre>
 * Stride-1 convolutions with enough input channels take the {@link ShiftedConv} path instead (kh·kw GEMMs
 * over shifted views of the padded input, no im2col matrix); {@link #setAlgorithm} can force either path.
 * <p>
 * The batch is cut into at most {@link #MAX_CHUNKS} chunks whose size depends only on the batch size; each
 * chunk has its own workspace and partial weight/bias gradient, and partials are added in chunk order, so
 * results are bit-identical for any thread count.
 * <p>
 * Initialization (Kaiming/He uniform for ReLU): weight ~ U(−√(6/fanIn), √(6/fanIn)), bias ~
 * U(−1/√fanIn, 1/√fanIn) (PyTorch's bias rule), fanIn = in·k·k.
 */
public final class Conv2d implements Layer {
    public static final String KIND = "conv2d";
    /** Upper bound on work chunks per batch (and so on workspaces kept). */
    static final int MAX_CHUNKS = 8;
    /**
     * Below this many input channels the shifted path's GEMMs are too thin and im2col is faster (measured,
     * 3×3 stride 1: im2col wins at 1–3 input channels, shifted from 4 on).
     */
    static final int SHIFTED_MIN_CHANNELS = 4;

    /** How the convolution is computed. AUTO picks SHIFTED when it applies and pays, else IM2COL. */
    public enum Algorithm { AUTO, IM2COL, SHIFTED }

    private final int inC, outC, kernel, stride, padding;
    private final Param weight, bias;
    private final WeightTransform transform;
    private final Parallel par;

    private ConvGeometry geom;
    private ShiftedConv shiftedConv;   // step tables for the shifted path, per geometry
    private ConvWorkspace[] work;
    private Tensor x;          // cached input [B, in, H, W]
    private Tensor wEff;       // cached effective weight [out, in, k, k]
    private Tensor y, dx, gEff;
    private final float[] biasSum;
    private Algorithm algorithm = Algorithm.AUTO;
    private boolean shifted;   // path taken by the last forward
    private float[] gradSum = new float[0];
    private float[] wPacked = new float[0];   // forward weight packed for the shifted path
    private float[] wgPacked = new float[0];  // Wᵀ packed for the shifted path's input gradient
    private float[] xpadKept = new float[0];  // shifted path, training: every sample's padded input, for backward
    private boolean padKept;                  // the last forward filled xpadKept
    private boolean inputGradientNeeded = true;

    public Conv2d(int inC, int outC, int kernel, int stride, int padding, boolean bias,
                  WeightTransform wt, Parallel par, Rng initRng) {
        if (inC < 1 || outC < 1 || kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("conv2d needs in, out, kernel, stride >= 1 and padding >= 0; got in="
                    + inC + " out=" + outC + " kernel=" + kernel + " stride=" + stride + " padding=" + padding);
        }
        this.inC = inC; this.outC = outC; this.kernel = kernel; this.stride = stride; this.padding = padding;
        this.transform = wt == null ? WeightTransform.IDENTITY : wt;
        this.par = par == null ? Parallel.serial() : par;
        int fanIn = inC * kernel * kernel;
        Tensor w = Tensor.zeros(outC, inC, kernel, kernel);
        float bound = (float) Math.sqrt(6.0 / fanIn);
        for (int i = 0; i < w.data.length; i++) w.data[i] = (initRng.nextFloat() * 2f - 1f) * bound;
        this.weight = new Param("weight", w, true);
        if (bias) {
            Tensor b = Tensor.zeros(outC);
            float bb = (float) (1.0 / Math.sqrt(fanIn));
            for (int i = 0; i < outC; i++) b.data[i] = (initRng.nextFloat() * 2f - 1f) * bb;
            this.bias = new Param("bias", b, false);
        } else {
            this.bias = null;
        }
        this.biasSum = new float[outC];
    }

    public Param weight() { return weight; }
    /** The bias parameter, or null without bias. */
    public Param bias() { return bias; }
    public int inChannels() { return inC; }
    public int outChannels() { return outC; }
    public int kernel() { return kernel; }
    public int stride() { return stride; }
    public int padding() { return padding; }

    /** Forces a computation path (for tests and benchmarks); SHIFTED fails at forward when it does not apply. */
    public void setAlgorithm(Algorithm a) { this.algorithm = a; }

    private boolean chooseShifted(ConvGeometry g) {
        return switch (algorithm) {
            case IM2COL -> false;
            case AUTO -> ShiftedConv.applies(g) && inC >= SHIFTED_MIN_CHANNELS;
            case SHIFTED -> {
                if (!ShiftedConv.applies(g)) {
                    throw new IllegalStateException("conv2d shifted path needs stride 1 and padding < kernel, has stride "
                            + stride + " padding " + padding);
                }
                yield true;
            }
        };
    }

    @Override
    public int[] outputShape(int[] in) {
        if (in.length != 4) {
            throw new ShapeException("conv2d expects input [batch, channels, height, width], gets " + Arrays.toString(in));
        }
        if (in[1] != inC) throw new ShapeException("conv2d expects " + inC + " input channels, gets " + in[1]);
        if (in[2] + 2 * padding < kernel || in[3] + 2 * padding < kernel) {
            throw new ShapeException("conv2d kernel " + kernel + "x" + kernel + " with padding " + padding
                    + " does not fit input " + in[2] + "x" + in[3]);
        }
        int oh = (in[2] + 2 * padding - kernel) / stride + 1, ow = (in[3] + 2 * padding - kernel) / stride + 1;
        return new int[] {in[0], outC, oh, ow};
    }

    /** Chunk size for a batch: depends on the batch size only. */
    static int grain(int batch) { return Math.max(1, (batch + MAX_CHUNKS - 1) / MAX_CHUNKS); }

    @Override
    public Tensor forward(Tensor input, Mode mode) {
        int[] os = outputShape(input.shape());
        int batch = os[0];
        if (geom == null || !geom.sameAs(inC, input.dim(2), input.dim(3))) {
            geom = new ConvGeometry(inC, input.dim(2), input.dim(3), kernel, kernel, stride, padding);
            shiftedConv = ShiftedConv.applies(geom) ? new ShiftedConv(geom, outC) : null;
        }
        final ConvGeometry g = geom;
        x = input;
        wEff = transform.forward(weight.value, mode);
        y = Tensor.reuse(y, os);
        int grain = grain(batch);
        work = ConvWorkspace.ensure(work, Parallel.chunks(batch, grain));
        final float[] xd = input.data, wd = wEff.data, yd = y.data;
        final float[] bd = bias == null ? null : bias.value.data;
        final int inSize = inC * g.h * g.w, outSize = outC * g.p;
        shifted = chooseShifted(g);
        if (shifted) {
            final ShiftedConv sc = shiftedConv;
            if (wPacked.length < sc.packedWeightSize()) wPacked = new float[sc.packedWeightSize()];
            sc.packWeights(wd, wPacked);
            final float[] wp = wPacked;
            // Training keeps each sample's padded input for the weight gradient (backward then pads nothing).
            final int ps = sc.paddedInputSize();
            padKept = mode == Mode.TRAIN;
            if (padKept && xpadKept.length < batch * ps) xpadKept = new float[batch * ps];
            par.forRange(batch, grain, (s0, s1) -> {
                ConvWorkspace ws = work[s0 / grain];
                float[] xpad = padKept ? xpadKept : ws.padded(ps), wide = ws.dcol(sc.wideSize());
                for (int s = s0; s < s1; s++) {
                    int off = padKept ? s * ps : 0;
                    sc.padInput(xd, s * inSize, xpad, off);
                    sc.forward(xpad, off, wp, bd, yd, s * outSize, wide, ws.tile);
                }
            });
            return y;
        }
        par.forRange(batch, grain, (s0, s1) -> {
            ConvWorkspace ws = work[s0 / grain];
            float[] packed = ws.packed(PackedPanels.size(g.p, g.k));
            for (int s = s0; s < s1; s++) {
                // x[s]: [in, H, W] -> packed col [K, P];  y[s]: [out, P] = W[out, K] · col (+ bias)
                Im2col.packColumns(g, xd, s * inSize, packed, 0);
                int yOff = s * outSize;
                if (bd != null) for (int o = 0; o < outC; o++) Arrays.fill(yd, yOff + o * g.p, yOff + (o + 1) * g.p, bd[o]);
                PackedGemm.multiply(outC, g.p, g.k, wd, 0, false, packed, 0, yd, yOff, bd != null, ws.tile, 0);
            }
        });
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        if (x == null) throw new IllegalStateException("conv2d backward called before forward");
        int batch = x.dim(0);
        final ConvGeometry g = geom;
        if (!gradOut.hasShape(batch, outC, g.oh, g.ow)) {
            throw new ShapeException("conv2d backward expects gradient " + Arrays.toString(new int[] {batch, outC, g.oh, g.ow})
                    + ", gets " + Arrays.toString(gradOut.shape()));
        }
        if (inputGradientNeeded) dx = Tensor.reuse(dx, x.shape());
        gEff = Tensor.reuse(gEff, weight.value.shape());
        final int grain = grain(batch), chunks = Parallel.chunks(batch, grain);
        final int wSize = outC * g.k;
        if (shifted) {
            backwardShifted(g, gradOut, batch, grain);
        } else {
            backwardIm2col(g, gradOut, batch, grain);
        }
        // Chunk partials in chunk order: the same sums for any thread count.
        if (gradSum.length < wSize) gradSum = new float[wSize];
        float[] sum = gradSum;
        System.arraycopy(work[0].partial(0), 0, sum, 0, wSize);
        Arrays.fill(biasSum, 0f);
        for (int c = 0; c < chunks; c++) {
            float[] part = work[c].partial(0);
            if (c > 0) for (int i = 0; i < wSize; i++) sum[i] += part[i];
            if (bias != null) for (int o = 0; o < outC; o++) biasSum[o] += part[wSize + o];
        }
        float[] ge = gEff.data;
        if (shifted) {
            // partials are tap-major [taps][C][O]; the weight is [O][C][taps]
            int taps = kernel * kernel;
            for (int t = 0; t < taps; t++)
                for (int c = 0; c < inC; c++)
                    for (int o = 0; o < outC; o++) ge[(o * inC + c) * taps + t] = sum[(t * inC + c) * outC + o];
        } else {
            System.arraycopy(sum, 0, ge, 0, wSize);
        }
        transform.backward(gEff, weight);
        if (bias != null) {
            float[] bg = bias.grad.data;
            for (int o = 0; o < outC; o++) bg[o] += biasSum[o];
        }
        return inputGradientNeeded ? dx : null;
    }

    @Override
    public void setInputGradientNeeded(boolean needed) { inputGradientNeeded = needed; }

    /** Per-sample bias gradient Σ_P dy[s, o] into part[wSize + o] (overwrite for the chunk's first sample). */
    private void biasPartial(float[] dyd, int dyOff, int p, float[] part, int wSize, boolean first) {
        for (int o = 0; o < outC; o++) {
            double sum = Reductions.sum(dyd, dyOff + o * p, dyOff + (o + 1) * p);
            part[wSize + o] = first ? (float) sum : part[wSize + o] + (float) sum;
        }
    }

    private void backwardShifted(ConvGeometry g, Tensor gradOut, int batch, int grain) {
        final int inSize = inC * g.h * g.w, outSize = outC * g.p, wSize = outC * g.k;
        final boolean needDx = inputGradientNeeded;
        final float[] xd = x.data, wd = wEff.data, dyd = gradOut.data, dxd = needDx ? dx.data : null;
        final ShiftedConv sc = shiftedConv;
        if (needDx) {
            if (wgPacked.length < sc.packedGradWeightSize()) wgPacked = new float[sc.packedGradWeightSize()];
            sc.packGradWeights(wd, wgPacked);
        }
        final float[] wg = wgPacked;
        final boolean kept = padKept;
        final int ps = sc.paddedInputSize();
        par.forRange(batch, grain, (s0, s1) -> {
            ConvWorkspace ws = work[s0 / grain];
            float[] xpad = kept ? xpadKept : ws.padded(ps);
            float[] dypad = needDx ? ws.paddedGrad(sc.paddedGradSize()) : null;
            float[] wide = needDx ? ws.dcol(sc.wideSize()) : null;
            float[] packed = ws.packed(sc.packedGradSize());
            float[] part = ws.partial(wSize + outC);
            for (int s = s0; s < s1; s++) {
                int dyOff = s * outSize;
                boolean first = s == s0;
                // weight: part[taps][C][O] (+)= x_pad (shifted) · dy_wideᵀ
                int off = kept ? s * ps : 0;
                if (!kept) sc.padInput(xd, s * inSize, xpad);
                sc.backwardWeight(xpad, off, dyd, dyOff, part, 0, !first, packed, ws.tile);
                if (bias != null) biasPartial(dyd, dyOff, g.p, part, wSize, first);
                // input: dx[s] = Σ_t W_tᵀ · dy_pad (shifted)
                if (needDx) sc.backwardInput(dyd, dyOff, wg, dxd, s * inSize, dypad, wide, ws.tile);
            }
        });
    }

    private void backwardIm2col(ConvGeometry g, Tensor gradOut, int batch, int grain) {
        final int inSize = inC * g.h * g.w, outSize = outC * g.p, wSize = outC * g.k;
        final boolean needDx = inputGradientNeeded;
        final float[] xd = x.data, wd = wEff.data, dyd = gradOut.data, dxd = needDx ? dx.data : null;
        final int packSize = Math.max(PackedPanels.size(g.k, g.p), PackedPanels.size(g.p, outC));
        par.forRange(batch, grain, (s0, s1) -> {
            ConvWorkspace ws = work[s0 / grain];
            float[] packed = ws.packed(packSize), dcol = ws.dcol(g.k * g.p), part = ws.partial(wSize + outC);
            for (int s = s0; s < s1; s++) {
                int dyOff = s * outSize;
                boolean first = s == s0;
                // weight: part[out, K] (+)= dy[s] [out, P] · colᵀ [P, K]
                Im2col.packRows(g, xd, s * inSize, packed, 0);
                PackedGemm.multiply(outC, g.k, g.p, dyd, dyOff, false, packed, 0, part, 0, !first, ws.tile, 0);
                if (bias != null) biasPartial(dyd, dyOff, g.p, part, wSize, first);
                if (!needDx) continue;
                // input: dcol [K, P] = Wᵀ [K, out] · dy[s] [out, P];  dx[s] = col2im(dcol)
                PackedPanels.pack(false, g.p, outC, dyd, dyOff, packed, 0, 0, PackedPanels.panels(g.p));
                PackedGemm.multiply(g.k, g.p, outC, wd, 0, true, packed, 0, dcol, 0, false, ws.tile, 0);
                Arrays.fill(dxd, s * inSize, (s + 1) * inSize, 0f);
                Im2col.col2im(g, dcol, 0, dxd, s * inSize);
            }
        });
    }

    @Override
    public List<Param> params() {
        List<Param> ps = new ArrayList<>(2);
        ps.add(weight);
        if (bias != null) ps.add(bias);
        return List.copyOf(ps);
    }

    @Override
    public String kind() { return KIND; }
}
