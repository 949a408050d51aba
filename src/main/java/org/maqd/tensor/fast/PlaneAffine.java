package org.maqd.tensor.fast;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The elementwise passes of the batch-statistic norms (BN, LBN) over the planes {@code [p0, p1)} of
 * {@code [B, C, S]} data, plane p holding channel {@code c = p mod C} at {@code [p·S, (p+1)·S)}, with per-channel
 * constants: forward {@code h = (x − m_c)·inv_c, y = g_c·h + b_c} (h stored unless null), evaluation
 * {@code h = (x − m_c)·inv_c, y = sc_c·x + sh_c}, backward {@code dx = a_c·dy + b_c·h + k_c}, and the backward's
 * per-plane Σdy and Σdy·h.
 * For {@code S = 1} (the [B, C] row layout) a chunk of whole rows runs as vectors along the channels, otherwise
 * each plane runs as vectors along its elements.
 *
 * <p>Bits: the vector forms do per lane exactly the float operations of the plain loops ({@code *Plain}, the
 * reference), in the same order, operands in the same order (NaN payloads) and without fused multiply-adds, so
 * every element has the plain loops' bits; {@link #sumAndDotOf} has the accumulator chains of {@link Reductions#sum}
 * and {@link Reductions#dot}.
 *
 * <p>Compilation (why the kernels look the way they do; docs/kernels.md, "The norm passes and C2"). On JDK 17 a
 * {@code FloatVector}/{@code DoubleVector} stays in a register only while C2 sees every use of it inside one
 * compiled method with the Vector API calls inlined. A vector passed to a call that is not inlined, or live across
 * one, is allocated (a box: object plus payload array; {@code EnableVectorReboxing} is off), on every iteration if a
 * loop carries it. Which calls C2 inlines depends on budgets (NodeCountInliningCutoff, InlineSmallCode,
 * MaxInlineLevel 15, LiveNodeCountInliningCutoff for delayed inlines), so on compile order. The reverted version
 * had a {@code laneSum(DoubleVector)} helper here and small entry points inlined into their callers, where a
 * {@code convertShape(F2D, D, 1)} (about 15 levels of Vector API calls by itself) needed delayed inlining. So
 * every kernel below
 * <ul>
 *   <li>calls nothing but the Vector API (force-inlined intrinsics): lane sums and scalar tails are written out,
 *       no method takes or returns a vector;</li>
 *   <li>is one entry for a whole chunk of planes (both layouts inside) with more than FreqInlineSize (325) bytes
 *       of bytecode: C2 never inlines it ("hot method too big"), so it is always compiled as its own root, where
 *       the deepest widening chain ends at inline level 15 and the graph stays below the node cutoff, whatever
 *       calls it;</li>
 *   <li>holds at most four widening conversions (eight in one method passed the node cutoff by themselves).</li>
 * </ul>
 * {@code KernelBytecode} (tests) checks the first two on the bytecode; {@code NormsTest} with
 * {@code -XX:-IncrementalInline} (no delayed inlining) shows the rest.
 */
public final class PlaneAffine {
    private PlaneAffine() {}

    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector step. */
    static final int LANES = F.length();

    /** {@code h = (x − mean_c)·inv_c}, {@code out = g_c·h + b_c} over planes [p0, p1) of S elements, C channels. */
    public static void normalize(float[] x, float[] mean, float[] inv, float[] g, float[] b, float[] h, float[] out,
                                 int p0, int p1, int s, int cs) {
        if (s == 1 && p0 % cs == 0 && p1 % cs == 0) {              // rows: vectors along the channels
            int vc = cs / LANES * LANES;
            for (int o = p0; o < p1; o += cs) {
                int c = 0;
                if (h == null) {                                      // x̂ recomputed where needed (*Of kernels)
                    for (; c < vc; c += LANES) {
                        FloatVector v = FloatVector.fromArray(F, x, o + c).sub(FloatVector.fromArray(F, mean, c))
                                .mul(FloatVector.fromArray(F, inv, c));
                        FloatVector.fromArray(F, g, c).mul(v).add(FloatVector.fromArray(F, b, c)).intoArray(out, o + c);
                    }
                } else {
                    for (; c < vc; c += LANES) {
                        FloatVector v = FloatVector.fromArray(F, x, o + c).sub(FloatVector.fromArray(F, mean, c))
                                .mul(FloatVector.fromArray(F, inv, c));
                        v.intoArray(h, o + c);
                        FloatVector.fromArray(F, g, c).mul(v).add(FloatVector.fromArray(F, b, c)).intoArray(out, o + c);
                    }
                }
                for (; c < cs; c++) {
                    float v = (x[o + c] - mean[c]) * inv[c];
                    if (h != null) h[o + c] = v;
                    out[o + c] = g[c] * v + b[c];
                }
            }
            return;
        }
        int c = p0 % cs;                                              // planes: vectors along each plane
        for (int p = p0; p < p1; p++) {
            float m = mean[c], iv = inv[c], gc = g[c], bc = b[c];
            FloatVector gv = FloatVector.broadcast(F, gc);           // g·v as in the plain loop (NaN payloads)
            int i = p * s, to = i + s;
            if (h == null) {                                          // x̂ recomputed where needed (*Of kernels)
                for (; i <= to - LANES; i += LANES) {
                    gv.mul(FloatVector.fromArray(F, x, i).sub(m).mul(iv)).add(bc).intoArray(out, i);
                }
                for (; i < to; i++) out[i] = gc * ((x[i] - m) * iv) + bc;
            } else {
                for (; i <= to - LANES; i += LANES) {
                    FloatVector v = FloatVector.fromArray(F, x, i).sub(m).mul(iv);
                    v.intoArray(h, i);
                    gv.mul(v).add(bc).intoArray(out, i);
                }
                for (; i < to; i++) {
                    float v = (x[i] - m) * iv;
                    h[i] = v;
                    out[i] = gc * v + bc;
                }
            }
            if (++c == cs) c = 0;
        }
    }

    /** The reference of {@link #normalize}: the norms' plain loops (rows for S = 1, planes otherwise). */
    public static void normalizePlain(float[] x, float[] mean, float[] inv, float[] g, float[] b, float[] h,
                                      float[] out, int p0, int p1, int s, int cs) {
        if (s == 1 && p0 % cs == 0 && p1 % cs == 0) {
            for (int r = p0; r < p1; r += cs) {
                for (int c = 0; c < cs; c++) {
                    float v = (x[r + c] - mean[c]) * inv[c];
                    h[r + c] = v;
                    out[r + c] = g[c] * v + b[c];
                }
            }
            return;
        }
        int c = p0 % cs;
        for (int p = p0; p < p1; p++) {
            float m = mean[c], iv = inv[c], gc = g[c], bc = b[c];
            for (int i = p * s, e = i + s; i < e; i++) {
                float v = (x[i] - m) * iv;
                h[i] = v;
                out[i] = gc * v + bc;
            }
            if (++c == cs) c = 0;
        }
    }

    /** {@code h = (x − mean_c)·inv_c}, {@code out = sc_c·x + sh_c} over planes [p0, p1). */
    public static void evaluate(float[] x, float[] mean, float[] inv, float[] sc, float[] sh, float[] h, float[] out,
                                int p0, int p1, int s, int cs) {
        if (s == 1 && p0 % cs == 0 && p1 % cs == 0) {
            int vc = cs / LANES * LANES;
            for (int o = p0; o < p1; o += cs) {
                int c = 0;
                if (h == null) {
                    for (; c < vc; c += LANES) {
                        FloatVector.fromArray(F, sc, c).mul(FloatVector.fromArray(F, x, o + c))
                                .add(FloatVector.fromArray(F, sh, c)).intoArray(out, o + c);
                    }
                } else {
                    for (; c < vc; c += LANES) {
                        FloatVector xv = FloatVector.fromArray(F, x, o + c);
                        xv.sub(FloatVector.fromArray(F, mean, c)).mul(FloatVector.fromArray(F, inv, c)).intoArray(h, o + c);
                        FloatVector.fromArray(F, sc, c).mul(xv).add(FloatVector.fromArray(F, sh, c)).intoArray(out, o + c);
                    }
                }
                for (; c < cs; c++) {
                    if (h != null) h[o + c] = (x[o + c] - mean[c]) * inv[c];
                    out[o + c] = sc[c] * x[o + c] + sh[c];
                }
            }
            return;
        }
        int c = p0 % cs;
        for (int p = p0; p < p1; p++) {
            float m = mean[c], iv = inv[c], scc = sc[c], shc = sh[c];
            FloatVector scv = FloatVector.broadcast(F, scc);
            int i = p * s, to = i + s;
            if (h == null) {
                for (; i <= to - LANES; i += LANES) scv.mul(FloatVector.fromArray(F, x, i)).add(shc).intoArray(out, i);
                for (; i < to; i++) out[i] = scc * x[i] + shc;
            } else {
                for (; i <= to - LANES; i += LANES) {
                    FloatVector xv = FloatVector.fromArray(F, x, i);
                    xv.sub(m).mul(iv).intoArray(h, i);
                    scv.mul(xv).add(shc).intoArray(out, i);
                }
                for (; i < to; i++) {
                    h[i] = (x[i] - m) * iv;
                    out[i] = scc * x[i] + shc;
                }
            }
            if (++c == cs) c = 0;
        }
    }

    /** The reference of {@link #evaluate}: the norms' plain loops. */
    public static void evaluatePlain(float[] x, float[] mean, float[] inv, float[] sc, float[] sh, float[] h,
                                     float[] out, int p0, int p1, int s, int cs) {
        if (s == 1 && p0 % cs == 0 && p1 % cs == 0) {
            for (int r = p0; r < p1; r += cs) {
                for (int c = 0; c < cs; c++) {
                    h[r + c] = (x[r + c] - mean[c]) * inv[c];
                    out[r + c] = sc[c] * x[r + c] + sh[c];
                }
            }
            return;
        }
        int c = p0 % cs;
        for (int p = p0; p < p1; p++) {
            float m = mean[c], iv = inv[c], scc = sc[c], shc = sh[c];
            for (int i = p * s, e = i + s; i < e; i++) {
                h[i] = (x[i] - m) * iv;
                out[i] = scc * x[i] + shc;
            }
            if (++c == cs) c = 0;
        }
    }

    /**
     * {@code out = a_c·d + b_c·h + k_c} over planes [p0, p1): the norms' plain loops, the reference of
     * {@link #gradientOf}.
     */
    public static void gradientPlain(float[] a, float[] b, float[] k, float[] d, float[] h, float[] out,
                                     int p0, int p1, int s, int cs) {
        if (s == 1 && p0 % cs == 0 && p1 % cs == 0) {
            for (int r = p0; r < p1; r += cs) {
                for (int c = 0; c < cs; c++) out[r + c] = a[c] * d[r + c] + b[c] * h[r + c] + k[c];
            }
            return;
        }
        int c = p0 % cs;
        for (int p = p0; p < p1; p++) {
            float ac = a[c], bc = b[c], kc = k[c];
            for (int i = p * s, e = i + s; i < e; i++) out[i] = ac * d[i] + bc * h[i] + kc;
            if (++c == cs) c = 0;
        }
    }

    /**
     * {@code out = a_c·d + b_c·x̂ + k_c} over planes [p0, p1), with x̂ recomputed from the norm's input x exactly as
     * {@link #normalize} computes it ({@code (x − mean_c)·inv_c} in float) instead of read from a stored x̂: the
     * bits of {@link #gradientPlain} on the stored x̂, with one tensor fewer written in forward and kept until
     * backward.
     */
    public static void gradientOf(float[] a, float[] b, float[] k, float[] d, float[] x, float[] mean, float[] inv,
                                  float[] out, int p0, int p1, int s, int cs) {
        if (s == 1 && p0 % cs == 0 && p1 % cs == 0) {              // rows: vectors along the channels
            int vc = cs / LANES * LANES;
            for (int o = p0; o < p1; o += cs) {
                int c = 0;
                for (; c < vc; c += LANES) {
                    FloatVector h = FloatVector.fromArray(F, x, o + c).sub(FloatVector.fromArray(F, mean, c))
                            .mul(FloatVector.fromArray(F, inv, c));
                    FloatVector.fromArray(F, a, c).mul(FloatVector.fromArray(F, d, o + c))
                            .add(FloatVector.fromArray(F, b, c).mul(h))
                            .add(FloatVector.fromArray(F, k, c)).intoArray(out, o + c);
                }
                for (; c < cs; c++) out[o + c] = a[c] * d[o + c] + b[c] * ((x[o + c] - mean[c]) * inv[c]) + k[c];
            }
            return;
        }
        int c = p0 % cs;
        for (int p = p0; p < p1; p++) {
            float ac = a[c], bc = b[c], kc = k[c], m = mean[c], iv = inv[c];
            FloatVector av = FloatVector.broadcast(F, ac), bv = FloatVector.broadcast(F, bc);
            int i = p * s, to = i + s;
            for (; i <= to - LANES; i += LANES) {
                FloatVector h = FloatVector.fromArray(F, x, i).sub(m).mul(iv);
                av.mul(FloatVector.fromArray(F, d, i)).add(bv.mul(h)).add(kc).intoArray(out, i);
            }
            for (; i < to; i++) out[i] = ac * d[i] + bc * ((x[i] - m) * iv) + kc;
            if (++c == cs) c = 0;
        }
    }

    /**
     * For every plane p in [p0, p1): {@code sums[p] = Σ d} and {@code dots[p] = Σ d·x̂} over its S elements, with
     * x̂ recomputed from x as in {@link #gradientOf} ({@code (x − mean_c)·inv_c} in float): in one pass, the same
     * two double accumulator chains each as Reductions.sum and Reductions.dot on the stored x̂ (and the same lane and
     * tail order), so the same bits; the four chains are independent, so the adds overlap instead of waiting on
     * each other's latency. Over a stored x̂ (LN, GN), pass it as x with mean 0 and inv 1 ({@code (h − 0)·1 = h}
     * exactly, −0 and NaN included).
     */
    public static void sumAndDotOf(float[] d, float[] x, float[] mean, float[] inv, int p0, int p1, int s, int cs,
                                   double[] sums, double[] dots) {
        final VectorSpecies<Double> dd = Reductions.D;
        final VectorSpecies<Float> ff = Reductions.F;
        final int lanes = Reductions.LANES;
        int c = p0 % cs;
        for (int p = p0; p < p1; p++) {
            int i = p * s, to = i + s;
            float m = mean[c], iv = inv[c];
            double sd = 0, sx = 0;
            if (lanes > 0 && s >= lanes) {
                DoubleVector a0 = DoubleVector.zero(dd), a1 = a0, b0 = a0, b1 = a0;
                for (; i <= to - lanes; i += lanes) {
                    FloatVector u = FloatVector.fromArray(ff, d, i), v = FloatVector.fromArray(ff, x, i).sub(m).mul(iv);
                    DoubleVector u0 = (DoubleVector) u.convertShape(VectorOperators.F2D, dd, 0);
                    DoubleVector u1 = (DoubleVector) u.convertShape(VectorOperators.F2D, dd, 1);
                    a0 = a0.add(u0);
                    a1 = a1.add(u1);
                    b0 = b0.add(u0.mul((DoubleVector) v.convertShape(VectorOperators.F2D, dd, 0)));
                    b1 = b1.add(u1.mul((DoubleVector) v.convertShape(VectorOperators.F2D, dd, 1)));
                }
                DoubleVector a = a0.add(a1), t = b0.add(b1);             // lanes left to right, as Reductions
                sd = a.lane(0);
                sx = t.lane(0);
                for (int j = 1; j < dd.length(); j++) {
                    sd += a.lane(j);
                    sx += t.lane(j);
                }
            }
            for (; i < to; i++) {
                sd += d[i];
                sx += (double) d[i] * ((x[i] - m) * iv);
            }
            sums[p] = sd;
            dots[p] = sx;
            if (++c == cs) c = 0;
        }
    }

    /**
     * For every plane p in [p0, p1): {@code out[p] = Reductions.sum(x, p·S, (p+1)·S)} when {@code mean} is null,
     * else {@code out[p] = Reductions.sumSq(x, p·S, (p+1)·S, mean[p mod C])}: the same accumulator chains, lane
     * order and tail, so the same bits (the forward's batch statistics, first and second pass).
     */
    public static void planeSums(float[] x, double[] mean, int p0, int p1, int s, int cs, double[] out) {
        final VectorSpecies<Double> dd = Reductions.D;
        final VectorSpecies<Float> ff = Reductions.F;
        final int lanes = Reductions.LANES;
        int c = p0 % cs;
        for (int p = p0; p < p1; p++) {
            int i = p * s, to = i + s;
            double acc = 0;
            if (mean == null) {
                if (lanes > 0 && s >= lanes) {
                    DoubleVector a0 = DoubleVector.zero(dd), a1 = a0;
                    for (; i <= to - lanes; i += lanes) {
                        FloatVector v = FloatVector.fromArray(ff, x, i);
                        a0 = a0.add((DoubleVector) v.convertShape(VectorOperators.F2D, dd, 0));
                        a1 = a1.add((DoubleVector) v.convertShape(VectorOperators.F2D, dd, 1));
                    }
                    DoubleVector a = a0.add(a1);
                    acc = a.lane(0);
                    for (int j = 1; j < dd.length(); j++) acc += a.lane(j);
                }
                for (; i < to; i++) acc += x[i];
            } else {
                double m = mean[c];
                if (lanes > 0 && s >= lanes) {
                    DoubleVector a0 = DoubleVector.zero(dd), a1 = a0;
                    for (; i <= to - lanes; i += lanes) {
                        FloatVector v = FloatVector.fromArray(ff, x, i);
                        DoubleVector d0 = ((DoubleVector) v.convertShape(VectorOperators.F2D, dd, 0)).sub(m);
                        DoubleVector d1 = ((DoubleVector) v.convertShape(VectorOperators.F2D, dd, 1)).sub(m);
                        a0 = a0.add(d0.mul(d0));
                        a1 = a1.add(d1.mul(d1));
                    }
                    DoubleVector a = a0.add(a1);
                    acc = a.lane(0);
                    for (int j = 1; j < dd.length(); j++) acc += a.lane(j);
                }
                for (; i < to; i++) {
                    double dv = x[i] - m;
                    acc += dv * dv;
                }
            }
            out[p] = acc;
            if (++c == cs) c = 0;
        }
    }

}
