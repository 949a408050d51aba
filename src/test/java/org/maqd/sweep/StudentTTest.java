package org.maqd.sweep;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class StudentTTest {
    @Test
    void quantilesMatchTables() {
        assertEquals(12.706, StudentT.quantile975(1), 1e-3);
        assertEquals(2.262, StudentT.quantile975(9), 1e-3);
        assertEquals(2.042, StudentT.quantile975(30), 1e-3);
        assertEquals(2.021, StudentT.quantile975(40), 1e-3);
        assertEquals(2.000, StudentT.quantile975(60), 1e-3);
        assertEquals(1.984, StudentT.quantile975(100), 1e-3);
        assertEquals(1.960, StudentT.quantile975(100000), 1e-3);
        assertTrue(Double.isNaN(StudentT.quantile975(0)));
        // to 1e-4: the table's own entries, and the expansion just past it
        assertEquals(12.7062, StudentT.quantile975(1), 1e-4);
        assertEquals(2.0423, StudentT.quantile975(30), 1e-4);
        assertEquals(2.0211, StudentT.quantile975(40), 1e-4);
        assertEquals(2.0003, StudentT.quantile975(60), 1e-4);
        assertEquals(1.9799, StudentT.quantile975(120), 1e-4);
    }

    @Test
    void halfWidth() {
        assertEquals(12.706205 * 0.5 / Math.sqrt(2), StudentT.ci95HalfWidth(0.5, 2), 1e-9);
        assertTrue(Double.isNaN(StudentT.ci95HalfWidth(0.5, 1)));
    }
}
