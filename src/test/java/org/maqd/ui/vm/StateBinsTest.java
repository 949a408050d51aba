package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StateBinsTest {
    @Test
    void fewStatesStayOneBarEach() {
        StateBins b = StateBins.of(new long[] {3, 4, 3}, new String[] {"-1", "0", "1"}, 32);
        assertEquals(1, b.perBar());
        assertArrayEquals(new long[] {3, 4, 3}, b.counts());
    }

    @Test
    void manyStatesShareBarsAndKeepEveryCount() {
        long[] c = new long[100];
        String[] l = new String[100];
        for (int i = 0; i < 100; i++) { c[i] = i; l[i] = String.valueOf(i); }
        StateBins b = StateBins.of(c, l, 32);
        assertEquals(4, b.perBar());
        assertEquals(25, b.counts().length);
        assertEquals(0 + 1 + 2 + 3, b.counts()[0]);
        assertEquals("96…99", b.labels()[24]);
        assertEquals(99 * 100 / 2, java.util.Arrays.stream(b.counts()).sum());
    }
}
