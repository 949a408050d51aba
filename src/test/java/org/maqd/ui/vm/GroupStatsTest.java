package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupStatsTest {
    record R(String name, String norm, double acc) {}

    @Test
    void meanAndStudentTIntervalPerGroup() {
        List<R> runs = List.of(new R("a", "lbn", 0.90), new R("b", "bn", 0.80), new R("c", "lbn", 0.92),
                new R("d", "lbn", 0.94), new R("e", "bn", Double.NaN), new R("f", "none", 0.70), new R("g", "none", 0.74));
        List<GroupStats.Group> g = GroupStats.of(runs, R::norm, R::name, R::acc);
        assertEquals(List.of("lbn", "bn", "none"), g.stream().map(GroupStats.Group::value).toList());
        GroupStats.Group lbn = g.get(0);
        assertEquals(List.of("a", "c", "d"), lbn.runs());
        assertEquals(3, lbn.n());
        assertEquals(0.92, lbn.mean(), 1e-12);
        // s = 0.02, s/√3 = 0.0115470, t(0.975; 2) = 4.302653
        assertEquals(4.302653 * 0.02 / Math.sqrt(3), lbn.halfWidth(), 1e-9);
        assertEquals("92.00% ± 4.97", lbn.text());
        GroupStats.Group bn = g.get(1);
        assertEquals(2, bn.runs().size(), "a run without accuracy is listed");
        assertEquals(1, bn.n(), "but not counted");
        assertTrue(Double.isNaN(bn.halfWidth()));
        assertTrue(bn.text().contains("one run"), bn.text());
        // two runs: t(1) = 12.706205, s = 0.028284, se = 0.02
        assertEquals(12.706205 * 0.02, g.get(2).halfWidth(), 1e-9);
    }
}
