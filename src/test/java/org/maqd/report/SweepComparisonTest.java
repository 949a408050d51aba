package org.maqd.report;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.run.SweepSummaryRow;

/**
 * How a sweep's comparison chart is laid out, from summary.csv alone. Each fixture is a compact table: the group
 * columns, then n, the mean and (optionally) the standard deviation and the CI half-width of the test accuracy; it
 * is written by summary.csv's owner.
 */
class SweepComparisonTest {
    static SweepReport report(Path dir, String table) throws Exception {
        List<String> lines = table.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        int n = header.indexOf("n");
        List<String> groups = header.subList(0, n);
        List<SweepSummaryRow> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            Map<String, String> keys = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) keys.put(groups.get(i), c[i]);
            double mean = Double.parseDouble(c[n + 1]);
            double ci = num(c[header.indexOf("test_accuracy_ci95")]);
            double std = header.contains("test_accuracy_std") ? num(c[header.indexOf("test_accuracy_std")]) : Double.NaN;
            rows.add(new SweepSummaryRow(keys, Integer.parseInt(c[n]), mean, std, ci, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN));
        }
        SweepSummaryRow.write(dir, groups, rows);
        assertFalse(Files.exists(dir.resolve("results.csv")), "a sweep whose trials are still running has no results yet");
        return new SweepReport(dir);
    }

    private static double num(String cell) { return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell); }

    @Test
    void batchSizeOnXOneLinePerNormWithBands(@TempDir Path dir) throws Exception {
        SweepReport r = report(dir, """
                norm,batchSize,n,test_accuracy_mean,test_accuracy_std,test_accuracy_ci95
                lbn,8,2,0.90,0.01,0.09
                lbn,1,2,0.88,0.01,0.09
                bn,8,2,0.89,0.01,0.09
                bn,1,2,0.11,0.0,0.0
                lbn,2,1,0.89,,
                """);
        SweepReport.Comparison c = r.comparison();
        assertEquals("batchSize", c.chart().xLabel());
        assertArrayEquals(new String[] {"1", "2", "8"}, c.chart().tickLabels());
        assertEquals(List.of("lbn", "bn"), c.chart().series().stream().map(Chart.Series::name).toList());
        Chart.Series bn = c.chart().series().get(1);
        assertEquals(0.11, bn.y()[0]);
        assertTrue(Double.isNaN(bn.y()[1]), "bn has no batch 2 point");
        assertEquals(0.88 - 0.09, c.chart().series().get(0).lo()[0], 1e-12);
        assertEquals(List.of("batchSize", "lbn", "bn"), c.pivotHeader());
        assertEquals(List.of("2", "0.8900 ± – (1)", ""), c.pivotRows().get(1));
        String svg = SvgChart.line(c.chart());
        assertEquals(2, svg.split("class=\"series\"", -1).length - 1);
        assertTrue(svg.contains("class=\"band\""));
    }

    @Test
    void numericAndBooleanSeriesAreNamedWithTheirField(@TempDir Path dir) throws Exception {
        SweepReport r = report(dir, """
                weightStates,activationStates,n,test_accuracy_mean,test_accuracy_ci95
                2,2,2,0.88,0.01
                2,0,2,0.89,0.01
                3,2,2,0.89,0.01
                3,0,2,0.90,0.01
                4,2,2,0.89,0.01
                """);
        SweepReport.Comparison c = r.comparison();
        assertEquals("weightStates", c.chart().xLabel());
        assertEquals(List.of("activationStates=2", "activationStates=fp32"), c.chart().series().stream().map(Chart.Series::name).toList());
    }

    @Test
    void qatVersusPtqPutsStatesOnXWithFloatLast(@TempDir Path dir) throws Exception {
        SweepReport r = report(dir, """
                weightStates,activationStates,method,states,n,test_accuracy_mean,test_accuracy_ci95
                2,2,qat,2,2,0.85,0.01
                0,0,float,0,2,0.95,0.01
                0,0,ptq-minmax,2,2,0.10,0.01
                0,0,ptq-minmax,16,2,0.94,0.01
                16,16,qat,16,2,0.95,0.01
                """);
        SweepReport.Comparison c = r.comparison();
        assertEquals("states", c.chart().xLabel());
        assertArrayEquals(new String[] {"2", "16", "fp32"}, c.chart().tickLabels());
        assertEquals(List.of("qat", "float", "ptq-minmax"), c.chart().series().stream().map(Chart.Series::name).toList());
    }
}
