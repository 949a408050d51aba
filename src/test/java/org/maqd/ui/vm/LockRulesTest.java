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

    @Test
    void graphNodesAreLockedByIdAndTheirListLocksTheStructure() {
        var net = Templates.network(Templates.RESNET, 8);
        int stem = 0, conv2 = -1;
        for (int i = 0; i < net.all().size(); i++) if ("s1.b1.conv2".equals(net.all().get(i).id())) conv2 = i;
        assertTrue(conv2 > 0, "the template has s1.b1.conv2");
        assertTrue("stem".equals(net.all().get(stem).id()));
        LockRules r = new LockRules(List.of("network.nodes[stem].weightStates", "network.nodes[s1.b1.conv2].norm"));
        assertTrue(r.layerFieldLocked(net, stem, "weightStates"));
        assertFalse(r.layerFieldLocked(net, stem, "norm"));
        assertTrue(r.layerFieldLocked(net, conv2, "norm"));
        assertFalse(r.layerFieldLocked(net, conv2, "weightStates"));
        assertTrue(new LockRules(List.of("network.nodes.*.norm")).layerFieldLocked(net, conv2, "norm"));
        assertFalse(new LockRules(List.of("network.layers.*.norm")).layerFieldLocked(net, conv2, "norm"), "a chain's path");
        assertTrue(new LockRules(List.of("network.nodes")).structureLocked(net));
        assertFalse(new LockRules(List.of("network.layers")).structureLocked(net));
    }
}
