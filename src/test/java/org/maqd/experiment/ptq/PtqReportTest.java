package org.maqd.experiment.ptq;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.cli.MaqdCommand;
import org.maqd.experiment.PtqSpec;
import org.maqd.experiment.RunLauncher;
import org.maqd.experiment.RunOptions;
import org.maqd.tensor.Parallel;

/** {@code maqd ptq}: per-layer errors, every option of method.md §10, the report file and the command line. */
class PtqReportTest {
    @TempDir static Path dir;
    static Path floatRun;

    @BeforeAll
    static void train() {
        floatRun = RunLauncher.run(PtqEvaluatorTest.mlp("{\"weightStates\": 0, \"activationStates\": 0, \"firstWeightStates\": 0, \"outputWeightStates\": 0, \"weightStandardization\": false}"),
                new RunOptions(Path.of("."), dir, dir.resolve("float"), false, false, false), null, List.of()).runDir();
    }

    static PtqSpec spec(String weights, String activations, boolean wChannel, boolean aChannel, int first, int output) {
        return new PtqSpec(List.of(4), List.of("minmax"), "mse", wChannel, 99.99, 256, first, output, weights, activations, aChannel);
    }

    static PtqReport report(PtqSpec spec, int states, String method) {
        try (Parallel par = new Parallel(2)) {
            return PtqEvaluator.forRun(floatRun, Path.of("."), spec, par).report(states, method);
        }
    }

    @Test
    void reportAccuracyEqualsThePlainEvaluation() {
        PtqSpec s = spec("symmetric", "asymmetric", true, false, 256, 256);
        try (Parallel par = new Parallel(2)) {
            PtqEvaluator ev = PtqEvaluator.forRun(floatRun, Path.of("."), s, par);
            for (String method : PtqSpec.METHODS) {
                PtqResult plain = ev.evaluate(4, method);
                PtqReport r = ev.report(4, method);
                assertEquals(plain.testAccuracy(), r.result().testAccuracy(), 0.0, method);
                assertEquals(plain.testLoss(), r.result().testLoss(), 1e-9, method);
            }
        }
    }

    @Test
    void calibrationOnMoreSamplesThanTheTrainingSetHasNamesTheSamplesUsed() {
        PtqSpec asked = new PtqSpec(List.of(4), List.of("minmax"), "mse", true, 99.99, 99_999_999, 256, 256, "symmetric",
                "asymmetric", false);
        PtqReport r = report(asked, 4, "minmax");
        assertTrue(r.spec().calibrationSamples() < 99_999_999, "the training set's size: " + r.spec().calibrationSamples());
        assertTrue(r.describe().contains("over " + r.spec().calibrationSamples() + " training samples"), r.describe());
        assertEquals(report(asked.withCalibrationSamples(r.spec().calibrationSamples()), 4, "minmax").result().testAccuracy(),
                r.result().testAccuracy(), 0.0, "the same calibration");
    }

    @Test
    void layerErrorsNameEveryWeightAndActivation() {
        PtqReport r = report(spec("symmetric", "asymmetric", true, false, 0, 0), 4, "minmax");
        List<String> names = r.layers().stream().map(l -> l.layer() + "/" + l.quantity()).toList();
        assertEquals(List.of("1:linear/weights", "2:linear/weights", "3:output/weights", "1:linear/activations",
                "2:linear/activations"), names);
        PtqLayerError firstW = r.layers().get(0), hiddenW = r.layers().get(1), firstA = r.layers().get(3), secondA = r.layers().get(4);
        assertEquals(0, firstW.states());
        assertEquals(Double.POSITIVE_INFINITY, firstW.sqnrDb(), "a float first layer has no weight error");
        assertTrue(hiddenW.sqnrDb() > 3 && hiddenW.sqnrDb() < 30, "4-state weights: " + hiddenW.sqnrDb());
        // with float first weights, the first activation differs from the float network only by its own quantizer
        assertEquals(firstA.sqnrDb(), firstA.driftSqnrDb(), 1e-9);
        // later points carry the error of everything before them
        assertTrue(secondA.driftSqnrDb() < secondA.sqnrDb(), secondA.toString());
    }

    @Test
    void moreStatesLessErrorAndTwoStatesCollapse() {
        PtqSpec s = spec("symmetric", "asymmetric", true, false, 256, 256);
        PtqReport r2 = report(s, 2, "minmax"), r8 = report(s, 8, "minmax"), r256 = report(s, 256, "minmax");
        assertTrue(r2.collapsed(), "2 states: " + r2.lossPoints());
        assertFalse(r256.collapsed());
        assertTrue(Math.abs(r256.lossPoints()) < 1, "256 states: " + r256.lossPoints());
        assertTrue(r8.layers().get(4).driftSqnrDb() > r2.layers().get(4).driftSqnrDb() + 10);
        assertTrue(r2.describe().contains("COLLAPSE"), r2.describe());
        assertFalse(r8.describe().contains("COLLAPSE"), r8.describe());
    }

    @Test
    void symmetricActivationsWasteTheNegativeCodesOfReluOutputs() {
        // ReLU outputs are >= 0: symmetric 2-state codes {-1, 0} send every activation to 0
        PtqReport sym = report(spec("symmetric", "symmetric", true, false, 256, 256), 2, "minmax");
        PtqReport asym = report(spec("symmetric", "asymmetric", true, false, 256, 256), 2, "minmax");
        assertEquals(0.0, sym.layers().get(3).sqnrDb(), 1e-9, "all-zero activations: noise equals signal");
        assertTrue(asym.layers().get(3).sqnrDb() > sym.layers().get(3).sqnrDb());
    }

    @Test
    void everyOptionChangesWhatIsComputed() {
        PtqSpec base = spec("symmetric", "asymmetric", true, false, 256, 256);
        List<PtqSpec> variants = List.of(spec("asymmetric", "asymmetric", true, false, 256, 256),
                spec("symmetric", "asymmetric", false, false, 256, 256), spec("symmetric", "asymmetric", true, true, 256, 256));
        PtqReport b = report(base, 3, "minmax");
        for (PtqSpec v : variants) {
            PtqReport r = report(v, 3, "minmax");
            assertNotEquals(b.layers(), r.layers(), v.toString());
            assertNotEquals(b.fileName(), r.fileName());
        }
    }

    @Test
    void reportFileRoundTripsAndSitsBesideOthers() {
        PtqReport a = report(spec("symmetric", "asymmetric", true, false, 256, 256), 8, "mse");
        PtqReport b = report(spec("asymmetric", "asymmetric", false, true, 256, 256), 8, "dynamic");
        Path out = dir.resolve("reports");
        a.write(out);
        b.write(out);
        assertEquals(List.of(b, a), PtqReport.readAll(out), "by file name: M8_dynamic… before M8_mse…");
        assertEquals(List.of(), PtqReport.readAll(dir.resolve("none")));
    }

    @Test
    void commandPrintsAndWritesTheReport() throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = MaqdCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), "ptq", floatRun.toString(),
                "--states", "3", "--weights", "asymmetric", "--activations", "symmetric", "--granularity", "channel",
                "--calibration", "percentile", "--calibration-samples", "128", "--percentile", "99.9");
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("weights asymmetric per channel") && text.contains("activations symmetric per channel")
                && text.contains("percentile calibration over 128 training samples") && text.contains("2:linear"), text);
        Path f = floatRun.resolve("ptq/M3_percentile_w-asym-channel-mse_a-sym-channel_n128_p99.9.json");
        assertTrue(Files.exists(f), text);
        List<PtqReport> all = PtqReport.readAll(floatRun);
        PtqReport r = all.stream().filter(x -> x.fileName().equals(f.getFileName().toString())).findFirst().orElseThrow();
        assertEquals(3, r.result().states());
        assertEquals("asymmetric", r.spec().weights());
        assertTrue(r.spec().activationPerChannel());
    }

    @Test
    void badOptionsNameTheOption() {
        for (String[] bad : List.of(new String[] {"--calibration", "bogus", "'--calibration'"},
                new String[] {"--weights", "round", "'--weights'"}, new String[] {"--granularity", "layer", "'--granularity'"},
                new String[] {"--calibration-samples", "0", "'--calibration-samples'"}, new String[] {"--states", "1", "'--states'"})) {
            StringWriter err = new StringWriter();
            String states = bad[0].equals("--states") ? bad[1] : "4";
            int code = MaqdCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "ptq",
                    floatRun.toString(), "--states", states, bad[0].equals("--states") ? "--weights" : bad[0],
                    bad[0].equals("--states") ? "symmetric" : bad[1]);
            assertEquals(2, code, err.toString());
            assertTrue(err.toString().contains(bad[2]) && !err.toString().contains("Exception"), err.toString());
        }
    }
}
