package org.maqd;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** `./maqd FILE` opens that experiment in the window; subcommands stay headless. */
class MainTest {
    @Test
    void anExperimentFileOpensTheWindowOnItAndCommandsRunHeadless() {
        assertTrue(Main.opensWindow(new String[0]));
        assertTrue(Main.opensWindow(new String[] {"experiments/quickstart.json"}), "./maqd FILE");
        assertTrue(Main.opensWindow(new String[] {"/tmp/My Lesson.JSON"}));
        assertFalse(Main.opensWindow(new String[] {"run", "experiments/quickstart.json"}));
        assertFalse(Main.opensWindow(new String[] {"--help"}));
        assertFalse(Main.opensWindow(new String[] {"report", "runs/a", "runs/b"}));
    }
}
