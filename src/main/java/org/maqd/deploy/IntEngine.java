package org.maqd.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.maqd.tensor.Parallel;

/**
 * Runs a {@link FoldedModel} with integer arithmetic only: uint8 activation codes, int8/int16 weights,
 * accumulators of {@code accBits} bits (32 by default; fewer to model a small microcontroller), threshold
 * comparisons, int64 class scores. The input is quantized once, outside: pixel codes 0…255.
 *
 * <p>Overflow: a block whose accumulator bound (Σ|w|·max input code) fits the accumulator cannot overflow, so it
 * runs the fast loop: input-sparse over transposed weights (for every nonzero input code of a window, add the
 * code times that input's weight row to all output channels, {@link DenseKernels}; dense blocks gather the
 * nonzero inputs first and keep blocks of output accumulators in vector registers, over compact int8 rows,
 * {@link DenseRows}, with additions only when the input has 2 states). Otherwise it runs a
 * checked loop that saturates the accumulator at every add, as DSP saturating adds do, and counts the output
 * elements that saturated ({@link Result#saturations()} per op).
 *
 * <p>Each sample is computed independently in a fixed order, so results are identical for any thread count.
 */
public final class IntEngine {
    public static final int DEFAULT_ACC_BITS = 32;
    static final int GRAIN = 32;

    private final FoldedModel model;
    private final int accBits;
    private final long accMax, accMin;
    private final boolean[] checked;
    private final byte[][] rowsT8;
    private final short[][] rowsT16;
    private final DenseRows[] dense;  // dense blocks: compact transposed rows for the register-blocked loop
    private final int maxAcc, maxRow, maxCodes;
    private final List<Workspace> pool = new ArrayList<>();

    public IntEngine(FoldedModel model) { this(model, DEFAULT_ACC_BITS); }

    public IntEngine(FoldedModel model, int accBits) { this(model, accBits, false); }

    /** The reference engine: every block runs the plain checked loop (32-bit, so nothing saturates). */
    static IntEngine reference(FoldedModel model) { return new IntEngine(model, DEFAULT_ACC_BITS, true); }

    private IntEngine(FoldedModel model, int accBits, boolean plain) {
        if (accBits < 2 || accBits > 32) throw new IllegalArgumentException("accumulator bits: expected 2..32, got " + accBits);
        this.model = model;
        this.accBits = accBits;
        this.accMax = (1L << (accBits - 1)) - 1;
        this.accMin = -(1L << (accBits - 1));
        int n = model.ops().size(), acc = 1, rows = 1;
        checked = new boolean[n];
        rowsT8 = new byte[n][];
        rowsT16 = new short[n][];
        dense = new DenseRows[n];
        for (int i = 0; i < n; i++) {
            if (!(model.ops().get(i) instanceof IntBlock b)) continue;
            acc = Math.max(acc, IntOp.size(b.outShape()));
            checked[i] = plain || b.accBound() > accMax;
            if (!checked[i]) transpose(i, b);
            if (dense[i] != null) acc = Math.max(acc, dense[i].stride);
            rows = Math.max(rows, b.outChannels());
        }
        maxAcc = acc;
        maxRow = rows;
        maxCodes = Math.max(model.maxActivations(), acc);   // dense thresholds write whole vectors
    }

    private void transpose(int i, IntBlock b) {
        if (b.dense() && DenseKernels.VECTOR) {
            dense[i] = new DenseRows(b, DenseKernels.LANES);
            return;
        }
        int oc = b.outChannels(), k = b.fanIn();
        short[] w = b.weights();
        if (b.int8()) {
            byte[] t = new byte[w.length];
            for (int o = 0; o < oc; o++) for (int j = 0; j < k; j++) t[j * oc + o] = (byte) w[o * k + j];
            rowsT8[i] = t;
        } else {
            short[] t = new short[w.length];
            for (int o = 0; o < oc; o++) for (int j = 0; j < k; j++) t[j * oc + o] = w[o * k + j];
            rowsT16[i] = t;
        }
    }

    public FoldedModel model() { return model; }
    public int accumulatorBits() { return accBits; }
    /** True when op {@code i} may exceed the accumulator and runs the saturating loop. */
    public boolean checked(int i) { return checked[i]; }

    /** Per-sample scratch: two code buffers, the accumulators, saturation counts per op. */
    public final class Workspace {
        final byte[] a = new byte[maxCodes], b = new byte[maxCodes];
        /** Each op's output codes: two ping-pong buffers for a chain, one buffer per op for a graph. */
        final byte[][] codes = new byte[model.ops().size()][];
        /** Raw blocks' accumulators (graphs only). */
        final int[][] raw = new int[model.ops().size()][];

        Workspace() {
            boolean chain = model.isChain();
            for (int i = 0; i < codes.length; i++) {
                IntOp op = model.ops().get(i);
                if (chain) codes[i] = i % 2 == 0 ? a : b;
                else codes[i] = new byte[Math.max(IntOp.size(op.outShape()), dense[i] == null ? 0 : dense[i].stride)];
                if (op instanceof IntBlock blk && blk.raw()) raw[i] = new int[IntOp.size(op.outShape())];
            }
        }
        final int[] acc = new int[maxAcc];
        final boolean[] sat = new boolean[maxAcc];
        final int[] row = new int[maxRow];
        final long[] saturations = new long[model.ops().size()];
        final int[] nzIndex = new int[model.maxActivations() + model.inputSize()];
        final int[] nzCode = new int[model.maxActivations() + model.inputSize()];
    }

    /** What one sample did in every op (for the equivalence certificate). */
    public final class Trace {
        /** Output codes per op (for the output op: empty). */
        public final byte[][] codes = new byte[model.ops().size()][];
        /** Accumulators per block op (null for pools). */
        public final int[][] acc = new int[model.ops().size()][];
        /** Saturated accumulators per block op. */
        public final boolean[][] saturated = new boolean[model.ops().size()][];

        Trace() {
            for (int i = 0; i < codes.length; i++) {
                IntOp op = model.ops().get(i);
                int size = IntOp.size(op.outShape());
                codes[i] = new byte[op.outStates() <= 0 ? 0 : size];
                if (op instanceof IntBlock) {
                    acc[i] = new int[size];
                    saturated[i] = new boolean[size];
                }
            }
        }
    }

    public Workspace workspace() { return new Workspace(); }
    public Trace trace() { return new Trace(); }

    /** Predictions for a batch, and per op the number of output elements whose accumulator saturated. */
    public record Result(int[] predictions, long[] saturations) {}

    public Result predict(byte[] pixels, int n, Parallel par) {
        int size = model.inputSize();
        if (pixels.length < (long) n * size) {
            throw new IllegalArgumentException("integer engine: " + n + " samples need " + (long) n * size + " pixel codes, got " + pixels.length);
        }
        int chunks = Parallel.chunks(n, GRAIN);
        while (pool.size() < chunks) pool.add(new Workspace());
        for (int c = 0; c < chunks; c++) Arrays.fill(pool.get(c).saturations, 0);
        int[] out = new int[n];
        (par == null ? Parallel.serial() : par).forRange(n, GRAIN, (s0, s1) -> {
            Workspace ws = pool.get(s0 / GRAIN);
            for (int s = s0; s < s1; s++) out[s] = predict(pixels, s * size, ws, null);
        });
        long[] sat = new long[model.ops().size()];
        for (int c = 0; c < chunks; c++) for (int i = 0; i < sat.length; i++) sat[i] += pool.get(c).saturations[i];
        return new Result(out, sat);
    }

    /** One sample: pixel codes at {@code pixels[off …]}; returns the class. {@code trace} may be null. */
    public int predict(byte[] pixels, int off, Workspace ws, Trace trace) {
        List<IntOp> ops = model.ops();
        int prediction = -1;
        for (int i = 0; i < ops.size(); i++) {
            IntOp op = ops.get(i);
            int src = model.inputs().get(i)[0];
            byte[] in = src < 0 ? pixels : ws.codes[src];
            int inOff = src < 0 ? off : 0;
            byte[] out = ws.codes[i];
            if (op instanceof IntAdd a) {
                IntMerges.add(a, model.inputs().get(i), ws.codes, ws.raw, out);
            } else if (op instanceof IntConcat c) {
                IntMerges.concat(c, model.inputs().get(i), ws.codes, out);
            } else if (op instanceof IntMaxPool p) {
                maxPool(p, in, inOff, out);
            } else if (op instanceof IntSumPool p) {
                sumPool(p, in, inOff, out);
            } else {
                IntBlock b = (IntBlock) op;
                accumulate(i, b, in, inOff, ws);
                if (trace != null) {
                    System.arraycopy(ws.acc, 0, trace.acc[i], 0, trace.acc[i].length);
                    System.arraycopy(ws.sat, 0, trace.saturated[i], 0, trace.saturated[i].length);
                }
                if (b.isOutput()) prediction = argmax(b, ws.acc);
                else if (b.raw()) System.arraycopy(ws.acc, 0, ws.raw[i], 0, ws.raw[i].length);
                else if (dense[i] != null) {
                    DenseRows r = dense[i];
                    DenseKernels.threshold(ws.acc, r.direction, r.thresholds, b.thresholdCount(), r.stride, out);
                } else threshold(b, ws.acc, out);
            }
            if (trace != null && op.outStates() > 0) System.arraycopy(out, 0, trace.codes[i], 0, trace.codes[i].length);
        }
        return prediction;
    }

    // in: codes [C, H, W] -> ws.acc [O, OH, OW]
    private void accumulate(int i, IntBlock b, byte[] in, int inOff, Workspace ws) {
        int oc = b.outChannels();
        int[] acc = ws.acc;
        if (checked[i]) {
            convolve(i, b, in, inOff, ws);
        } else if (dense[i] != null) {
            DenseRows r = dense[i];
            int[] idx = ws.nzIndex, code = ws.nzCode;
            int nnz = DenseKernels.nonzeros(in, inOff, r.inputs, r.stride, idx, code);
            if (r.w8 == null) DenseKernels.accumulate(acc, r.w16, r.stride, idx, code, nnz);
            else if (b.inStates() == 2) DenseKernels.addRows(acc, r.w8, r.stride, idx, nnz);   // codes 0/1
            else DenseKernels.accumulate(acc, r.w8, r.stride, idx, code, nnz);
            if (r.scale != 1 || r.plusCodeSum) {
                int codeSum = 0;
                if (r.plusCodeSum) for (int t = 0; t < nnz; t++) codeSum += code[t];
                for (int o = 0; o < oc; o++) acc[o] = r.scale * acc[o] + codeSum;
            }
            Arrays.fill(ws.sat, 0, oc, false);
        } else {
            convolveFast(i, b, in, inOff, ws);
        }
    }

    /** Per output position: the sum of transposed weight rows scaled by the nonzero input codes of its window. */
    private void convolveFast(int i, IntBlock b, byte[] in, int inOff, Workspace ws) {
        int[] is = b.inShape(), os = b.outShape();
        int ic = is[0], h = is[1], w = is[2], oc = os[0], oh = os[1], ow = os[2], p = oh * ow;
        int kh = b.kernelH(), kw = b.kernelW(), st = b.stride(), pad = b.padding();
        byte[] t8 = rowsT8[i];
        short[] t16 = rowsT16[i];
        int[] row = ws.row, acc = ws.acc;
        Arrays.fill(ws.sat, 0, oc * p, false);
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                Arrays.fill(row, 0, oc, 0);
                for (int c = 0; c < ic; c++) {
                    for (int ky = 0; ky < kh; ky++) {
                        int iy = y * st + ky - pad;
                        if (iy < 0 || iy >= h) continue;
                        int base = inOff + (c * h + iy) * w;
                        for (int kx = 0; kx < kw; kx++) {
                            int ix = x * st + kx - pad;
                            if (ix < 0 || ix >= w) continue;
                            int code = in[base + ix] & 0xFF;
                            if (code == 0) continue;
                            int tap = ((c * kh + ky) * kw + kx) * oc;
                            if (t8 != null) DenseKernels.addScaled(row, t8, tap, code, oc);
                            else DenseKernels.addScaled(row, t16, tap, code, oc);
                        }
                    }
                }
                int q = y * ow + x;
                for (int o = 0; o < oc; o++) acc[o * p + q] = row[o];
            }
        }
    }

    private void convolve(int i, IntBlock b, byte[] in, int inOff, Workspace ws) {
        int[] is = b.inShape(), os = b.outShape();
        int ic = is[0], h = is[1], w = is[2], oh = os[1], ow = os[2];
        int kh = b.kernelH(), kw = b.kernelW(), st = b.stride(), pad = b.padding(), fan = b.fanIn();
        short[] wt = b.weights();
        boolean check = checked[i];
        int[] acc = ws.acc;
        boolean[] sat = ws.sat;
        for (int o = 0; o < os[0]; o++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    long s = 0;
                    boolean hit = false;
                    for (int c = 0; c < ic; c++) {
                        for (int ky = 0; ky < kh; ky++) {
                            int iy = y * st + ky - pad;
                            if (iy < 0 || iy >= h) continue;
                            int row = inOff + (c * h + iy) * w, wrow = o * fan + (c * kh + ky) * kw;
                            for (int kx = 0; kx < kw; kx++) {
                                int ix = x * st + kx - pad;
                                if (ix < 0 || ix >= w) continue;
                                s += (in[row + ix] & 0xFF) * wt[wrow + kx];
                                if (check) {
                                    if (s > accMax) { s = accMax; hit = true; }
                                    else if (s < accMin) { s = accMin; hit = true; }
                                }
                            }
                        }
                    }
                    int idx = (o * oh + y) * ow + x;
                    acc[idx] = (int) s;
                    sat[idx] = hit;
                    if (hit) ws.saturations[i]++;
                }
            }
        }
    }

    // acc [O, P] -> codes [O, P]: the number of thresholds direction·acc reaches
    private static void threshold(IntBlock b, int[] acc, byte[] out) {
        int oc = b.outChannels(), p = b.outShape()[1] * b.outShape()[2], n = b.thresholdCount();
        int[] thr = b.thresholds();
        byte[] dir = b.direction();
        for (int o = 0; o < oc; o++) {
            int t0 = o * n, d = dir[o];
            for (int q = o * p, e = q + p; q < e; q++) {
                int v = d * acc[q];
                int k = 0;
                for (int j = 0; j < n; j++) k += v >= thr[t0 + j] ? 1 : 0;   // ascending thresholds: count, no branch
                out[q] = (byte) k;
            }
        }
    }

    /** The first class with the largest int64 score m·acc + o. */
    static int argmax(IntBlock b, int[] acc) {
        long[] m = b.multipliers(), off = b.offsets();
        int best = 0;
        long bv = Long.MIN_VALUE;
        for (int c = 0; c < m.length; c++) {
            long s = m[c] * acc[c] + off[c];
            if (s > bv) { bv = s; best = c; }
        }
        return best;
    }

    private static void sumPool(IntSumPool p, byte[] in, int inOff, byte[] out) {
        int[] is = p.inShape(), os = p.outShape();
        int h = is[1], w = is[2], oh = os[1], ow = os[2], kh = p.kernelH(), kw = p.kernelW(), st = p.stride();
        int q = 0;
        for (int c = 0; c < is[0]; c++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    int sum = 0;
                    for (int ky = 0; ky < kh; ky++) {
                        int row = inOff + (c * h + y * st + ky) * w + x * st;
                        for (int kx = 0; kx < kw; kx++) sum += in[row + kx] & 0xFF;
                    }
                    out[q++] = (byte) sum;
                }
            }
        }
    }

    private static void maxPool(IntMaxPool p, byte[] in, int inOff, byte[] out) {
        int[] is = p.inShape(), os = p.outShape();
        int h = is[1], w = is[2], oh = os[1], ow = os[2], k = p.kernel(), st = p.stride();
        int q = 0;
        for (int c = 0; c < is[0]; c++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    int best = 0;
                    for (int ky = 0; ky < k; ky++) {
                        int row = inOff + (c * h + y * st + ky) * w + x * st;
                        for (int kx = 0; kx < k; kx++) best = Math.max(best, in[row + kx] & 0xFF);
                    }
                    out[q++] = (byte) best;
                }
            }
        }
    }
}
