package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.ui.engine.EngineExperimentFiles;

/** Teacher mode names the fields a lesson locks as the student sees them, and shows what a broader lock covers. */
class LessonLocksTest {
    @Test
    void locksAreNamedLikeTheFieldsAndABroaderLockCoversItsFields() {
        assertEquals("Batch size", LessonViewModel.label("training.batchSize"));
        assertEquals("Weight states M_w, every layer", LessonViewModel.label("network.layers.*.weightStates"));
        assertEquals("Layer list (add, remove, move)", LessonViewModel.label("network.layers"));
        assertEquals("some.future.field", LessonViewModel.label("some.future.field"));
        ExperimentDocument doc = new ExperimentDocument(new EngineExperimentFiles(),
                Templates.quickstart().withLocks(List.of("data", "seed")), null);
        LessonViewModel vm = new LessonViewModel(doc);
        assertEquals("data", vm.coveredBy("data.dataset"), "the data lock covers the dataset");
        assertNull(vm.coveredBy("seed"), "locked itself");
        assertNull(vm.coveredBy("training.epochs"));
    }
}
