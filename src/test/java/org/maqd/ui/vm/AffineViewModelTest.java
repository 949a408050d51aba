package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;
import org.maqd.nn.Mode;
import org.maqd.quant.QuantError;
import org.maqd.quant.WeightQuantizer;
import org.maqd.quant.ptq.AffineQuantizer;
import org.maqd.quant.ptq.Calibrator;
import org.maqd.quant.ptq.DynamicQuantizer;
import org.maqd.tensor.Tensor;

/** S, Z, clip ranges and errors of the affine explorer against the PTQ classes themselves, on fixed data. */
class AffineViewModelTest {
    private static Tensor gaussian(long seed, int... shape) {
        Random r = new Random(seed);
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) t.data[i] = (float) (r.nextGaussian() * 0.05 + 0.01);
        return t;
    }

    private static AffineViewModel vm(ExplorerData d, int states) {
        AffineViewModel vm = new AffineViewModel(new SimpleIntegerProperty(states));
        vm.dataProperty().set(d);
        return vm;
    }

    private static Calibrator calibrated(String kind, int m, boolean sym, int axis, double p, Tensor target) {
        Calibrator c = Calibrator.create(kind, m, sym, axis, p);
        c.observe(target);
        return c;
    }

    /**
     * A range dragged by hand on one layer's weights is not kept for other values: switching to activations (or to
     * another layer) starts from min-max again. It stayed at the weights' α = −1.5, with a level at −2.66 on
     * unsigned activations.
     */
    @Test
    void aHandSetRangeIsNotCarriedToOtherValues() {
        Tensor w = gaussian(3, 16, 8);
        AffineViewModel vm = vm(new ExplorerData("2:linear", true, List.of(w)), 4);
        vm.symmetricProperty().set(false);
        vm.moveHandle(true, -1.5);
        assertEquals(AffineViewModel.MANUAL, vm.calibrationProperty().get());
        assertEquals(-1.5, vm.alphaProperty().get(), 1e-12);
        Tensor x = new Tensor(new float[] {-1, 0, 1, 2, 3, 1.4f}, 1, 6);
        vm.dataProperty().set(new ExplorerData("2:linear", false, List.of(x)));
        assertEquals("minmax", vm.calibrationProperty().get(), "activations after a hand-set weight range");
        assertEquals(0.0, vm.alphaProperty().get(), 1e-12, "min-max of ReLU'd activations");
        assertEquals(3.0, vm.betaProperty().get(), 1e-12);
        for (double level : vm.resultProperty().get().levels()) assertTrue(level >= 0, "a level below 0 on unsigned data: " + level);

        vm.moveHandle(false, 2.0);   // hand-set on these activations: kept while batches of the same layer arrive
        vm.dataProperty().set(new ExplorerData("2:linear", false, List.of(x, x)));
        assertEquals(AffineViewModel.MANUAL, vm.calibrationProperty().get());
        vm.dataProperty().set(new ExplorerData("3:linear", false, List.of(x)));
        assertEquals("minmax", vm.calibrationProperty().get(), "another layer");
    }

    @Test
    void exactNumbersOnASmallActivationBatch() {
        // ReLU([-1, 0, 1, 2, 3, 1.4]) = [0, 0, 1, 2, 3, 1.4]; asymmetric min-max over 4 states: S = 1, Z = 0
        Tensor x = new Tensor(new float[] {-1, 0, 1, 2, 3, 1.4f}, 1, 6);
        AffineViewModel vm = vm(new ExplorerData("1:linear", false, List.of(x)), 4);
        assertEquals(false, vm.symmetricProperty().get(), "activations start asymmetric, as the PTQ baseline");
        AffineQuantizer q = vm.resultProperty().get().quantizer();
        assertEquals(1.0, q.scale(0), 1e-12);
        assertEquals(0, q.zero(0));
        assertArrayEquals(new double[] {0, 1, 2, 3}, vm.resultProperty().get().levels(), 1e-12);
        assertEquals(0.4 * 0.4 / 6, vm.resultProperty().get().error().mse(), 1e-7, "only 1.4 -> 1 is off");
        assertEquals(0.0, vm.alphaProperty().get(), 1e-12);
        assertEquals(3.0, vm.betaProperty().get(), 1e-12);
        assertTrue(vm.numbersProperty().get().startsWith("S = 1 · Z = 0"), vm.numbersProperty().get());
        // symmetric over 4 states: S = 3 / 1.5 = 2, codes [-2, 1]
        vm.symmetricProperty().set(true);
        assertEquals(2.0, vm.resultProperty().get().quantizer().scale(0), 1e-12);
        assertArrayEquals(new double[] {-4, -2, 0, 2}, vm.resultProperty().get().levels(), 1e-12);
    }

    @Test
    void weightRangesScalesAndErrorsAreThePtqClassesOnStandardizedWeights() {
        Tensor w = gaussian(7, 16, 32);
        AffineViewModel vm = vm(new ExplorerData("2:linear", true, List.of(w)), 3);
        AffineExplorer ex = new AffineExplorer(vm.dataProperty().get());
        Tensor target = ex.target();
        WeightQuantizer wq = new WeightQuantizer(WeightQuantizer.Config.gaussian(3));
        wq.forward(w, Mode.EVAL);
        assertArrayEquals(wq.standardized().data, target.data, 1e-6f, "the affine quantizer sees the same Ŵ as MaQD");
        assertTrue(vm.symmetricProperty().get(), "weights start symmetric, as the PTQ baseline");
        for (String kind : AffineExplorer.METHODS) {
            vm.calibrationProperty().set(kind);
            Calibrator c = calibrated(kind, 3, true, -1, "percentile".equals(kind) ? 99.9 : 0, target);
            AffineQuantizer expect = c.finish();
            AffineViewModel.Result r = vm.resultProperty().get();
            assertEquals(expect.scale(0), r.quantizer().scale(0), 1e-12, kind);
            assertEquals(expect.zero(0), r.quantizer().zero(0), kind);
            assertArrayEquals(c.clipRange().lo(), r.methodRanges().get(kind).lo(), 1e-12, kind);
            assertArrayEquals(c.clipRange().hi(), r.methodRanges().get(kind).hi(), 1e-12, kind);
            assertEquals(c.clipRange().hi()[0], vm.betaProperty().get(), 1e-12, "β is the method's range");
            assertEquals(expect.error(target).mse(), r.error().mse(), 1e-12, kind);
            assertEquals(expect.error(target).sqnrDb(), r.error().sqnrDb(), 1e-9, kind);
            QuantError.Result maqd = QuantError.of(wq.standardized(), wq.quantized());
            // the explorer quantizes Ŵ as it has it; re-standardizing in float moves the error in the 6th digit
            assertEquals(maqd.mse(), r.maqdError().mse(), 1e-5 * maqd.mse(), "MaQD's error is its weight quantizer's");
        }
        double before = vm.resultProperty().get().error().mse();
        vm.calibrationProperty().set("percentile");
        double p999 = vm.betaProperty().get();
        vm.percentileProperty().set(90);
        assertTrue(vm.betaProperty().get() < p999, "a lower percentile clips tighter");
        assertNotEquals(before, vm.resultProperty().get().error().mse());
        vm.perChannelProperty().set(true);
        AffineQuantizer pc = calibrated("percentile", 3, true, 0, 90, target).finish();
        assertEquals(16, vm.resultProperty().get().quantizer().channelCount());
        for (int c = 0; c < 16; c++) assertEquals(pc.scale(c), vm.resultProperty().get().quantizer().scale(c), 1e-12);
        assertTrue(vm.numbersProperty().get().startsWith("16 channels"), vm.numbersProperty().get());
    }

    @Test
    void handlesSetAManualPerTensorRange() {
        AffineViewModel vm = vm(new ExplorerData("2:linear", true, List.of(gaussian(3, 8, 8))), 4);
        vm.perChannelProperty().set(true);
        vm.symmetricProperty().set(false);
        vm.moveHandle(true, -0.5);
        assertEquals(AffineViewModel.MANUAL, vm.calibrationProperty().get());
        assertEquals(false, vm.perChannelProperty().get());
        AffineQuantizer expect = AffineQuantizer.perTensor(4, false, -0.5, vm.betaProperty().get());
        assertEquals(expect.scale(0), vm.resultProperty().get().quantizer().scale(0), 1e-12);
        assertEquals(expect.zero(0), vm.resultProperty().get().quantizer().zero(0));
        vm.moveHandle(false, 1.0);
        expect = AffineQuantizer.perTensor(4, false, -0.5, 1.0);
        assertEquals(expect.scale(0), vm.resultProperty().get().quantizer().scale(0), 1e-12);
        assertEquals(expect.zero(0), vm.resultProperty().get().quantizer().zero(0));
        // symmetric uses max(|α|, |β|): the handles move together, so moving α alone changes S
        vm.symmetricProperty().set(true);
        vm.moveHandle(true, -0.25);
        assertEquals(-0.25, vm.alphaProperty().get(), 1e-12);
        assertEquals(0.25, vm.betaProperty().get(), 1e-12);
        assertEquals(AffineQuantizer.perTensor(4, true, -0.25, 0.25).scale(0), vm.resultProperty().get().quantizer().scale(0), 1e-12);
    }

    @Test
    void twoStatesWithAnExactZeroLoseTheSignOfHalfTheWeightsMaqdKeepsIt() {
        AffineViewModel vm = vm(new ExplorerData("2:linear", true, List.of(gaussian(11, 64, 64))), 2);
        vm.symmetricProperty().set(false);
        for (String kind : AffineExplorer.METHODS) {
            vm.calibrationProperty().set(kind);
            AffineViewModel.Row two = vm.table().get(0);
            assertEquals(2, two.states());
            assertEquals(0.0, two.maqd().signLost(), 1e-12, "MaQD's two levels are ±Δ/2");
            // one of the two levels is 0: every value on its side (about half) loses its sign, often more
            assertTrue(two.affine().signLost() >= 0.45, kind + " lost " + two.affine().signLost());
            assertTrue(two.maqd().sqnrDb() > two.affine().sqnrDb(), kind);
        }
        assertEquals(AffineViewModel.TABLE_STATES.length, vm.table().size());
        double[] lv = vm.resultProperty().get().levels();
        assertTrue(lv[0] == 0 || lv[1] == 0, "one of the two affine levels is exactly 0");
    }

    @Test
    void dynamicRangesFollowEachBatchStaticStaysPut() {
        List<Tensor> batches = List.of(gaussian(1, 4, 10), gaussian(2, 4, 10), gaussian(3, 4, 10));
        for (int b = 0; b < 3; b++) for (int i = 0; i < 40; i++) batches.get(b).data[i] *= (b + 1);
        AffineViewModel vm = vm(new ExplorerData("1:linear", false, batches), 4);
        List<AffineExplorer.BatchRow> rows = vm.resultProperty().get().batches();
        assertEquals(3, rows.size());
        AffineQuantizer fixed = vm.resultProperty().get().quantizer();
        for (int b = 0; b < 3; b++) {
            Tensor t = batches.get(b).copy();
            for (int i = 0; i < t.size(); i++) t.data[i] = Math.max(0, t.data[i]);
            DynamicQuantizer dq = new DynamicQuantizer(4, false, -1);
            Tensor out = dq.apply(t, Tensor.zeros(t.shape()));
            assertEquals(dq.lastRange().hi()[0], rows.get(b).dynamicHi(), 1e-12);
            assertEquals(QuantError.of(t, out).mse(), rows.get(b).dynamicMse(), 1e-12);
            assertEquals(vm.betaProperty().get(), rows.get(b).staticHi(), 1e-12);
            assertEquals(QuantError.of(t, fixed.quantizeDequantize(t, Tensor.zeros(t.shape()))).mse(), rows.get(b).staticMse(), 1e-12);
        }
        assertTrue(rows.get(0).dynamicHi() < rows.get(2).dynamicHi(), "the range moves with the batches");
        assertEquals(rows.get(2).dynamicHi(), vm.betaProperty().get(), 1e-6, "static min-max covers every batch");
    }

    @Test
    void noDataSaysWhatToDo() {
        AffineViewModel vm = new AffineViewModel(new SimpleIntegerProperty(3));
        vm.dataProperty().set(new ExplorerData("x", true, List.of(gaussian(1, 2, 2))));
        vm.dataProperty().set(null);
        assertEquals(null, vm.resultProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("No data"));
        assertTrue(vm.table().isEmpty());
    }
}
