package org.maqd.tensor.fast;

import java.util.Arrays;

/**
 * im2col for one sample, written straight into the GEMM's packed panel layout ({@link PackedPanels}), and
 * col2im for the input gradient. Input x is one sample [C, H, W] at {@code xOff}; padding reads as zero.
 * <ul>
 *   <li>{@link #packColumns}: op(B) = col [K, P] (panels over output positions) — forward, Y = W · col.</li>
 *   <li>{@link #packRows}: op(B) = colᵀ [P, K] (panels over taps) — weight gradient, dW = dY · colᵀ.</li>
 *   <li>{@link #col2im}: dx += scatter of a plain dcol [K, P] — input gradient, dcol = Wᵀ · dY.</li>
 * </ul>
 */
public final class Im2col {
    private Im2col() {}

    private static final int NR = PackedPanels.NR;

    /** col[K, P] packed in panels over P: element (j, pos) at dstOff + (pos/NR)·NR·K + j·NR + pos%NR. */
    public static void packColumns(ConvGeometry g, float[] x, int xOff, float[] dst, int dstOff) {
        final int k = g.k, s = g.stride;
        for (int j = 0; j < k; j++) {
            int plane = xOff + g.tapPlane[j], ky = g.tapY[j], kx = g.tapX[j];
            int ox0 = g.firstValid(kx, g.pad, s), ox1 = g.endValid(kx, g.w, g.ow);
            int rowBase = dstOff + j * NR;
            for (int oy = 0; oy < g.oh; oy++) {
                int iy = oy * s - g.pad + ky;
                int pos0 = oy * g.ow;
                if (iy < 0 || iy >= g.h || ox0 >= ox1) {
                    fillRun(dst, rowBase, k, pos0, g.ow, 0f);
                    continue;
                }
                if (ox0 > 0) fillRun(dst, rowBase, k, pos0, ox0, 0f);
                int src = plane + iy * g.w - g.pad + kx;
                if (s == 1) {
                    copyRun(x, src + ox0, dst, rowBase, k, pos0 + ox0, ox1 - ox0);
                } else {
                    for (int ox = ox0; ox < ox1; ox++) {
                        int pos = pos0 + ox;
                        dst[rowBase + (pos / NR) * NR * k + pos % NR] = x[src + ox * s];
                    }
                }
                if (ox1 < g.ow) fillRun(dst, rowBase, k, pos0 + ox1, g.ow - ox1, 0f);
            }
        }
    }

    /** Copies {@code len} floats to positions [pos, pos+len) of one packed row, splitting at panel edges. */
    private static void copyRun(float[] src, int srcPos, float[] dst, int rowBase, int k, int pos, int len) {
        while (len > 0) {
            int jj = pos % NR, n = Math.min(len, NR - jj);
            System.arraycopy(src, srcPos, dst, rowBase + (pos / NR) * NR * k + jj, n);
            srcPos += n; pos += n; len -= n;
        }
    }

    private static void fillRun(float[] dst, int rowBase, int k, int pos, int len, float v) {
        while (len > 0) {
            int jj = pos % NR, n = Math.min(len, NR - jj);
            int at = rowBase + (pos / NR) * NR * k + jj;
            Arrays.fill(dst, at, at + n, v);
            pos += n; len -= n;
        }
    }

    /** colᵀ[P, K] packed in panels over K: element (pos, j) at dstOff + (j/NR)·NR·P + pos·NR + j%NR. */
    public static void packRows(ConvGeometry g, float[] x, int xOff, float[] dst, int dstOff) {
        final int k = g.k, np = g.p, s = g.stride, pad = g.pad;
        final int[] plane = g.tapPlane, ty = g.tapY, tx = g.tapX, rel = g.tapOffset;
        for (int q = 0, j0 = 0; j0 < k; q++, j0 += NR) {
            int w = Math.min(NR, k - j0);
            int panel = dstOff + q * NR * np;
            for (int oy = 0; oy < g.oh; oy++) {
                int y0 = oy * s - pad;
                boolean rowInside = y0 >= 0 && y0 + g.kh <= g.h;
                for (int ox = 0; ox < g.ow; ox++) {
                    int x0 = ox * s - pad;
                    int d = panel + (oy * g.ow + ox) * NR;
                    if (rowInside && x0 >= 0 && x0 + g.kw <= g.w) {
                        int base = xOff + y0 * g.w + x0;
                        for (int jj = 0; jj < w; jj++) dst[d + jj] = x[base + rel[j0 + jj]];
                    } else {
                        for (int jj = 0; jj < w; jj++) {
                            int j = j0 + jj;
                            int iy = y0 + ty[j], ix = x0 + tx[j];
                            dst[d + jj] = iy >= 0 && iy < g.h && ix >= 0 && ix < g.w
                                    ? x[xOff + plane[j] + iy * g.w + ix] : 0f;
                        }
                    }
                }
            }
        }
    }

    /** dx[C, H, W] at dxOff += col2im(dcol), dcol plain row-major [K, P] at colOff. */
    public static void col2im(ConvGeometry g, float[] dcol, int colOff, float[] dx, int dxOff) {
        final int s = g.stride;
        for (int j = 0; j < g.k; j++) {
            int plane = dxOff + g.tapPlane[j], ky = g.tapY[j], kx = g.tapX[j];
            int ox0 = g.firstValid(kx, g.pad, s), ox1 = g.endValid(kx, g.w, g.ow);
            int row = colOff + j * g.p;
            for (int oy = 0; oy < g.oh; oy++) {
                int iy = oy * s - g.pad + ky;
                if (iy < 0 || iy >= g.h) continue;
                int dst = plane + iy * g.w - g.pad + kx;
                int src = row + oy * g.ow;
                if (s == 1) {
                    for (int ox = ox0; ox < ox1; ox++) dx[dst + ox] += dcol[src + ox];
                } else {
                    for (int ox = ox0; ox < ox1; ox++) dx[dst + ox * s] += dcol[src + ox];
                }
            }
        }
    }
}
