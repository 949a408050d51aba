package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maqd.model.QuantDefaults;
import org.maqd.tensor.Tensor;
import org.maqd.train.LayerValues;
import org.maqd.ui.engine.EngineQuantMath;

class QuantizerViewModelTest {
    @Test
    void gaussianStepsMatchTheMethodTable() {
        QuantizerViewModel vm = new QuantizerViewModel(new EngineQuantMath());
        double[][] signed = {{2, 1.596}, {3, 1.224}, {4, 0.996}, {8, 0.586}};
        for (double[] r : signed) {
            vm.statesProperty().set((int) r[0]);
            assertEquals(r[1], vm.stepProperty().get(), 2e-3, "signed M=" + r[0]);
        }
        vm.signedProperty().set(false);
        vm.statesProperty().set(2);
        assertEquals(1.224, vm.stepProperty().get(), 2e-3);
        vm.statesProperty().set(4);
        assertEquals(0.651, vm.stepProperty().get(), 2e-3);
    }

    @Test
    void staircaseTakesOnlyTheLevelsAndSteSurrogateIsOneInsideTheClipRange() {
        QuantizerViewModel vm = new QuantizerViewModel(new EngineQuantMath());
        vm.gaussianStepProperty().set(false);
        vm.stepProperty().set(1.0);
        vm.statesProperty().set(3);
        vm.surrogateProperty().set("ste");
        QuantizerViewModel.Curves c = vm.curves(401);
        assertArrayEquals(new double[]{-1, 0, 1}, c.levels(), 1e-12);
        assertEquals(-1.5, c.lo(), 1e-12);
        assertEquals(1.5, c.hi(), 1e-12);
        for (int i = 0; i < c.z().length; i++) {
            double q = c.q()[i];
            assertTrue(q == -1 || q == 0 || q == 1, "Q=" + q);
            boolean inside = c.z()[i] >= -1.5 && c.z()[i] <= 1.5;
            assertEquals(inside ? 1.0 : 0.0, c.grad()[i], "z=" + c.z()[i]);
        }
        vm.surrogateProperty().set("triangle");
        QuantizerViewModel.Curves t = vm.curves(401);
        double peak = 0;
        for (double g : t.grad()) peak = Math.max(peak, g);
        assertEquals(1.0, peak, 1e-2);
        assertTrue(vm.summaryProperty().get().contains("1.58 bits"));
    }

    @Test
    void unsignedLevelsStartAtZero() {
        assertArrayEquals(new double[]{0, 0.5, 1.0, 1.5}, QuantizerViewModel.levels(4, 0.5, false), 1e-12);
        assertArrayEquals(new double[]{-0.75, -0.25, 0.25, 0.75}, QuantizerViewModel.levels(4, 0.5, true), 1e-12);
    }

    @Test
    void surrogateDefaultsAreTheRunsDefaultsForTheQuantizerShown() {
        QuantizerViewModel vm = new QuantizerViewModel(new EngineQuantMath());
        QuantDefaults d = QuantDefaults.STANDARD;
        assertEquals(d.weightSurrogate(), vm.surrogateProperty().get(), "signed weights start with the weight surrogate");
        assertEquals(d.alpha(), vm.alphaProperty().get(), 1e-12);
        vm.signedProperty().set(false);
        assertEquals("triangle", d.activationSurrogate());
        assertEquals(d.activationSurrogate(), vm.surrogateProperty().get(), "activations use the activation surrogate");
        vm.signedProperty().set(true);
        assertEquals(d.weightSurrogate(), vm.surrogateProperty().get());
    }

    /** The classifier has weights but no activation quantizer: asking for its activations shows nothing of its weights. */
    @Test
    void aLayerWithoutTheChosenKindOfDataShowsNoNumbersOfTheOtherKind() {
        QuantizerViewModel vm = new QuantizerViewModel(new EngineQuantMath());
        AffineViewModel a = vm.affine();
        a.activeProperty().set(true);
        Tensor w = Tensor.zeros(4, 8);
        for (int i = 0; i < w.size(); i++) w.data[i] = (float) Math.sin(i * 0.7);
        LayerValues output = new LayerValues("3:output", w, null);
        vm.takeLayer(output, 7, "live run, step 7");
        assertTrue(a.numbersProperty().get().startsWith("S = "), a.numbersProperty().get());

        vm.signedProperty().set(false);
        vm.takeLayer(output, 7, "live run, step 7");
        assertNull(a.dataProperty().get(), "no data of the chosen kind: not the weights under the activations' name");
        assertNull(a.resultProperty().get());
        assertNull(a.target());
        assertEquals("", a.numbersProperty().get());
        assertTrue(a.table().isEmpty(), "error table rows: " + a.table());
        assertEquals("3:output has no activation quantizer to show", a.messageProperty().get());

        vm.signedProperty().set(true);
        vm.takeLayer(output, 7, "live run, step 7");
        assertTrue(a.dataProperty().get().weights(), "picking a kind the layer has brings the data back");
        assertTrue(a.numbersProperty().get().startsWith("S = "), a.numbersProperty().get());
        assertEquals("", a.messageProperty().get());
        assertEquals(AffineViewModel.TABLE_STATES.length, a.table().size());
    }
}
