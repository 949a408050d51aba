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

    private final int inC, outC, kernel, stride, padding;
    private final Param weight, bias;
    private final WeightTransform transform;
    private final Parallel par;

    private ConvGeometry geom;
    private ConvWorkspace[] work;
    private Tensor x;          // cached input [B, in, H, W]
    private Tensor wEff;       // cached effective weight [out, in, k, k]
    private Tensor y, dx, gEff;
    private final float[] biasSum;

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
        dx = Tensor.reuse(dx, x.shape());
        gEff = Tensor.reuse(gEff, weight.value.shape());
        final int grain = grain(batch), chunks = Parallel.chunks(batch, grain);
        final int inSize = inC * g.h * g.w, outSize = outC * g.p, wSize = outC * g.k;
        final float[] xd = x.data, wd = wEff.data, dyd = gradOut.data, dxd = dx.data;
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
                // bias: part[wSize + o] (+)= Σ_P dy[s, o]
                for (int o = 0; o < outC; o++) {
                    double sum = 0;
                    for (int i = dyOff + o * g.p, e = i + g.p; i < e; i++) sum += dyd[i];
                    part[wSize + o] = first ? (float) sum : part[wSize + o] + (float) sum;
                }
                // input: dcol [K, P] = Wᵀ [K, out] · dy[s] [out, P];  dx[s] = col2im(dcol)
                PackedPanels.pack(false, g.p, outC, dyd, dyOff, packed, 0, 0, PackedPanels.panels(g.p));
                PackedGemm.multiply(g.k, g.p, outC, wd, 0, true, packed, 0, dcol, 0, false, ws.tile, 0);
                Arrays.fill(dxd, s * inSize, (s + 1) * inSize, 0f);
                Im2col.col2im(g, dcol, 0, dxd, s * inSize);
            }
        });
        // Chunk partials in chunk order: the same sums for any thread count.
        float[] ge = gEff.data;
        System.arraycopy(work[0].partial(0), 0, ge, 0, wSize);
        Arrays.fill(biasSum, 0f);
        for (int c = 0; c < chunks; c++) {
            float[] part = work[c].partial(0);
            if (c > 0) for (int i = 0; i < wSize; i++) ge[i] += part[i];
            for (int o = 0; o < outC; o++) biasSum[o] += part[wSize + o];
        }
        transform.backward(gEff, weight.grad);
        if (bias != null) {
            float[] bg = bias.grad.data;
            for (int o = 0; o < outC; o++) bg[o] += biasSum[o];
        }
        return dx;
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
