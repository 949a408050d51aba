package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.ui.engine.EngineExperimentFiles;

class RunsViewModelTest {
    @TempDir Path root;

    private void run(String name, String norm, double acc) throws Exception {
        Path d = Files.createDirectories(root.resolve(name));
        var e = Templates.quickstart().withName(name);
        e = e.withNetwork(e.network().withDefaults(new org.maqd.model.QuantDefaults(3, 2, norm, null, null, null, null,
                null, null, null, null, null, null, null)));
        // resolved experiments repeat the default in every layer, as run folders store them
        e = e.withNetwork(e.network().withLayers(e.network().layers().stream()
                .map(l -> l.isBlock() ? l.withNorm(norm) : l).collect(java.util.stream.Collectors.toList())));
        new EngineExperimentFiles().write(e, d.resolve("experiment.json"));
        Files.writeString(d.resolve("summary.json"), "{\"status\":\"completed\",\"final\":{\"testAccuracy\":" + acc + "}}");
        Files.writeString(d.resolve("metrics.csv"), "epoch,step,train_loss,test_accuracy\n1,10,0.5,\n1,20,0.4," + (acc - 0.1)
                + "\n2,30,0.3,\n2,40,0.2," + acc + "\n");
        Files.write(d.resolve("model.safetensors"), new byte[2048]);
        Files.writeString(d.resolve("histograms.csv"), "epoch,step,layer,kind,min,max,counts\n"
                + "1,10,1,weight,-2,2,1 1 1 1\n1,10,1,activation,0,1,5 5\n2,40,1,weight,-2,2,0 2 6 0\n2,40,2,weight,-1,1,3 1\n");
    }

    @Test
    void tableShowsOnlyDifferingSettingsAccuracyAndSize() throws Exception {
        run("2026-11-21-a", "lbn", 0.95);
        run("2026-11-21-b", "bn", 0.90);
        Files.createDirectories(root.resolve("not-a-run"));
        RunsViewModel vm = new RunsViewModel(root);
        vm.refresh();
        assertEquals(2, vm.rows().size());
        RunsViewModel.Row a = vm.rows().get(0);
        assertEquals("norm=lbn", a.differences());
        assertEquals("95.00%", a.accuracy());
        assertEquals("2.0 kB", a.size());
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
    }

    @Test
    void anEmptyRootSaysWhatToDo() {
        RunsViewModel vm = new RunsViewModel(root.resolve("none"));
        vm.refresh();
        assertTrue(vm.rows().isEmpty());
        assertTrue(vm.messageProperty().get().contains("No runs"));
    }
}
