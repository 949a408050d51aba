package org.maqd.tensor;

import org.maqd.tensor.ref.RefKernels;

import org.maqd.tensor.fast.PackedGemm;
import org.maqd.tensor.fast.PackedPanels;
import org.maqd.tensor.fast.TransposePack;

/**
 * Matrix multiply entry point used by layers: C[m,n] = (accumulate ? C : 0) + op(A)·op(B), row-major.
 * op(A) is [m,k] (stored [k,m] when transA); op(B) is [k,n] (stored [n,k] when transB).
 * <p>
 * B is cut into column panels ({@link PackedPanels}): a transposed B is packed into that layout, a row-major B is
 * read in place on its full panels (only a partial last panel is packed), and Vector API micro-kernels
 * ({@link org.maqd.tensor.fast.MicroKernels}) sweep A over each panel. The output is cut into
 * chunks whose boundaries depend only on m and n — one column panel each when there are enough panels, else
 * tiles of {@link #ROW_BLOCK} rows × whole panels (panels that need packing are packed up front); each chunk is run by one thread of
 * {@link Parallel#forRange}, and each element sums over k in a fixed order, so results are bit-identical for
 * any thread count. Tiny products take a plain loop. C must not overlap A or B.
 */
public final class Gemm {
    private Gemm() {}

    /** Rows per parallel tile (a multiple of the micro-kernels' 4 rows; swept as 4·6 + 2·4 with 6-row kernels). */
    public static final int ROW_BLOCK = 32;
    /** Products with m·n·k at or below this run as plain loops. */
    static final long SMALL = 4096;
    /** From this many column panels on, work is split by panel (each chunk packs its own if needed); below, by row tiles. */
    static final int COLUMN_CHUNKS_FROM = 4;
    /** From this many rows on, Aᵀ·B (a weight gradient) is cut into row tiles whatever its number of panels. */
    static final int ROWS_OWNED_FROM = 4 * ROW_BLOCK;
    /** From this many rows on, Aᵀ·B packs a row-major B (each packed element then serves at least this many rows). */
    static final int PACK_TRANSPOSED_A_FROM = 64;
    /**
     * Most k-rows per chunk of the up-front packing of the row-tile path (near-equal chunks): k = 784 packs in 4
     * chunks (1.27x faster at 2 threads than one for W_q·xᵀ at batch 64), k = 256 in one (two chunks of 128
     * measured 0.93x).
     */
    static final int PACK_ROWS = 256;
    /** The partition aims for at least this many tiles (when the output is big enough) to balance threads. */
    static final int MIN_TILES = 8;

    public static void gemm(Parallel par, boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        if (m == 0 || n == 0) return;
        if ((long) m * n * k <= SMALL) {
            RefKernels.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);   // tiny: the plain loops
            return;
        }
        GemmWorkspace.Pool pool = par.gemmWorkspaces();
        GemmWorkspace ws = pool.acquire();
        try {
            gemm(ws, par, transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
        } finally {
            pool.release(ws);
        }
    }

    /** As {@link #gemm(Parallel, boolean, boolean, int, int, int, float[], int, float[], int, float[], int, boolean)}, with caller-owned scratch. */
    public static void gemm(GemmWorkspace ws, Parallel par, boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        if (m == 0 || n == 0) return;
        if (transA && !transB && m >= PACK_TRANSPOSED_A_FROM && n % 256 != 0 && k <= TRANSPOSE_A_MAX_K) {
            float[] at = ws.transposedA(m * k);
            par.forRange((m + 63) / 64, 1, (c0, c1) -> transposeA(a, aOff, m, k, at, c0 * 64, Math.min(m, c1 * 64)));
            run(ws, par, true, false, m, n, k, at, 0, transB, b, bOff, c, cOff, accumulate);
            return;
        }
        run(ws, par, transA, transA, m, n, k, a, aOff, transB, b, bOff, c, cOff, accumulate);
    }

    /**
     * Longest k for which Aᵀ·B with a row-major B that is read in place (n not a multiple of 256) and at least
     * {@link #PACK_TRANSPOSED_A_FROM} rows first copies A to row-major ([k, m] → [m, k], m·k floats, both
     * threads). Read in place, each k-step of a 6-row block is m floats from the last; with m = 256 a block's
     * k-steps share 4 of L1's 64 sets and are evicted between the two half-panel sweeps, and the copy lets the
     * unit-stride kernels run. One thread, CPU time, medians of 80 alternated runs (load 9-10):
     * 256×784×64 (the MLP's first-layer weight gradient at batch 64) 1.06-1.10x, 256×784×256 1.09x; not taken
     * where B is packed (n = 256: 0.97x, the packing already breaks the aliasing) or for few rows (m = 10: 0.91x),
     * nor for long k (convolution weight gradients, k = batch × positions: unmeasured).
     */
    static final int TRANSPOSE_A_MAX_K = 256;

    /** Rows [i0, i1) of A row-major: at[i·k + p] = a[aOff + p·m + i] (Aᵀ stored [k, m]). */
    static void transposeA(float[] a, int aOff, int m, int k, float[] at, int i0, int i1) {
        TransposePack.transpose(a, aOff, m, at, 0, k, 0, k, i0, i1);
    }

    // transA: the product is op(A)·op(B) with op(A) = Aᵀ (drives the packing and k-block choices);
    // stridedA: A is still stored [k, m] (false once transposeA made it row-major)
    private static void run(GemmWorkspace ws, Parallel par, boolean transA, boolean stridedA, int m, int n, int k,
                            float[] a, int aOff, boolean transB, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        int panels = PackedPanels.panels(n);
        float[] bp = ws.packed(PackedPanels.size(n, k));   // panels keep their offsets, in place or not
        int ars = stridedA ? 1 : k, acs = stridedA ? m : 1;
        // A row-major B is read in place on its full panels (rows n floats apart): packing it only copied it
        // (in place measured as fast or faster for n = 256 to 2048, rows 4 KiB apart included).
        // Aᵀ·B (the weight gradient dyᵀ·x) packs even a row-major B when its rows are a multiple of 1 KiB apart and
        // there are enough rows to pay for the copy: A is then strided too (m floats between k-steps), and the two
        // strided streams share a few L1 sets; packed measured 7-10% faster at n = 256, m = 256 (k = 64 and 256),
        // but 5% slower at n = 784 (no aliasing) and 1.85x slower at m = 10 (a 10-class layer: the copy dominates).
        boolean packRowMajor = transA && m >= PACK_TRANSPOSED_A_FROM && n % 256 == 0;
        int inPlace = transB || packRowMajor ? 0 : n / PackedPanels.NR;
        int kc = transA ? PackedGemm.KC_TRANSPOSED_A : PackedGemm.KC;
        // A weight gradient Aᵀ·B with many rows is cut by rows even with many panels: each thread then writes whole
        // rows of dW, the rows its home block of the weight pipeline reads next (Parallel deals chunks in
        // contiguous home blocks), instead of half of every row coming from the other core's cache.
        boolean byPanel = panels >= COLUMN_CHUNKS_FROM && !(transA && m >= ROWS_OWNED_FROM);
        if (byPanel) {
            // One chunk per panel: it packs its own panel (unless read in place) and sweeps all rows over it (one
            // fork-join, and the panel stays in the cache of the thread that packed it).
            float[] tiles = ws.tiles(panels);
            par.forRange(panels, 1, (q0, q1) -> {
                for (int q = q0; q < q1; q++) {
                    if (q >= inPlace) PackedPanels.pack(transB, n, k, b, bOff, bp, 0, q, q + 1);
                    panels(n, k, a, aOff, ars, acs, b, bOff, bp, inPlace, c, cOff, accumulate, 0, m, q, q + 1,
                            tiles, q * PackedGemm.TILE, kc);
                }
            });
            return;
        }
        // Panels to pack up front, cut into blocks of PACK_ROWS k-rows so that both threads share even one panel
        // (the forward x·W_qᵀ at batch 64 is computed as W_q·xᵀ: one panel of x, 784 rows).
        int packPanels = panels - inPlace, rowChunks = Math.max(1, (k + PACK_ROWS - 1) / PACK_ROWS), rows = (k + rowChunks - 1) / rowChunks;
        par.forRange(packPanels * rowChunks, 1, (t0, t1) -> {
            for (int t = t0; t < t1; t++) {
                int q = inPlace + t / rowChunks, r0 = (t % rowChunks) * rows;
                PackedPanels.packRows(transB, n, k, b, bOff, bp, 0, q, r0, Math.min(k, r0 + rows));
            }
        });

        int rowBlocks = (m + ROW_BLOCK - 1) / ROW_BLOCK;
        int panelsPerTile = panelsPerTile(m, n);
        int colBlocks = (panels + panelsPerTile - 1) / panelsPerTile;
        float[] tiles = ws.tiles(rowBlocks * colBlocks);
        par.forRange(rowBlocks * colBlocks, 1, (t0, t1) -> {
            for (int t = t0; t < t1; t++) {
                int rb = t / colBlocks, cb = t % colBlocks;
                int i0 = tileStart(rb, rowBlocks, m), i1 = tileStart(rb + 1, rowBlocks, m);
                int q0 = cb * panelsPerTile, q1 = Math.min(panels, q0 + panelsPerTile);
                panels(n, k, a, aOff, ars, acs, b, bOff, bp, inPlace, c, cOff, accumulate, i0, i1, q0, q1,
                        tiles, t * PackedGemm.TILE, kc);
            }
        });
    }

    /** Rows [i0, i1) × panels [q0, q1): panels below {@code inPlace} read B in place, the others packed in bp. */
    private static void panels(int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, float[] bp,
                               int inPlace, float[] c, int cOff, boolean accumulate, int i0, int i1, int q0, int q1,
                               float[] tiles, int tileOff, int kc) {
        int qs = Math.max(q0, Math.min(q1, inPlace));
        if (qs > q0) {
            PackedGemm.region(n, k, a, aOff, ars, acs, b, bOff, n, PackedPanels.NR, c, cOff, n, accumulate,
                    i0, i1, q0, qs, tiles, tileOff, kc);
        }
        if (q1 > qs) {
            PackedGemm.region(n, k, a, aOff, ars, acs, bp, 0, PackedPanels.NR, PackedPanels.NR * k, c, cOff, n, accumulate,
                    i0, i1, qs, q1, tiles, tileOff, kc);
        }
    }

    /**
     * First row of row tile {@code rb} (of {@code rowBlocks}): multiples of {@link #ROW_BLOCK}, or with half-panel
     * kernels near-equal tiles cut at multiples of 6 (their 6-row blocks then cover all but the last tile's
     * leftover rows; 32-row tiles left 8 of every 32 rows to the 4-row kernel, which spills with 16 registers).
     */
    static int tileStart(int rb, int rowBlocks, int m) {
        if (PackedGemm.sixAlignedTiles()) return PackedGemm.sixAlignedStart(rb, rowBlocks, m);
        return Math.min(m, rb * ROW_BLOCK);
    }

    /** Panels per output tile: all of them, halved until there are enough tiles. Depends on m and n only. */
    static int panelsPerTile(int m, int n) {
        int rowBlocks = (m + ROW_BLOCK - 1) / ROW_BLOCK;
        int panels = PackedPanels.panels(n);
        int per = panels;
        while (per > 1 && rowBlocks * ((panels + per - 1) / per) < MIN_TILES) per = (per + 1) / 2;
        return per;
    }
}
