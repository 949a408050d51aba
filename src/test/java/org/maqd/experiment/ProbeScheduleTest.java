package org.maqd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.train.LayerProbe;
import org.maqd.train.ProbeSnapshot;
import org.maqd.train.TrainingListener;

/** One probe snapshot per step: the epoch end is not probed twice when its last batch was probed already. */
class ProbeScheduleTest {
    @Test
    void everyProbedStepAppearsOnceAndFlipRatesDoNotDropToZeroAtEpochEnds(@TempDir Path dir) {
        // 640 samples / batch 32 = 20 steps per epoch, a probe every 5 steps: the last batch of each epoch is probed
        List<ProbeSnapshot> probes = new ArrayList<>();
        RunResult r = RunLauncherTest.run(RunLauncherTest.small(2, 1), dir.resolve("a"), false, null, List.of(new TrainingListener() {
            @Override public void onProbe(ProbeSnapshot s) { probes.add(s); }
        }));
        assertTrue(r.outcome().completed(), r.outcome().message());
        List<Long> steps = probes.stream().map(ProbeSnapshot::step).toList();
        assertEquals(List.of(5L, 10L, 15L, 20L, 25L, 30L, 35L, 40L), steps, "one snapshot per probed step");
        for (ProbeSnapshot s : probes.subList(1, probes.size()))
            for (LayerProbe p : s.layers())
                if (p.weightStates() == 3) assertTrue(p.flipRate() > 0, "flip rate at step " + s.step() + " of " + p.name());
    }
}
