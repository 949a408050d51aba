package org.maqd.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.ptq.PtqCsv;
import org.maqd.report.Numbers;
import org.maqd.run.CsvTable;

/** A qat-vs-ptq style sweep: QAT trials, a float trial, and PTQ rows derived from the float trial. */
class PtqSweepTest {
    static final String SWEEP = """
            {"list": [{"network.defaults.weightStates": 2, "network.defaults.activationStates": 2},
                      {"network.defaults.weightStates": 0, "network.defaults.activationStates": 0,
                       "network.defaults.weightStandardization": false, "network.defaults.firstWeightStates": 0,
                       "network.defaults.outputWeightStates": 0}],
             "ptq": {"states": [2, 16], "methods": ["minmax", "dynamic"], "calibrationSamples": 64}}
            """;

    @Test
    void floatTrialsGetPtqRowsAndAreNotEvaluatedTwice(@TempDir Path dir) throws Exception {
        SweepPlan plan = SweepPlan.of(SweepFixtures.experiment(SWEEP, 1), "tiny.json", null);
        assertEquals(List.of(false, true), plan.trials().stream().map(Trial::floatModel).toList());
        assertTrue(SweepFixtures.run(plan, dir, 1, null, List.of()).complete());
        Path floatDir = SweepRunner.trialDir(dir, plan.trials().get(1));
        assertEquals(4, PtqCsv.read(floatDir).size());
        CsvTable results = CsvTable.read(dir.resolve("results.csv"));
        assertEquals(2 + 4, results.rows().size());
        assertTrue(results.header().containsAll(List.of("method", "states")));
        List<String> methods = results.rows().stream().map(r -> results.get(r, "method")).toList();
        assertEquals(List.of("qat", "float", "ptq-minmax", "ptq-dynamic", "ptq-minmax", "ptq-dynamic"), methods);
        assertEquals("2", results.get(results.rows().get(0), "states"));
        assertEquals("0", results.get(results.rows().get(1), "states"));
        assertEquals(plan.trials().get(1).id() + "/ptq-dynamic-M16", results.get(results.rows().get(5), "id"));
        CsvTable summary = CsvTable.read(dir.resolve("summary.csv"));
        assertEquals(6, summary.rows().size(), "one group per (method, states)");
        double floatAcc = Numbers.num(results.get(results.rows().get(1), "test_accuracy"));
        double ptq16 = Numbers.num(results.get(results.rows().get(4), "test_accuracy"));
        assertEquals(floatAcc, ptq16, 0.05, "16 states stay near the float model");

        FileTime before = Files.getLastModifiedTime(floatDir.resolve(org.maqd.run.RunFiles.PTQ));
        SweepRunner.Outcome again = SweepFixtures.run(plan, dir, 1, null, List.of());
        assertEquals(2, again.skipped());
        assertEquals(before, Files.getLastModifiedTime(floatDir.resolve(org.maqd.run.RunFiles.PTQ)));
        // a lost ptq.csv is recomputed without retraining
        Files.delete(floatDir.resolve(org.maqd.run.RunFiles.PTQ));
        FileTime model = Files.getLastModifiedTime(floatDir.resolve("model.safetensors"));
        SweepFixtures.run(plan, dir, 1, null, List.of());
        assertEquals(4, PtqCsv.read(floatDir).size());
        assertEquals(model, Files.getLastModifiedTime(floatDir.resolve("model.safetensors")));
    }
}
