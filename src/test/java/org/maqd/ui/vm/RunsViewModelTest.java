package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.maqd.run.CertificateRecord;
import org.maqd.run.HistogramRow;
import org.maqd.run.LayerProbeRow;
import org.maqd.run.MetricRow;
import org.maqd.run.RunFixtures;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.ui.engine.EngineExperimentFiles;

class RunsViewModelTest {
    @TempDir Path root;

    private void run(String name, String norm, double acc) throws Exception { FakeRuns.write(root, name, norm, acc); }

    @Test
    void differsInShowsNoNoiseAndRunsHaveDistinctLabels() throws Exception {
        run("2026-11-21-a", "lbn", 0.95);
        run("2026-11-21-b", "bn", 0.90);
        run("2026-11-21-c", "bn", 0.91);
        // older and newer run folders: an explicit empty lock list and "all samples" limits against none at all
        Path a = root.resolve("2026-11-21-a").resolve("experiment.json");
        String json = Files.readString(a);
        Files.writeString(a, json.replaceFirst("\\{", "{\"locks\": [], \"threads\": 2,")
                .replace("\"dataset\"", "\"trainLimit\": 0, \"dataset\""));
        RunsViewModel vm = new RunsViewModel(root);
        vm.refresh();
        assertEquals("norm=lbn", vm.rows().get(0).differences(), "no locks=[], trainLimit=0 or threads");
        assertEquals(java.util.List.of("norm"), vm.groupKeys(), "locks is not a setting to group by");
        java.util.List<String> labels = RunsViewModel.overlayLabels(vm.rows());
        assertEquals(3, new java.util.HashSet<>(labels).size(), "every run has its own label: " + labels);
        assertEquals("#2 norm=bn", labels.get(1));
        // an overlay of two runs names what differs between those two: b and c (both bn) were both "norm=bn"
        assertEquals(java.util.List.of("#2 2026-11-21-b", "#3 2026-11-21-c"), RunsViewModel.overlayLabels(vm.rows().subList(1, 3)));
        assertEquals(java.util.List.of("#1 norm=lbn", "#3 norm=bn"),
                RunsViewModel.overlayLabels(java.util.List.of(vm.rows().get(0), vm.rows().get(2))));
    }

    /** The table reads a run's settings as the reports do: a list setting reads "[1, 32, 32]" in both. */
    @Test
    void listSettingsReadAsInTheReports() throws Exception {
        run("2026-11-21-a", "bn", 0.90);
        run("2026-11-21-b", "bn", 0.92);
        Path b = root.resolve("2026-11-21-b").resolve("experiment.json");
        Files.writeString(b, Files.readString(b).replaceFirst("\"input\"\\s*:\\s*\\[[^]]*]", "\"input\": [1, 32, 32]"));
        RunsViewModel vm = new RunsViewModel(root);
        vm.refresh();
        assertEquals("network.input=[1, 32, 32]", vm.rows().get(1).differences());
        assertEquals(org.maqd.report.SettingDifferences.flatten(org.maqd.experiment.ExperimentIO.MAPPER.readTree(b.toFile())),
                vm.rows().get(1).run().settings(), "one flattener for the table and the reports");
    }

    /** A graph against a chain: one "network" difference, not a row per layer path (nor the graph as one JSON blob). */
    @Test
    void aGraphAgainstAChainIsOneDifference() throws Exception {
        run("2026-11-21-a", "bn", 0.90);
        run("2026-11-21-b", "bn", 0.92);
        var e = org.maqd.experiment.ExperimentIO.read(root.resolve("2026-11-21-b").resolve("experiment.json"));
        var nodes = Templates.network(Templates.RESNET, 8).nodes();
        new EngineExperimentFiles().write(e.withNetwork(e.network().withNodes(nodes)), root.resolve("2026-11-21-b").resolve("experiment.json"));
        RunsViewModel vm = new RunsViewModel(root);
        vm.refresh();
        assertEquals("network=chain, 4 layers", vm.rows().get(0).differences());
        assertEquals("network=graph, " + nodes.size() + " nodes", vm.rows().get(1).differences());
        assertEquals(List.of("network"), vm.groupKeys(), "the runs can be grouped by their structure");
    }

    @Test
    void aStoppedRunIsListedInItsGroupButNotAveragedIn() throws Exception {
        run("2026-11-21-a", "bn", 0.90);
        run("2026-11-21-b", "bn", 0.92);
        run("2026-11-21-c", "lbn", 0.95);
        run("2026-11-21-d", "bn", 0.40);
        org.maqd.run.RunFixtures.summary("2026-11-21-d", "stopped", 0.40).write(root.resolve("2026-11-21-d"));
        RunsViewModel vm = new RunsViewModel(root);
        vm.refresh();
        GroupStats.Group bn = vm.groups().stream().filter(g -> g.value().equals("bn")).findFirst().orElseThrow();
        assertEquals(3, bn.runs().size());
        assertEquals(2, bn.n(), "the stopped run's accuracy is an earlier epoch's");
        assertEquals(0.91, bn.mean(), 1e-12);
    }

    @Test
    void tableShowsOnlyDifferingSettingsAccuracyAndSize() throws Exception {
        run("2026-11-21-a", "lbn", 0.95);
        run("2026-11-21-b", "ln", 0.90);
        Files.createDirectories(root.resolve("not-a-run"));
        RunsViewModel vm = new RunsViewModel(root);
        vm.refresh();
        assertEquals(2, vm.rows().size());
        RunsViewModel.Row a = vm.rows().get(0);
        assertEquals("norm=lbn", a.differences());
        assertEquals(java.util.List.of("norm"), vm.groupKeys());
        assertEquals("norm", vm.groupByProperty().get());
        assertEquals(2, vm.groups().size());
        assertEquals("lbn", vm.groups().get(0).value());
        assertEquals(0.95, vm.groups().get(0).mean(), 1e-12);
        vm.groupKeys().addListener((javafx.collections.ListChangeListener<String>) c -> vm.groupByProperty().set(null));
        vm.refresh();
        assertEquals("norm", vm.groupByProperty().get(), "a chooser that clears its value on new choices does not lose the grouping");
        assertEquals(2, vm.groups().size());
        assertEquals("95.00%", a.accuracy());
        assertEquals(RunsViewModel.bytes((new org.maqd.ui.engine.EngineNetworkAnalyzer().analyze(
                org.maqd.model.NetworkResolver.resolve(Templates.network("MLP"))).bits() + 7) / 8), a.size(),
                "deployed size: weight memory at the chosen states of model.json");
        assertEquals("not verified", a.deployment());
        assertEquals("not integer-only: layer 1 (linear) uses LN, whose statistics are computed per sample at inference (use lbn, bn or none)",
                vm.rows().get(1).deployment(), "spec rule on model.json");
        assertEquals("completed", a.run().status());
        double[][] c = vm.rows().get(1).run().testAccuracyCurve();
        assertArrayEquals(new double[]{1, 2}, c[0]);
        assertArrayEquals(new double[]{0.8, 0.9}, c[1], 1e-12);
        assertTrue(vm.messageProperty().get().startsWith("2 run(s)"));
        double[][] h = a.run().lastWeightHistogram(1);
        assertArrayEquals(new double[]{-1.5, -0.5, 0.5, 1.5}, h[0], 1e-12);
        assertArrayEquals(new double[]{0, 0.25, 0.75, 0}, h[1], 1e-12);
        assertEquals(java.util.List.of(1, 2), a.run().histogramLayers());
        assertEquals(0, a.run().lastWeightHistogram(7)[0].length);
        assertEquals(java.util.Map.of(0, "1:linear (256 states)", 1, "2:linear (3 states)", 2, "3:output (2 states)"),
                a.run().probeLayerNames());
        assertEquals(1, a.run().preferredProbeLayer(), "the ternary hidden layer, not the 2-state output");
        RunFolder.ProbeLayers four = new RunFolder.ProbeLayers(java.util.Map.of(1, "2:linear"), java.util.Map.of(1, 4), 1);
        RunFolder.ProbeLayers flt = new RunFolder.ProbeLayers(java.util.Map.of(1, "2:linear"), java.util.Map.of(1, 0), -1);
        assertEquals(java.util.Map.of(1, "2:linear (3 / 4 states)", 0, "1:linear (256 states)", 2, "3:output (2 states)"),
                RunFolder.ProbeLayers.labels(java.util.List.of(a.run().probeLayers(), four)));
        assertEquals(java.util.Map.of(1, "2:linear (float)"), flt.names());
        assertEquals(java.util.Map.of(1, "2:linear (float / 4 states)"), RunFolder.ProbeLayers.labels(java.util.List.of(flt, four)));
    }

    /** A deployer that writes a fixed certificate, or refuses one run as not integer-only. */
    static final class FakeDeployer implements org.maqd.ui.engine.Deployer {
        volatile String calledOn;
        @Override public java.util.Map<String, Object> verify(Path runDir) {
            calledOn = Thread.currentThread().getName();
            if (runDir.getFileName().toString().endsWith("b")) {
                throw new org.maqd.deploy.NotIntegerOnlyException("layer 1 (linear) may need a 40-bit accumulator");
            }
            CertificateRecord c = RunFixtures.certificate(99.95, 12345);
            c.write(runDir);
            return c.toMap();
        }
        @Override public String exportC(Path runDir, Path outDir) { return outDir.toString(); }
        @Override public String exportOnnx(Path runDir, Path file) {
            calledOn = Thread.currentThread().getName();
            if (file.getFileName().toString().startsWith("bad")) throw new java.io.UncheckedIOException("cannot write " + file + ": denied", new java.io.IOException());
            return file.toString();
        }
    }

    @Test
    void verifyRunsInTheBackgroundAndTheBadgeAndSizeFollowTheCertificate() throws Exception {
        run("2026-11-21-a", "lbn", 0.95);
        run("2026-11-21-b", "bn", 0.90);
        FakeDeployer d = new FakeDeployer();
        RunsViewModel vm = new RunsViewModel(root, d);
        java.util.concurrent.LinkedBlockingQueue<Runnable> ui = new java.util.concurrent.LinkedBlockingQueue<>();
        vm.setUiExecutor(ui::add);
        vm.refresh();
        assertTrue(vm.verify(vm.rows().get(0)));
        assertTrue(vm.busyProperty().get());
        assertFalse(vm.verify(vm.rows().get(1)), "one deployment command at a time");
        ui.poll(20, java.util.concurrent.TimeUnit.SECONDS).run();
        assertEquals("maqd-deploy", d.calledOn, "not on the caller's thread");
        assertFalse(vm.busyProperty().get());
        assertEquals("integer-only ✓ 99.9% identical", vm.rows().get(0).deployment());
        assertEquals("12.1 kB", vm.rows().get(0).size(), "the certificate's packed model bytes");
        assertTrue(vm.deployMessageProperty().get().contains("certificate.json written"), vm.deployMessageProperty().get());
        assertTrue(vm.verify(vm.rows().get(1)));
        ui.poll(20, java.util.concurrent.TimeUnit.SECONDS).run();
        assertEquals("not integer-only: layer 1 (linear) may need a 40-bit accumulator", vm.rows().get(1).deployment());
        assertTrue(vm.deployMessageProperty().get().startsWith("not integer-only because"), vm.deployMessageProperty().get());
    }

    @Test
    void exportOnnxRunsInTheBackgroundAndReportsTheFileOrTheReason() throws Exception {
        run("2026-11-21-a", "lbn", 0.95);
        FakeDeployer d = new FakeDeployer();
        RunsViewModel vm = new RunsViewModel(root, d);
        java.util.concurrent.LinkedBlockingQueue<Runnable> ui = new java.util.concurrent.LinkedBlockingQueue<>();
        vm.setUiExecutor(ui::add);
        vm.refresh();
        Path file = root.resolve("a.onnx");
        assertTrue(vm.exportOnnx(vm.rows().get(0), file));
        assertTrue(vm.busyProperty().get());
        assertTrue(vm.deployMessageProperty().get().startsWith("Exporting 2026-11-21-a as ONNX"), vm.deployMessageProperty().get());
        assertFalse(vm.verify(vm.rows().get(0)), "one deployment command at a time");
        ui.poll(20, java.util.concurrent.TimeUnit.SECONDS).run();
        assertEquals("maqd-deploy", d.calledOn, "not on the caller's thread");
        assertFalse(vm.busyProperty().get());
        assertEquals("ONNX written to " + file, vm.deployMessageProperty().get());
        assertTrue(vm.exportOnnx(vm.rows().get(0), root.resolve("bad.onnx")));
        ui.poll(20, java.util.concurrent.TimeUnit.SECONDS).run();
        assertEquals("cannot write " + root.resolve("bad.onnx") + ": denied", vm.deployMessageProperty().get());
        assertEquals("not verified", vm.rows().get(0).deployment(), "an ONNX export does not touch the badge");
    }

    @Test
    void anEmptyRootSaysWhatToDo() {
        RunsViewModel vm = new RunsViewModel(root.resolve("none"));
        vm.refresh();
        assertTrue(vm.rows().isEmpty());
        assertTrue(vm.messageProperty().get().contains("No runs"));
    }

    /** The selection is run folders: a refresh (new row objects) keeps it; a run that ends here becomes it. */
    @Test
    void refreshKeepsTheSelectionAndARunThatEndsHereBecomesItEvenAfterASweepTrialWasOpened() throws Exception {
        run("2026-11-21-a", "bn", 0.90);
        run("2026-11-21-b", "lbn", 0.92);
        run("2026-11-21-c", "bn", 0.93);
        RunsViewModel vm = new RunsViewModel(root);
        vm.refresh();
        assertEquals(List.of(root.resolve("2026-11-21-c")), vm.selected(), "the last run when nothing was selected");
        vm.selected().setAll(List.of(root.resolve("2026-11-21-a"), root.resolve("2026-11-21-b")));
        run("2026-11-21-d", "lbn", 0.94);
        vm.refresh();
        assertEquals(4, vm.rows().size());
        assertEquals(List.of(root.resolve("2026-11-21-a"), root.resolve("2026-11-21-b")), vm.selected(), "kept");

        Path trials = Files.createDirectories(root.resolve("sweep").resolve("trials"));
        FakeRuns.write(trials, "norm=bn_seed=1", "bn", 0.9);
        vm.select(trials.resolve("norm=bn_seed=1"));
        assertEquals(trials.toAbsolutePath(), vm.rootProperty().get(), "a trial lists with the sweep's trials");
        assertEquals(1, vm.rows().size());
        vm.select(root.resolve("2026-11-21-d"));
        assertEquals(root.toAbsolutePath(), vm.rootProperty().get(), "a run trained afterwards lists with the runs again");
        assertEquals(List.of(root.resolve("2026-11-21-d")), vm.selected());
    }

    @Test
    void runFoldersListInReadingOrderWithNumbersComparedAsNumbers() throws Exception {
        for (String n : List.of("weightStates=16_seed=0", "weightStates=2_seed=1", "weightStates=3_seed=0", "weightStates=2_seed=0"))
            run(n, "lbn", 0.9);
        RunsViewModel vm = new RunsViewModel(root);
        vm.refresh();
        assertEquals(List.of("weightStates=2_seed=0", "weightStates=2_seed=1", "weightStates=3_seed=0", "weightStates=16_seed=0"),
                vm.rows().stream().map(r -> r.run().dir().getFileName().toString()).toList());
        assertTrue(RunsViewModel.compareNatural("20261203-212946-a", "20261203-213043-a") < 0, "time stamps keep their order");
        assertTrue(RunsViewModel.compareNatural("run-007", "run-7") != 0, "distinct names stay distinct");
        assertTrue(RunsViewModel.compareNatural("a9", "a10") < 0);
        assertTrue(RunsViewModel.compareNatural("a", "a1") < 0);
    }
}
