package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.maqd.experiment.Experiment;
import org.maqd.model.LayerSpec;
import org.maqd.ui.ScriptedTrainer;
import org.maqd.ui.engine.EngineExperimentFiles;
import org.maqd.ui.engine.EngineNetworkAnalyzer;
import org.maqd.ui.engine.Trainer;

class TrainingViewModelTest {
    private static TrainingViewModel vm(Experiment e, Trainer t) {
        return new TrainingViewModel(new ExperimentDocument(new EngineExperimentFiles(), e, null), t,
                new EngineNetworkAnalyzer(), Path.of("target", "test-runs"));
    }

    private static void until(TrainingViewModel vm, java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            vm.sample(System.nanoTime());
            if (System.nanoTime() > end) throw new AssertionError("timed out; status " + vm.statusProperty().get());
            Thread.sleep(5);
        }
    }

    @Test
    void aRunFeedsProgressChartsAndFinishes() throws Exception {
        ScriptedTrainer t = new ScriptedTrainer(2, 20, 0);
        TrainingViewModel vm = vm(Templates.quickstart(), t);
        assertTrue(vm.start());
        assertFalse(vm.start(), "a second start while running is refused");
        until(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
        LiveFeed f = vm.feedProperty().get();
        assertEquals(40, f.stepLoss.size());
        assertEquals(8, f.probes.size());
        assertEquals(2, f.epochs.size());
        assertEquals(List.of("linear1", "linear2"), vm.layerNames());
        assertEquals(1.0, vm.progressProperty().get(), 1e-9);
        assertTrue(vm.statusProperty().get().contains("completed"), vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().contains("88.00%"), vm.statusProperty().get());
        assertNotNull(vm.lastRunDirProperty().get());
        assertFalse(vm.sample(System.nanoTime()), "no new data after the end");
        vm.selectNetworkLayer(1);
        assertEquals(1, vm.selectedLayerProperty().get(), "probe layer with network index 1");
        vm.selectNetworkLayer(0);
        assertEquals(0, vm.selectedLayerProperty().get());
        vm.selectNetworkLayer(9);
        assertEquals(0, vm.selectedLayerProperty().get(), "a layer the run does not observe changes nothing");
    }

    /**
     * The run ends between sample()'s read of the feed's version and its check for the result (forced here: the
     * layer list update inside sample() waits until the training thread has returned). The data of the last
     * callbacks must still count as new, and nothing may count as new once the state is FINISHED.
     */
    @Test
    void theEndOfARunIsSeenOnlyWithAllItsData() throws Exception {
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        Thread[] training = new Thread[1];
        Trainer t = new Trainer() {
            @Override public boolean available() { return true; }
            @Override public Result run(Experiment e, Path b, Path r, org.maqd.train.RunControl c,
                                        List<org.maqd.train.TrainingListener> ls) {
                training[0] = Thread.currentThread();
                var info = new org.maqd.train.RunInfo("race", 1, 0, 1, 32, 32, 100, 1, List.of("1:linear"));
                ls.forEach(l -> l.onStart(info));
                try {
                    go.await();
                } catch (InterruptedException ex) {
                    throw new IllegalStateException(ex);
                }
                var m = new org.maqd.train.StepMetrics(1, 1, 1, 1, 0.5, 0.5, 1e-3, 1000);
                ls.forEach(l -> l.onStep(m));
                var o = new org.maqd.train.RunOutcome("completed", null, null, 1, 1);
                ls.forEach(l -> l.onEnd(o));
                return new Result(null, o);
            }
        };
        TrainingViewModel vm = vm(Templates.quickstart(), t);
        assertTrue(vm.start());
        LiveFeed f = vm.feedProperty().get();
        while (f.info() == null) Thread.sleep(2);
        vm.layerNames().addListener((javafx.collections.ListChangeListener<String>) c -> {
            go.countDown();
            try {
                training[0].join();
            } catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
        boolean fresh = false;
        while (vm.stateProperty().get() != RunState.FINISHED) fresh = vm.sample(System.nanoTime());
        assertTrue(fresh, "the sample that sees the end also brings the last step");
        assertFalse(vm.sample(System.nanoTime()), "no new data after the end");
    }

    @Test
    void aNewRunOrDocumentForgetsThePreviousRun() throws Exception {
        TrainingViewModel vm = vm(Templates.quickstart(), new ScriptedTrainer(1, 10, 0));
        assertTrue(vm.start());
        until(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
        assertEquals(List.of("linear1", "linear2"), vm.layerNames());
        vm.selectNetworkLayer(1);
        assertFalse(vm.setSetting(TrainingSettings.EPOCHS, "-3"));
        assertFalse(vm.settingMessageProperty().get().isEmpty());
        vm.document().load(Templates.quickstart().withName("other"), null);
        assertEquals(null, vm.feedProperty().get(), "the charts lose the previous run");
        assertTrue(vm.layerNames().isEmpty(), "the layer selector loses the previous run's layers");
        assertEquals(-1, vm.selectedLayerProperty().get());
        assertEquals("", vm.settingMessageProperty().get(), "no message about the previous document");
        assertEquals(0, vm.progressProperty().get());
        assertEquals(RunState.IDLE, vm.stateProperty().get());
        assertEquals("", vm.throughputProperty().get());
    }

    /** File → New or Open during a run: the run stops, and nothing of it stays on screen, not even after it ends. */
    @Test
    void aDocumentLoadedDuringARunStopsItAndShowsNothingOfIt() throws Exception {
        TrainingViewModel vm = runningQuickstart();
        vm.document().load(Templates.quickstart().withName("other"), null);
        assertEquals(null, vm.feedProperty().get(), "the charts lose the run at once");
        assertTrue(vm.layerNames().isEmpty());
        assertTrue(vm.stateProperty().get().active(), "the cores are busy until the stopped run has ended");
        assertFalse(vm.start(), "no second run beside the stopping one");
        until(vm, () -> vm.stateProperty().get() == RunState.IDLE);
        assertEquals(null, vm.feedProperty().get(), "its end brings none of it back");
        assertEquals("Ready", vm.statusProperty().get());
        assertEquals(null, vm.lastRunDirProperty().get(), "nor does it become the run to report on");
        assertTrue(vm.start(), "free again");
        until(vm, () -> vm.feedProperty().get() != null && vm.feedProperty().get().stepLoss.size() > 0);
        vm.stop();
        until(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
    }

    /** The quickstart running on a scripted trainer, a few steps in. */
    private TrainingViewModel runningQuickstart() throws Exception {
        ScriptedTrainer t = new ScriptedTrainer(50, 100, 2);
        TrainingViewModel vm = vm(Templates.quickstart(), t);
        assertTrue(vm.start());
        assertTrue(t.started.await(10, TimeUnit.SECONDS));
        until(vm, () -> vm.feedProperty().get().stepLoss.size() > 3);
        return vm;
    }

    private static org.maqd.train.LayerProbe withStates(String name, int index, int states) {
        org.maqd.train.LayerProbe p = org.maqd.ui.ScriptedTrainer.probe(index, name, 0);
        return new org.maqd.train.LayerProbe(p.index(), name, p.norm(), states, p.activationStates(), p.weightStep(),
                p.activationStep(), p.latentHistogram(), p.histMin(), p.histMax(), p.weightOccupancy(), p.flipRate(),
                p.weightMse(), p.weightSqnrDb(), p.activationMse(), p.activationSqnrDb(), p.activationHistogram(),
                p.actMin(), p.actMax(), p.activationOccupancy(), p.firingRate(), p.rasterRows(), p.rasterCols(),
                p.spikeRaster(), p.runningMean(), p.runningVar());
    }

    @Test
    void chartsStartOnTheMostQuantizedHiddenLayerAndComposerIndicesMapByName() {
        var quickstart = List.of(withStates("1:linear", 0, 256), withStates("2:linear", 1, 3), withStates("3:output", 2, 256));
        assertEquals(1, TrainingViewModel.preferredLayer(quickstart), "the ternary hidden layer, not the output");
        var binaryOutput = List.of(withStates("1:linear", 0, 256), withStates("2:linear", 1, 3), withStates("3:output", 2, 2));
        assertEquals(1, TrainingViewModel.preferredLayer(binaryOutput), "hidden layers come before the output");
        assertEquals(0, TrainingViewModel.preferredLayer(List.of(withStates("1:output", 0, 3))));
        assertEquals(2, TrainingViewModel.networkIndex(quickstart.get(1)), "network index from the name, not the probe index");
        assertEquals(4, TrainingViewModel.networkIndex(withStates("4:residual.conv1", 0, 3)));
        assertEquals(7, TrainingViewModel.networkIndex(withStates("linear", 7, 3)));
    }

    @Test
    void pauseHoldsTheTrainingThreadAndStopEndsTheRun() throws Exception {
        TrainingViewModel vm = runningQuickstart();
        vm.pause();
        assertEquals(RunState.PAUSED, vm.stateProperty().get());
        Thread.sleep(100);
        int n = vm.feedProperty().get().stepLoss.size();
        Thread.sleep(200);
        assertTrue(vm.feedProperty().get().stepLoss.size() <= n + 1, "steps kept coming while paused");
        vm.resume();
        until(vm, () -> vm.feedProperty().get().stepLoss.size() > n + 3);
        vm.stop();
        assertEquals(RunState.STOPPING, vm.stateProperty().get());
        until(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
        assertTrue(vm.statusProperty().get().contains("stopped"), vm.statusProperty().get());
        assertTrue(vm.progressProperty().get() < 1);
    }

    @Test
    void failuresAndImpossibleNetworksBecomeErrorMessages() throws Exception {
        ScriptedTrainer t = new ScriptedTrainer(1, 5, 0);
        t.failWith = new IllegalArgumentException("data: no such dataset 'mnist-99'");
        TrainingViewModel vm = vm(Templates.quickstart(), t);
        assertTrue(vm.start());
        until(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
        assertTrue(vm.errorProperty().get().contains("mnist-99"));

        Experiment broken = Templates.quickstart().withNetwork(Templates.network("MLP")
                .withLayers(List.of(LayerSpec.linear(10), LayerSpec.output(10))));
        TrainingViewModel bad = vm(broken, new ScriptedTrainer(1, 5, 0));
        assertFalse(bad.start());
        assertTrue(bad.errorProperty().get().contains("layer 0"), bad.errorProperty().get());
        assertTrue(bad.errorProperty().get().contains("flatten"));
    }

    /** A refused value says which rule it broke and what the field went back to (it read "Epochs must be ≥ 0" beside a 1). */
    @Test
    void aRefusedSettingSaysTheRuleAndTheValueKept() {
        TrainingViewModel vm = vm(Templates.quickstart(), new ScriptedTrainer(1, 1, 0));
        String epochs = TrainingSettings.EPOCHS.get(vm.document().get());
        assertFalse(vm.setSetting(TrainingSettings.EPOCHS, "-3"));
        assertEquals("Epochs must be ≥ 1 · kept " + epochs, vm.settingMessageProperty().get());
        assertFalse(vm.setSetting(TrainingSettings.EPOCHS, "0"));
        assertTrue(vm.settingMessageProperty().get().startsWith("Epochs must be ≥ 1"), vm.settingMessageProperty().get());
        assertFalse(vm.setSetting(TrainingSettings.TRAIN_LIMIT, "-1"));
        assertEquals("Train samples must be ≥ 0 · kept all", vm.settingMessageProperty().get());
        // the file's validator is the field's too: 100000000 threads was taken, and the run failed at its start
        assertFalse(vm.setSetting(TrainingSettings.THREADS, "100000000"));
        assertEquals("Threads must be 1..256 · kept all cores", vm.settingMessageProperty().get());
        assertFalse(vm.setSetting(TrainingSettings.THREADS, "0"));
        assertTrue(vm.setSetting(TrainingSettings.THREADS, "2"));
        assertEquals("2", TrainingSettings.THREADS.get(vm.document().get()));
    }

    /** A run refused before its first step (a batch too large for memory) leaves the last run's charts as they were. */
    @Test
    void aRunRefusedBeforeItsFirstStepKeepsThePreviousRunsCharts() throws Exception {
        ScriptedTrainer t = new ScriptedTrainer(1, 10, 0);
        TrainingViewModel vm = vm(Templates.quickstart(), t);
        assertTrue(vm.start());
        until(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
        LiveFeed first = vm.feedProperty().get();
        vm.selectedLayerProperty().set(1);
        t.failWith = new IllegalArgumentException("network.layers[1] (linear): the network needs at least about 40 GB of memory");
        assertTrue(vm.start());
        until(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
        assertTrue(vm.errorProperty().get().contains("40 GB"), vm.errorProperty().get());
        assertTrue(vm.feedProperty().get() == first, "every chart went blank");
        assertEquals(List.of("linear1", "linear2"), vm.layerNames());
        assertEquals(1, vm.selectedLayerProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Run failed") && vm.statusProperty().get().contains("previous run"),
                vm.statusProperty().get());
    }

    @Test
    void withoutAnEngineRunIsRefusedWithTheReason() {
        Trainer none = new Trainer() {
            @Override public boolean available() { return false; }
            @Override public Result run(Experiment e, Path b, Path r, org.maqd.train.RunControl c,
                                        List<org.maqd.train.TrainingListener> l) { throw new AssertionError("must not run"); }
        };
        TrainingViewModel vm = vm(Templates.quickstart(), none);
        assertFalse(vm.start());
        assertTrue(vm.errorProperty().get().contains("no training engine"));
    }

    @Test
    void settingsEditThroughTheDocumentAndRespectLocks() {
        TrainingViewModel vm = vm(Templates.quickstart().withLocks(List.of("training.batchSize")), new ScriptedTrainer(1, 1, 0));
        assertTrue(vm.setSetting(TrainingSettings.EPOCHS, "7"));
        assertEquals(7, vm.document().get().training().epochs());
        assertFalse(vm.setSetting(TrainingSettings.BATCH_SIZE, "4"));
        assertTrue(vm.settingMessageProperty().get().contains("locked by the experiment"));
        assertEquals(64, vm.document().get().training().batchSize());
        assertFalse(vm.setSetting(TrainingSettings.LEARNING_RATE, "-1"));
        assertFalse(vm.setSetting(TrainingSettings.SEED, "x"));
        assertTrue(vm.setSetting(TrainingSettings.TRAIN_LIMIT, "512"));
        assertEquals(512, vm.document().get().data().trainLimit());
        vm.document().undo();
        assertEquals(null, vm.document().get().data().trainLimit());
        assertEquals("1m05s", TrainingViewModel.duration(65));
    }
}
