package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maqd.experiment.Experiment;
import org.maqd.ui.engine.EnginePlayground;

/** The playground trains both networks live and publishes decision regions; measures its updates per second. */
class PlaygroundViewModelTest {
    @Test
    void bothNetworksTrainAndPublishDecisionRegions() throws Exception {
        PlaygroundViewModel vm = new PlaygroundViewModel(new EnginePlayground());
        vm.datasetProperty().set("xor");
        vm.weightStatesProperty().set(2);
        vm.start();
        assertTrue(vm.runningProperty().get(), vm.errorProperty().get());
        assertEquals(2, vm.classes());
        assertEquals(2 * vm.labels().length, vm.points().length);
        long end = System.nanoTime() + 120_000_000_000L;
        PlaygroundViewModel.Frame f = vm.frame();
        while ((f == null || f.steps() < 1500) && System.nanoTime() < end) {
            Thread.sleep(20);
            f = vm.frame();
        }
        vm.stop();
        assertNotNull(f, vm.errorProperty().get());
        assertEquals(PlaygroundViewModel.GRID * PlaygroundViewModel.GRID, f.quantized().length);
        assertEquals(f.quantized().length, f.floating().length);
        System.out.printf("[measure] playground (xor, 2 states): %.1f updates/s of %d steps per network, step %d, "
                + "accuracy quantized %.3f float %.3f%n", f.framesPerSecond(), PlaygroundViewModel.STEPS_PER_FRAME,
                f.steps(), f.quantizedAccuracy(), f.floatAccuracy());
        assertTrue(f.floatAccuracy() > 0.8, "the float network learns xor: " + f.floatAccuracy());
        assertTrue(f.quantizedAccuracy() > 0.7, "the 2-state network learns xor: " + f.quantizedAccuracy());
        int classA = 0;
        for (int c : f.floating()) if (c == 0) classA++;
        assertTrue(classA > 0 && classA < f.floating().length, "both classes have a region");
    }

    @Test
    void theSetIsShownBeforeTrainingAndAChangeWhileStoppedClearsTheOldRegions() throws Exception {
        PlaygroundViewModel vm = new PlaygroundViewModel(new EnginePlayground());
        assertTrue(vm.labels().length > 0, "the default set's points are there before the first ▶ Train");
        assertEquals(2 * vm.labels().length, vm.points().length);
        assertEquals(3, vm.classes(), "spirals: three arms");
        vm.datasetProperty().set("blobs");
        assertEquals(4, vm.classes(), "the new set's points, at once");
        for (int y : vm.labels()) assertTrue(y >= 0 && y < 4);
        vm.start();
        long end = System.nanoTime() + 60_000_000_000L;
        while (vm.frame() == null && System.nanoTime() < end) Thread.sleep(10);
        vm.stop();
        assertNotNull(vm.frame(), vm.errorProperty().get());
        vm.weightStatesProperty().set(8);
        assertNull(vm.frame(), "the regions were the 3-state network's: not shown under an 8-state title");
        vm.start();
        end = System.nanoTime() + 60_000_000_000L;
        while (vm.frame() == null && System.nanoTime() < end) Thread.sleep(10);
        vm.stop();
        assertNotNull(vm.frame(), vm.errorProperty().get());
        vm.datasetProperty().set("xor");
        assertNull(vm.frame(), "the blobs' regions are not shown over the xor points");
        assertEquals(2, vm.classes());
    }

    @Test
    void theFloatTwinDiffersOnlyInItsWeightStates() {
        Experiment q = PlaygroundViewModel.experiment("spirals", 3);
        Experiment f = PlaygroundViewModel.floating(q);
        assertEquals(q.network().layers().size(), f.network().layers().size());
        for (int i = 0; i < q.network().layers().size(); i++) {
            var a = q.network().layers().get(i);
            var b = f.network().layers().get(i);
            assertEquals(a.withWeightStates(b.weightStates()), b, "layer " + i);
        }
        assertEquals(Integer.valueOf(0), q.network().layers().get(1).weightStates(), "the 2-input layer keeps float weights");
        assertEquals(Boolean.FALSE, q.network().layers().get(1).weightStandardization(), "and no weight standardization");
        assertEquals(3, q.network().layers().get(3).units(), "three arms");
    }

    /** Hiding pauses what trains and showing resumes it; a pause the user pressed survives the tab's coming back. */
    @Test
    void hidingPausesAndShowingResumesOnlyWhatTheHidingPaused() throws Exception {
        PlaygroundViewModel vm = new PlaygroundViewModel(new EnginePlayground());
        vm.datasetProperty().set("xor");
        vm.train();
        long end = System.nanoTime() + 60_000_000_000L;
        while (vm.frame() == null && System.nanoTime() < end) Thread.sleep(10);
        vm.shownProperty().set(false);
        assertTrue(vm.pausedProperty().get() && !vm.runningProperty().get(), "hidden: paused");
        vm.shownProperty().set(true);
        assertTrue(vm.runningProperty().get(), "shown again: training again");
        vm.train();
        assertTrue(vm.pausedProperty().get(), "the user's pause");
        vm.shownProperty().set(false);
        vm.shownProperty().set(true);
        assertTrue(vm.pausedProperty().get() && !vm.runningProperty().get(), "stays a pause after the tab comes back");
        vm.stop();
    }
}
