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
}
