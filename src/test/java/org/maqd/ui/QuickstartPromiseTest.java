package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.maqd.experiment.ExperimentIO;

/**
 * The quickstart's words match what its run shows: the latent-weight histogram stays one broad hump (it does not
 * "snap onto three levels"); what settles is the state occupancy and the flip rate, both charted beside it.
 */
class QuickstartPromiseTest {
    @Test
    void theQuickstartPromisesWhatTheChartsShow() {
        String d = ExperimentIO.read(Path.of("experiments", "quickstart.json")).description();
        assertFalse(d.contains("snap"), "a promise the histogram does not keep: " + d);
        assertTrue(d.contains("three quantization levels") && d.contains("histogram stays broad"), d);
        assertTrue(d.contains("state occupancy settle") && d.contains("flip rate fall"), d);
    }
}
