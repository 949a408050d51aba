package org.maqd.nn;

import java.util.ArrayList;
import java.util.List;
import org.maqd.tensor.Gemm;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;
import org.maqd.tensor.fast.TransposePack;

/**
 * Fully connected layer y = x·W_effᵀ + b with W_eff = transform(W) computed once per forward (weight
 * standardization and quantization live in the transform). Weight {@code [out, in]} as in PyTorch.
 * Init: uniform(−1/√in, 1/√in) for weight and bias (PyTorch's default). Batches of at most
 * {@link SmallBatchKernels#MAX_BATCH} rows use {@link SmallBatchKernels} (W read in place), larger ones the GEMM.
 */
public final class Linear implements Layer {
    private final int in, out;
    private final Param weight;
    private final Param bias;
    private final WeightTransform transform;
    private final Parallel par;
    private Tensor x;          // cached input  [B, in]
    private Tensor y;          // output        [B, out]
    private Tensor yT;         // yᵀ            [out, B] (batches smaller than out)
    private Tensor gx;         // grad input    [B, in]
    private boolean inputGradientNeeded = true;
    private Tensor gwEff;      // grad W_eff    [out, in]
    private Tensor wEff;       // effective weight of the last forward
    private final SmallBatchKernels small;
    // small batches: the products row by row inside the weight transform's passes (same operations per row)
    private int rowsB;
    private float[] rowsGy;
    private final WeightTransform.RowSink forwardSink = new WeightTransform.RowSink() {
        @Override public void row(int r, float[] eff) { forwardRow(r, eff); }
        @Override public void rows(int r0, int r1, float[] eff) {
            SmallBatchKernels.forwardOutputs(rowsB, in, out, x.data, eff, y.data, r0, r1);
        }
    };
    // the fused backward's input gradient: each chunk of W's rows adds its part here, on the thread that ran it
    // (W_eff's rows stay on the core that wrote them in the forward; read by columns, half of them crossed)
    private float[] gxParts = new float[0];
    private boolean gxPartsWanted;
    private final WeightTransform.RowSource gradientSource = new WeightTransform.RowSource() {
        @Override public void row(int r, float[] dst, int off) { gradientRow(r, dst, off); }
        @Override public void rowsDone(int r0, int r1) {
            if (!gxPartsWanted) return;
            int part = r0 / WeightTransform.rowGrain(in) * rowsB * in;   // fusedParts: the parts are these chunks
            SmallBatchKernels.inputGradPartial(rowsB, in, out, rowsGy, wEff.data, gxParts, part, r0, r1);
        }
    };
    // the transposed forward's yᵀ → y, in chunks of 16 samples (built once: a step allocates nothing)
    private int transposedB;
    private final Parallel.RangeBody transposeBody = this::transposeRange;

    private void transposeRange(int c0, int c1) {
        transpose(yT.data, y.data, out, transposedB, c0 * 16, Math.min(transposedB, c1 * 16));
    }

    // y[:, r] from row r of W_eff (the small-batch forward's operations for that output)
    private void forwardRow(int r, float[] eff) {
        SmallBatchKernels.forwardOutputs(rowsB, in, out, x.data, eff, y.data, r, r + 1);
    }

    // row r of dW_eff = gyᵀ·x (the small-batch weight gradient's operations for that row)
    private void gradientRow(int r, float[] dst, int off) {
        SmallBatchKernels.weightGradRow(rowsB, in, out, rowsGy, x.data, r, dst, off);
    }

    public Linear(int in, int out, boolean bias, WeightTransform transform, Parallel par, Rng rng) {
        this.in = in;
        this.out = out;
        this.transform = transform == null ? WeightTransform.IDENTITY : transform;
        this.par = par;
        float bound = (float) (1.0 / Math.sqrt(in));
        this.weight = new Param("weight", Tensor.zeros(out, in), true);
        for (int i = 0; i < weight.value.data.length; i++) weight.value.data[i] = (rng.nextFloat() * 2 - 1) * bound;
        if (bias) {
            this.bias = new Param("bias", Tensor.zeros(out), false);
            for (int i = 0; i < out; i++) this.bias.value.data[i] = (rng.nextFloat() * 2 - 1) * bound;
        } else {
            this.bias = null;
        }
        this.gwEff = Tensor.zeros(out, in);
        this.small = new SmallBatchKernels(par);
    }

    @Override public String kind() { return "linear"; }
    public int inFeatures() { return in; }
    public int outFeatures() { return out; }
    public Param weight() { return weight; }
    public Param bias() { return bias; }
    public WeightTransform transform() { return transform; }

    @Override
    public int[] outputShape(int[] s) {
        int features = 1;
        for (int i = 1; i < s.length; i++) features *= s[i];
        if (s.length != 2) throw new ShapeException("linear expects a flat input [batch, features]; gets " + java.util.Arrays.toString(java.util.Arrays.copyOfRange(s, 1, s.length)) + " (add a flatten layer before it)");
        if (features != in) throw new ShapeException("linear expects " + in + " inputs, gets " + features);
        return new int[] {s[0], out};
    }

    @Override
    public Tensor forward(Tensor input, Mode mode) {
        int b = input.dim(0);
        if (input.perItem() != in) throw new ShapeException("linear expects " + in + " inputs, gets " + input.perItem());
        x = input;
        y = Tensor.reuse(y, b, out);
        // y[B,out] = x[B,in] · W_eff[out,in]ᵀ
        if (b <= SmallBatchKernels.MAX_BATCH) {
            rowsB = b;
            wEff = transform.forwardRows(weight.value, mode, forwardSink, (long) b * in);
            if (wEff == null) {
                wEff = transform.forward(weight.value, mode);
                small.forward(b, in, out, input.data, wEff.data, y.data);
            }
        } else {
            wEff = transform.forward(weight.value, mode);
            if (out > b) forwardTransposed(b, input.data, wEff.data);
            else Gemm.gemm(par, false, true, b, out, in, input.data, 0, wEff.data, 0, y.data, 0, false);
        }
        if (bias != null) {
            float[] yd = y.data, bd = bias.value.data;
            for (int r = 0; r < b; r++) for (int o = 0; o < out; o++) yd[r * out + o] += bd[o];
        }
        return y;
    }

    /**
     * y = x·W_effᵀ as yᵀ = W_eff·xᵀ, transposed back: the GEMM packs its transposed B operand, which is then x
     * ({@code b × in} floats) instead of W_eff ({@code out × in}), while W_eff is read in place. Every element
     * is the same FMA chain over the inputs as in the direct product (the GEMM's guarantee; fma(a, b, c) =
     * fma(b, a, c)), so the bits are the same.
     */
    private void forwardTransposed(int b, float[] xd, float[] w) {
        yT = Tensor.reuse(yT, out, b);
        Gemm.gemm(par, false, true, out, b, in, w, 0, xd, 0, yT.data, 0, false);
        transposedB = b;
        par.forRange((b + 15) / 16, 1, transposeBody);   // 16 output rows (samples) per chunk, on both threads
    }

    /** dst[c][r] = src[r][c] for src of {@code rows × cols}. */
    static void transpose(float[] src, float[] dst, int rows, int cols) {
        transpose(src, dst, rows, cols, 0, cols);
    }

    /** {@link #transpose(float[], float[], int, int)} for the columns [cFrom, cTo) of src (rows of dst). */
    static void transpose(float[] src, float[] dst, int rows, int cols, int cFrom, int cTo) {
        TransposePack.transpose(src, 0, cols, dst, 0, rows, 0, rows, cFrom, cTo);
    }

    @Override
    public Tensor backward(Tensor gy) {
        int b = gy.dim(0);
        // dW_eff[out,in] = gyᵀ[out,B] · x[B,in]; at a small batch row by row into the transform's backward
        rowsB = b;
        rowsGy = gy.data;
        boolean smallBatch = b <= SmallBatchKernels.MAX_BATCH;
        int chunks = SmallBatchKernels.rowChunks(in, out);
        boolean parts = smallBatch && inputGradientNeeded && SmallBatchKernels.fusedParts(in, out);
        gxPartsWanted = parts;
        if (parts && gxParts.length < chunks * b * in) gxParts = new float[chunks * SmallBatchKernels.MAX_BATCH * in];
        boolean fused;
        try {
            fused = smallBatch && transform.backwardRows(gradientSource, (long) b * in * (parts ? 2 : 1), weight);
        } finally {
            gxPartsWanted = false;
            rowsGy = null;
        }
        if (!fused) {
            if (smallBatch) small.weightGrad(b, in, out, gy.data, x.data, gwEff.data);
            else Gemm.gemm(par, true, false, out, in, b, gy.data, 0, x.data, 0, gwEff.data, 0, false);
            transform.backward(gwEff, weight);
        }
        if (bias != null) {
            float[] gb = bias.grad.data, g = gy.data;
            for (int r = 0; r < b; r++) for (int o = 0; o < out; o++) gb[o] += g[r * out + o];
        }
        if (!inputGradientNeeded) return null;
        // dx[B,in] = gy[B,out] · W_eff[out,in]
        gx = Tensor.reuse(gx, b, in);
        if (fused && parts) SmallBatchKernels.inputGradSum(b, in, chunks, gxParts, gx.data);   // the parts, in order
        else if (smallBatch) small.inputGrad(b, in, out, gy.data, wEff.data, gx.data);
        else Gemm.gemm(par, false, false, b, in, out, gy.data, 0, wEff.data, 0, gx.data, 0, false);
        return gx.view(x.shape());
    }

    @Override
    public void setInputGradientNeeded(boolean needed) { inputGradientNeeded = needed; }

    @Override
    public List<Param> params() {
        List<Param> p = new ArrayList<>();
        p.add(weight);
        if (bias != null) p.add(bias);
        return p;
    }
}
