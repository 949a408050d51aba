package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LockRulesTest {
    @Test
    void exactIndexedWildcardAndPrefixLocks() {
        LockRules r = new LockRules(List.of("training.batchSize", "network.layers[2].weightStates",
                "network.layers.*.norm", "network.defaults"));
        assertTrue(r.isLocked("training.batchSize"));
        assertFalse(r.isLocked("training.epochs"));
        assertTrue(r.layerFieldLocked(2, "weightStates"));
        assertFalse(r.layerFieldLocked(1, "weightStates"));
        assertTrue(r.layerFieldLocked(0, "norm"));
        assertTrue(r.layerFieldLocked(7, "norm"));
        assertTrue(r.isLocked("network.defaults.weightStates"));
        assertFalse(r.structureLocked());
        assertTrue(new LockRules(List.of("network.layers")).structureLocked());
        assertTrue(new LockRules(List.of("network.layers")).layerFieldLocked(3, "units"));
        assertTrue(new LockRules(List.of("network")).isLocked("network.layers[0].units"));
    }

    @Test
    void noLocksLockNothing() {
        LockRules r = new LockRules(null);
        assertTrue(r.isEmpty());
        assertFalse(r.isLocked("training.batchSize"));
        assertFalse(r.structureLocked());
    }
}
