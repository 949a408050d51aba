package org.maqd.tensor.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PackedGemmTest {
    /** Rows split into 6-row, then 4-row blocks leave at most one single row once there are six rows or more. */
    @Test
    void rowBlocksLeaveAtMostOneSingleRow() {
        for (int rows = 0; rows <= 200; rows++) {
            int six = PackedGemm.sixRowBlocks(rows);
            int rest = rows - six * MicroKernels.MR6;
            assertTrue(six >= 0 && rest >= 0, "rows=" + rows);
            int singles = rest % MicroKernels.MR;
            if (rows >= MicroKernels.MR6) assertTrue(singles <= 1, "rows=" + rows + " singles=" + singles);
            // six-row blocks are given up only to avoid single rows: never more than two 4-row blocks remain
            int fourBlocks = rest / MicroKernels.MR;
            assertTrue(fourBlocks <= 2, "rows=" + rows + " uses " + fourBlocks + " four-row blocks");
        }
        assertEquals(42, PackedGemm.sixRowBlocks(256));   // 42·6 + 4
        assertEquals(20, PackedGemm.sixRowBlocks(128));   // 20·6 + 8, not 21·6 + 2 single rows
    }

    /** Six-aligned row tiles: starts at multiples of 6, in order, covering [0, m), near-equal (within 6 rows). */
    @Test
    void sixAlignedTilesCoverTheRowsAtMultiplesOfSix() {
        for (int m = 1; m <= 300; m++) {
            int tiles = (m + 31) / 32, min = Integer.MAX_VALUE, max = 0;
            assertEquals(0, PackedGemm.sixAlignedStart(0, tiles, m));
            assertEquals(m, PackedGemm.sixAlignedStart(tiles, tiles, m));
            for (int t = 0; t < tiles; t++) {
                int a = PackedGemm.sixAlignedStart(t, tiles, m), b = PackedGemm.sixAlignedStart(t + 1, tiles, m);
                assertEquals(0, a % 6, "m=" + m + " t=" + t);
                assertTrue(b >= a, "m=" + m + " t=" + t);
                if (t < tiles - 1) { min = Math.min(min, b - a); max = Math.max(max, b - a); }
            }
            if (tiles > 2) assertTrue(max - min <= 6, "m=" + m);
        }
        assertEquals(30, PackedGemm.sixAlignedStart(1, 8, 256));   // 42 six-row blocks over 8 tiles: 5 or 6 each
    }
}
