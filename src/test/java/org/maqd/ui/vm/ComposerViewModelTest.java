package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.experiment.Experiment;
import org.maqd.model.LayerSpec;
import org.maqd.ui.engine.EngineExperimentFiles;
import org.maqd.ui.engine.EngineNetworkAnalyzer;

class ComposerViewModelTest {
    private ExperimentDocument doc(Experiment e) { return new ExperimentDocument(new EngineExperimentFiles(), e, null); }

    private ComposerViewModel vm(Experiment e) { return new ComposerViewModel(doc(e), new EngineNetworkAnalyzer()); }

    private static List<LayerSpec> layers(ComposerViewModel vm) { return vm.document().get().network().layers(); }

    @Test
    void insertMoveRemoveAreUndoable() {
        ComposerViewModel vm = vm(Templates.quickstart());
        assertEquals(5, vm.graph().nodes().size());
        assertTrue(vm.insert(3, "dropout"));
        assertEquals("dropout", layers(vm).get(3).type());
        assertEquals(3, vm.selectedProperty().get());
        assertTrue(vm.move(3, 1));
        assertEquals("dropout", layers(vm).get(1).type());
        assertTrue(vm.remove(1));
        assertEquals(4, layers(vm).size());
        vm.document().undo();
        assertEquals("dropout", layers(vm).get(1).type());
        vm.document().undo();
        assertEquals("dropout", layers(vm).get(3).type());
        vm.document().undo();
        assertEquals(Templates.quickstart(), vm.document().get());
        assertFalse(vm.document().isDirty());
        vm.document().redo();
        assertEquals(5, layers(vm).size());
        assertTrue(vm.document().isDirty());
    }

    @Test
    void fieldEditsParseValidateAndShowDefaults() {
        ComposerViewModel vm = vm(Templates.quickstart());
        vm.selectedProperty().set(2);
        FieldItem ws = vm.fields().stream().filter(f -> f.field() == LayerField.WEIGHT_STATES).findFirst().orElseThrow();
        assertEquals("3", ws.value());
        assertTrue(ws.isDefault());
        assertTrue(vm.setField(2, LayerField.WEIGHT_STATES, "5"));
        assertTrue(vm.setField(2, LayerField.NORM, "bn"));
        assertEquals(5, layers(vm).get(2).weightStates());
        assertEquals("bn", layers(vm).get(2).norm());
        FieldItem norm = vm.fields().stream().filter(f -> f.field() == LayerField.NORM).findFirst().orElseThrow();
        assertEquals("bn", norm.value());
        assertFalse(norm.isDefault());
        assertFalse(vm.setField(2, LayerField.WEIGHT_STATES, "1"));
        assertTrue(vm.messageProperty().get().contains("0 (float) or a number of states from 2 to 256"), vm.messageProperty().get());
        assertFalse(vm.setField(2, LayerField.UNITS, "abc"));
        assertTrue(vm.messageProperty().get().contains("not a whole number"));
        assertFalse(vm.setField(2, LayerField.NORM, "batchnorm"));
        assertTrue(vm.setField(2, LayerField.WEIGHT_STATES, ""));
        assertNull(layers(vm).get(2).weightStates());
    }

    /** Group normalization shows its group count, and only it does (GN had no groups field). */
    @Test
    void groupNormalizationShowsItsGroups() {
        ComposerViewModel vm = vm(Templates.quickstart());
        vm.selectedProperty().set(2);
        assertTrue(vm.fields().stream().noneMatch(f -> f.field() == LayerField.GROUPS), "no groups under lbn");
        assertTrue(vm.setField(2, LayerField.NORM, "gn"));
        FieldItem groups = vm.fields().stream().filter(f -> f.field() == LayerField.GROUPS).findFirst().orElseThrow();
        assertEquals("8", groups.value());
        assertTrue(groups.isDefault());
        assertTrue(vm.setField(2, LayerField.GROUPS, "4"));
        assertEquals(4, layers(vm).get(2).groups());
    }

    @Test
    void bulkEditSetsEveryHiddenBlockButNotTheClassifier() {
        ComposerViewModel vm = vm(Templates.quickstart());
        assertEquals(2, vm.bulkHidden(LayerField.WEIGHT_STATES, "4"));
        assertEquals(4, layers(vm).get(1).weightStates());
        assertEquals(4, layers(vm).get(2).weightStates());
        assertNull(layers(vm).get(3).weightStates());
        assertEquals(1, vm.document().history().size());
        vm.document().undo();
        assertNull(layers(vm).get(1).weightStates());
    }

    @Test
    void locksRefuseEditsAndBulkSkipsLockedLayers() {
        Experiment e = Templates.quickstart().withLocks(List.of("network.layers[1].weightStates", "network.layers.*.norm"));
        ComposerViewModel vm = vm(e);
        assertFalse(vm.setField(1, LayerField.WEIGHT_STATES, "5"));
        assertTrue(vm.messageProperty().get().contains("locked by the experiment"));
        assertFalse(vm.setField(2, LayerField.NORM, "bn"));
        assertTrue(vm.setField(2, LayerField.WEIGHT_STATES, "5"));
        assertEquals(1, vm.bulkHidden(LayerField.WEIGHT_STATES, "7"));
        assertNull(layers(vm).get(1).weightStates());
        assertEquals(7, layers(vm).get(2).weightStates());
        assertTrue(vm.messageProperty().get().contains("1 layer(s) skipped"));
        vm.selectedProperty().set(1);
        assertTrue(vm.fields().stream().filter(f -> f.field() == LayerField.WEIGHT_STATES).findFirst().orElseThrow().locked());
        ComposerViewModel locked = vm(Templates.quickstart().withLocks(List.of("network.layers")));
        assertFalse(locked.insert(0, "linear"));
        assertFalse(locked.remove(0));
        assertFalse(locked.applyTemplate("Small ResNet"));
    }

    @Test
    void impossibleNetworksShowTheReasonOnTheOffendingNode() {
        ComposerViewModel vm = vm(Templates.quickstart());
        assertTrue(vm.remove(0));
        GraphNode bad = vm.graph().layerNode(0);
        assertFalse(bad.ok());
        assertTrue(bad.error().contains("flatten"), bad.error());
        assertEquals(0, vm.cost().firstError());
        GraphNode after = vm.graph().layerNode(1);
        assertTrue(after.ok() && after.shape().equals("?"), "only the offending node shows an error; the next has no shape");
        vm.document().undo();
        assertEquals(-1, vm.cost().firstError());
    }

    @Test
    void templatesReplaceTheNetworkAndCostFollows() {
        ComposerViewModel vm = vm(Templates.quickstart());
        long mlp = vm.cost().params();
        assertTrue(vm.applyTemplate("LeNet-style CNN"));
        assertEquals("conv2d", layers(vm).get(0).type());
        assertEquals(-1, vm.cost().firstError());
        assertTrue(vm.cost().params() < mlp);
        assertTrue(vm.applyTemplate("Small ResNet"));
        assertEquals(-1, vm.cost().firstError(), () -> vm.cost().rows().toString());
        assertEquals("[10]", vm.graph().nodes().get(vm.graph().nodes().size() - 1).shape());
    }

    @Test
    void inputShapeEditsParseAndRespectLocks() {
        ComposerViewModel vm = vm(Templates.quickstart());
        assertTrue(vm.setInput("3, 32, 32"));
        assertEquals(List.of(3, 32, 32), vm.document().get().network().input());
        assertEquals("[3072]", vm.graph().layerNode(0).shape());
        assertTrue(vm.setInput("[2]"));
        assertEquals(List.of(2, 1, 1), vm.document().get().network().input(), "flat features, a shape the experiment file accepts");
        assertFalse(vm.setInput("3, 0, 4"));
        assertFalse(vm.setInput("1, 28"));
        assertFalse(vm.setInput("a, b, c"));
        assertTrue(vm.messageProperty().get().contains("Input shape"));
        assertFalse(vm(Templates.quickstart().withLocks(List.of("network.input"))).setInput("1, 8, 8"));
    }

    @Test
    void theTemplateFollowsTheNetworkNotItsQuantization() {
        ComposerViewModel vm = vm(Templates.quickstart());
        assertEquals(new TemplateMatch.Match("MLP", Templates.DEFAULT_DEPTH), vm.templateProperty().get());
        vm.selectedProperty().set(1);
        assertTrue(vm.setField(1, LayerField.WEIGHT_STATES, "5"));
        assertEquals("MLP", vm.templateProperty().get().name(), "states are not the architecture");
        assertTrue(vm.setField(1, LayerField.UNITS, "128"));
        assertEquals(TemplateMatch.CUSTOM, vm.templateProperty().get().name(), "an MLP 784-128-256-10 is no template");
        vm.document().load(Templates.quickstart().withNetwork(Templates.network(Templates.RESNET, 14)), null);
        assertEquals(new TemplateMatch.Match(Templates.RESNET, 14), vm.templateProperty().get());
    }

    @Test
    void theMemoryNoteFollowsTheNetworkAndTheBatchSize() {
        ComposerViewModel vm = vm(Templates.quickstart());
        vm.setFreeHeap(() -> 1L << 30);
        MemoryNote first = vm.memoryProperty().get();
        assertTrue(first.text().contains("at batch size 64"), first.text());
        assertFalse(first.tooLarge());
        assertTrue(vm.setField(1, LayerField.UNITS, "4096"));
        MemoryNote wide = vm.memoryProperty().get();
        assertTrue(mb(wide) > mb(first), first.text() + " → " + wide.text());
        vm.document().edit("batch", e -> e.withTraining(e.training().withBatchSize(512)));
        assertTrue(vm.memoryProperty().get().text().contains("at batch size 512"), vm.memoryProperty().get().text());
        vm.setFreeHeap(() -> 1L << 20);
        assertTrue(vm.memoryProperty().get().tooLarge(), "more than 1 MB of heap");
        assertTrue(vm.memoryProperty().get().text().contains("network.layers[1]"), vm.memoryProperty().get().text());
    }

    private static double mb(MemoryNote n) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("about ([0-9.]+) (kB|MB|GB)").matcher(n.text());
        assertTrue(m.find(), n.text());
        return Double.parseDouble(m.group(1)) * switch (m.group(2)) { case "kB" -> 1e-3; case "GB" -> 1e3; default -> 1; };
    }

    @Test
    void aLockedGraphNodeShowsLockedInThePropertySheetAndRefusesEdits() {
        Experiment e = Templates.quickstart().withNetwork(Templates.network(Templates.RESNET, 8))
                .withLocks(List.of("network.nodes[stem].weightStates"));
        ComposerViewModel vm = vm(e);
        assertEquals("stem", vm.document().get().network().nodes().get(0).id());
        vm.selectedProperty().set(0);
        FieldItem ws = vm.fields().stream().filter(f -> f.field() == LayerField.WEIGHT_STATES).findFirst().orElseThrow();
        assertTrue(ws.locked(), "the property sheet marks the stem's weight states locked");
        FieldItem norm = vm.fields().stream().filter(f -> f.field() == LayerField.NORM).findFirst().orElseThrow();
        assertFalse(norm.locked());
        assertFalse(vm.setField(0, LayerField.WEIGHT_STATES, "5"));
        assertTrue(vm.messageProperty().get().contains("locked"), vm.messageProperty().get());
        assertTrue(vm.setField(0, LayerField.NORM, "bn"), "other fields stay editable");
    }
}
