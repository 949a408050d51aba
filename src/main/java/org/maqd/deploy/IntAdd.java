package org.maqd.deploy;

/**
 * The integer form of an {@code add} node (a residual sum, then Q_a). Its inputs have different scales: codes of
 * an op with step Δ_k (value Δ_k·code) or the accumulators of a block without Q_a (value p_c·acc + r_c after its
 * folded norm). In units of the add's step Δ_a the exact value is t = Σ_k α_{k,c}·z_k + β_c. The integer engine
 * rescales every input to one fixed-point scale 2^−F with integer multiply-and-shift, as integer-only inference
 * engines add tensors of different scales:
 * <pre>  s = offsets[c] + Σ_k multipliers[k][c]·z_k   (int64),  m = rint(α·2^F), o = rint(β·2^F)</pre>
 * and the output code is the number of {@code thresholds} s reaches: code ≥ j ⟺ s ≥ (2j−1)·2^(F−1) (+1 for odd j,
 * so a tie rounds half to even as Q_a does).
 *
 * <p>Where it can differ from the float model: s/2^F differs from t by at most
 * {@code (Σ_k max|z_k| + 1)/2^(F+1)} ({@link #error()}, from rounding α and β to F bits), so a code can differ only
 * when t is that close to a rounding point j − ½; and, as for every block, where the float32 model's own rounding
 * moves its value across a rounding point. {@code alpha}/{@code beta} keep the exact t for diagnostics.
 */
public record IntAdd(int layer, int[] outShape, int outStates, boolean[] raw, long[][] multipliers, long[] offsets,
                     int shift, long[] thresholds, double error, double[][] alpha, double[] beta) implements IntOp {
    @Override public String kind() { return "add"; }
    @Override public int[] inShape() { return outShape; }

    /** The code for a fixed-point sum s: the number of thresholds reached. */
    public int code(long s) {
        int k = 0;
        for (long t : thresholds) k += s >= t ? 1 : 0;
        return k;
    }
}
