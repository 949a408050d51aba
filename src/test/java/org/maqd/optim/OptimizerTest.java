package org.maqd.optim;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.nn.Param;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;

class OptimizerTest {
    static Param param(float w, float g, boolean decay) {
        Param p = new Param("w", Tensor.of(new float[] {w}, 1), decay);
        p.grad.data[0] = g;
        return p;
    }

    @Test
    void adamFirstStepMovesByLearningRate() {
        Param p = param(1f, 0.5f, true);
        new Adam(List.of(p), 0.9, 0.999, 0, false, Parallel.serial()).step(0.01);
        // bias-corrected m/√v = sign(g) on the first step
        assertEquals(1f - 0.01f, p.value.data[0], 1e-6);
    }

    @Test
    void adamWDecouplesWeightDecay() {
        Param a = param(2f, 0f, true), b = param(2f, 0f, true);
        new Adam(List.of(a), 0.9, 0.999, 0.1, true, Parallel.serial()).step(0.5);
        assertEquals(2f * (1 - 0.5f * 0.1f), a.value.data[0], 1e-6);
        new Adam(List.of(b), 0.9, 0.999, 0.1, false, Parallel.serial()).step(0.5);
        assertEquals(2f - 0.5f, b.value.data[0], 1e-5, "L2 decay goes through Adam's normalisation");
    }

    @Test
    void sgdMomentumAndDecay() {
        Param p = param(1f, 1f, true);
        Sgd s = new Sgd(List.of(p), 0.9, 0.1, Parallel.serial());
        s.step(0.1);                       // v = 1.1, w = 1 − 0.11
        assertEquals(0.89f, p.value.data[0], 1e-6);
        s.step(0.1);                       // v = 0.9·1.1 + (1 + 0.089) = 2.079
        assertEquals(0.89f - 0.2079f, p.value.data[0], 1e-6);
        Param nd = param(1f, 0f, false);
        new Sgd(List.of(nd), 0.9, 0.1, Parallel.serial()).step(0.1);
        assertEquals(1f, nd.value.data[0], "no decay on parameters marked decay=false");
    }

    @Test
    void schedules() {
        LrSchedule cos = new LrSchedule("cosine", 1.0, 0, 10, 0.1, 4, 10);
        assertEquals(1.0, cos.at(0), 1e-12);
        assertEquals(0.5, cos.at(20), 1e-12);
        assertEquals(0.0, cos.at(40), 1e-12);
        LrSchedule warm = new LrSchedule("cosine", 1.0, 1, 10, 0.1, 4, 10);
        assertEquals(0.1, warm.at(0), 1e-12);
        assertEquals(1.0, warm.at(9), 1e-12);
        assertEquals(1.0, warm.at(10), 1e-12);
        LrSchedule step = new LrSchedule("step", 1.0, 0, 2, 0.1, 6, 10);
        assertEquals(1.0, step.at(19), 1e-12);
        assertEquals(0.1, step.at(20), 1e-12);
        assertEquals(0.01, step.at(45), 1e-12);
        assertEquals(0.3, new LrSchedule("constant", 0.3, 0, 1, 1, 1, 1).at(100));
    }
}
