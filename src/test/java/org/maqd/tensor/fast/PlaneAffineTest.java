package org.maqd.tensor.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The norm passes give the plain loops' raw bits (signed zeros, NaNs included) for [B, C] rows and [B, C, S]
 * planes around the vector size and for chunks of planes; the fused sums give Reductions' bits; and the kernels
 * keep the shape that makes their compilation independent of their callers (see {@link PlaneAffine}).
 */
class PlaneAffineTest {
    /** {B, C, S}. */
    private static final int[][] SHAPES = {{1, 1, 1}, {4, 10, 1}, {3, 16, 1}, {64, 17, 1}, {5, 31, 1}, {16, 256, 1},
        {7, 33, 1}, {2, 100, 1}, {2, 3, 2}, {2, 4, 7}, {3, 2, 8}, {2, 3, 9}, {1, 5, 15}, {2, 2, 16}, {2, 3, 17},
        {4, 16, 36}, {2, 3, 49}, {1, 2, 196}, {1, 1, 784}};

    @Test
    void passesEqualThePlainLoopsBitForBit() {
        Random r = new Random(7);
        for (int[] shape : SHAPES) {
            int cs = shape[1], s = shape[2], planes = shape[0] * cs, n = planes * s;
            float[] x = gauss(r, n), d = gauss(r, n), hx = gauss(r, n);
            float[][] k = new float[5][];
            for (int j = 0; j < k.length; j++) k[j] = gauss(r, cs);
            for (int i = 0; i < n; i += 11) { x[i] = -0f; d[(i + 3) % n] = -0f; }
            if (n > 20) { x[20] = Float.NaN; d[19] = Float.intBitsToFloat(0x7fc00123); hx[18] = Float.POSITIVE_INFINITY; }
            k[0][0] = -0f;
            for (int[] ch : chunks(planes, cs)) {
                int p0 = ch[0], p1 = ch[1];
                String at = shape[0] + "x" + cs + "x" + s + " planes " + p0 + ".." + p1;
                float[] h1 = hx.clone(), y1 = d.clone(), h2 = hx.clone(), y2 = d.clone();
                PlaneAffine.normalizePlain(x, k[0], k[1], k[2], k[3], h1, y1, p0, p1, s, cs);
                PlaneAffine.normalize(x, k[0], k[1], k[2], k[3], h2, y2, p0, p1, s, cs);
                assertArrayEquals(bits(h1), bits(h2), "normalize x̂ " + at);
                assertArrayEquals(bits(y1), bits(y2), "normalize y " + at);
                float[] normH = h1;
                h1 = hx.clone(); y1 = d.clone(); h2 = hx.clone(); y2 = d.clone();
                PlaneAffine.evaluatePlain(x, k[0], k[1], k[2], k[3], h1, y1, p0, p1, s, cs);
                PlaneAffine.evaluate(x, k[0], k[1], k[2], k[3], h2, y2, p0, p1, s, cs);
                assertArrayEquals(bits(h1), bits(h2), "evaluate x̂ " + at);
                assertArrayEquals(bits(y1), bits(y2), "evaluate y " + at);
                float[] o1 = x.clone(), o2 = x.clone();             // x̂ as the forward stores it
                PlaneAffine.gradientPlain(k[2], k[3], k[4], d, normH, o1, p0, p1, s, cs);
                PlaneAffine.gradientOf(k[2], k[3], k[4], d, x, k[0], k[1], o2, p0, p1, s, cs);
                assertArrayEquals(bits(o1), bits(o2), "gradientOf " + at);
            }
        }
    }

    @Test
    void planeSumsEqualTheReductionsBitForBit() {
        Random r = new Random(9);
        for (int[] shape : SHAPES) {
            int cs = shape[1], s = shape[2], planes = shape[0] * cs, n = planes * s;
            float[] d = gauss(r, n), h = gauss(r, n);
            d[0] = -0f;
            for (int[] ch : chunks(planes, cs)) {
                double[] sums = new double[planes], dots = new double[planes];
                PlaneAffine.sumAndDotOf(d, h, new float[] {0f}, new float[] {1f}, ch[0], ch[1], s, 1, sums, dots);
                double[] sx = new double[planes], sq = new double[planes], mean = new double[cs];
                for (int c = 0; c < cs; c++) mean[c] = r.nextGaussian();
                PlaneAffine.planeSums(d, null, ch[0], ch[1], s, cs, sx);
                PlaneAffine.planeSums(d, mean, ch[0], ch[1], s, cs, sq);
                for (int p = 0; p < planes; p++) {
                    boolean in = p >= ch[0] && p < ch[1];
                    String at = shape[0] + "x" + cs + "x" + s + " plane " + p;
                    assertEquals(in ? bits(Reductions.sum(d, p * s, (p + 1) * s)) : 0L, bits(sums[p]), "sum " + at);
                    assertEquals(in ? bits(Reductions.dot(d, h, p * s, (p + 1) * s)) : 0L, bits(dots[p]), "dot " + at);
                    assertEquals(in ? bits(Reductions.sum(d, p * s, (p + 1) * s)) : 0L, bits(sx[p]), "planeSums " + at);
                    assertEquals(in ? bits(Reductions.sumSq(d, p * s, (p + 1) * s, mean[p % cs])) : 0L, bits(sq[p]),
                            "planeSums sq " + at);
                }
            }
        }
    }

    @Test
    void passesFromTheInputGiveTheBitsOfThePassesFromAStoredXhat() {
        Random r = new Random(11);
        for (int[] shape : SHAPES) {
            int cs = shape[1], s = shape[2], planes = shape[0] * cs, n = planes * s;
            if (s == 1) continue;                                     // rows keep x̂
            float[] x = gauss(r, n), d = gauss(r, n);
            float[][] k = new float[5][];
            for (int j = 0; j < k.length; j++) k[j] = gauss(r, cs);
            for (int i = 0; i < n; i += 13) x[i] = -0f;
            if (n > 20) { x[20] = Float.NaN; d[19] = Float.intBitsToFloat(0x7fc00123); x[17] = Float.NEGATIVE_INFINITY; }
            for (int[] ch : chunks(planes, cs)) {
                int p0 = ch[0], p1 = ch[1];
                String at = shape[0] + "x" + cs + "x" + s + " planes " + p0 + ".." + p1;
                float[] h = new float[n], y1 = new float[n], y2 = new float[n];
                PlaneAffine.normalizePlain(x, k[0], k[1], k[2], k[3], h, y1, p0, p1, s, cs);
                PlaneAffine.normalize(x, k[0], k[1], k[2], k[3], null, y2, p0, p1, s, cs);
                assertArrayEquals(bits(y1), bits(y2), "normalize without x̂ " + at);
                float[] e1 = new float[n], e2 = new float[n];
                PlaneAffine.evaluatePlain(x, k[0], k[1], k[2], k[3], new float[n], e1, p0, p1, s, cs);
                PlaneAffine.evaluate(x, k[0], k[1], k[2], k[3], null, e2, p0, p1, s, cs);
                assertArrayEquals(bits(e1), bits(e2), "evaluate without x̂ " + at);
                float[] o1 = new float[n], o2 = new float[n];
                PlaneAffine.gradientPlain(k[2], k[3], k[4], d, h, o1, p0, p1, s, cs);
                PlaneAffine.gradientOf(k[2], k[3], k[4], d, x, k[0], k[1], o2, p0, p1, s, cs);
                assertArrayEquals(bits(o1), bits(o2), "gradientOf " + at);
                double[] s1 = new double[planes], d1 = new double[planes], s2 = new double[planes], d2 = new double[planes];
                for (int p = p0; p < p1; p++) {
                    s1[p] = Reductions.sum(d, p * s, (p + 1) * s);
                    d1[p] = Reductions.dot(d, h, p * s, (p + 1) * s);
                }
                PlaneAffine.sumAndDotOf(d, x, k[0], k[1], p0, p1, s, cs, s2, d2);
                for (int p = 0; p < planes; p++) {               // a NaN sum's payload is not fixed: C2 may
                    assertEquals(sumBits(s1[p]), sumBits(s2[p]), "sumAndDotOf sum " + at + " plane " + p);
                    assertEquals(sumBits(d1[p]), sumBits(d2[p]), "sumAndDotOf dot " + at + " plane " + p);
                }                                                 // commute an add of two NaNs
            }
        }
    }

    /** See {@link KernelBytecode}: own compile roots, no calls but the Vector API, no vector parameters. */
    @Test
    void kernelsAreTheirOwnCompileRootsAndCallNothing() {
        KernelBytecode.assertOwnRootsCallingOnlyTheVectorApi(PlaneAffine.class,
                "normalize", "evaluate", "gradientOf", "planeSums", "sumAndDotOf");
    }

    /** Whole range, halves, and chunks not aligned to rows. */
    private static int[][] chunks(int planes, int cs) {
        return new int[][] {{0, planes}, {0, planes / 2}, {planes / 2, planes}, {Math.min(1, planes), planes},
            {0, Math.max(0, planes - 1)}, {Math.min(cs, planes), planes}, {0, 0}};
    }

    static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) b[i] = Float.floatToRawIntBits(a[i]);
        return b;
    }

    static long bits(double v) { return Double.doubleToRawLongBits(v); }

    /** Raw bits, every NaN as the canonical one. */
    static long sumBits(double v) { return Double.doubleToLongBits(v); }

    private static float[] gauss(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(7) - 3));
        return a;
    }
}
