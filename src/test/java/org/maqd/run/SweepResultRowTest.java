package org.maqd.run;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** results.csv's number cells: counts are written as whole numbers, every cell reads back to the same double. */
class SweepResultRowTest {
    @TempDir Path dir;

    @Test
    void countsAreWholeNumbersAndEveryCellReadsBack() throws Exception {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("norm", "lbn");
        SweepResultRow row = new SweepResultRow("t1", keys, 7, "completed", 0.9351, 0.2, 1.0, 2, 16, 3.25, 1234.5, Double.NaN);
        SweepResultRow.write(dir, List.of("norm"), List.of(row));
        List<String> lines = Files.readAllLines(dir.resolve(RunFiles.SWEEP_RESULTS));
        assertEquals("t1,lbn,7,completed,0.9351,0.2,1,2,16,3.25,1234.5,", lines.get(1));
        assertEquals(row, SweepResultRow.read(dir).get(0));
    }

    @Test
    void numberCells() {
        assertEquals("16", SweepResultRow.num(16.0));
        assertEquals("-3", SweepResultRow.num(-3.0));
        assertEquals("0", SweepResultRow.num(0.0));
        assertEquals("-0.0", SweepResultRow.num(-0.0), "the sign of zero survives the round trip");
        assertEquals("0.1", SweepResultRow.num(0.1));
        assertEquals("1.0E20", SweepResultRow.num(1e20), "beyond exact longs: the double's own text");
        assertEquals("", SweepResultRow.num(Double.NaN));
    }
}
