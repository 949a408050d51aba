package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Lessons names each lesson by its title (it listed the file names: "lbn-vs-bn", "qat-vs-ptq"). */
class LessonTitleTest {
    @Test
    void aLessonIsNamedByItsTextsTitleElseByItsFile(@TempDir Path dir) throws Exception {
        assertEquals("LBN against BN at small batch sizes", LessonViewModel.title(Path.of("experiments", "lessons", "lbn-vs-bn.json")));
        Path bare = dir.resolve("my-lesson.json");
        Files.writeString(bare, "{}");
        assertEquals("my-lesson", LessonViewModel.title(bare), "no text: the file's name");
        Files.writeString(LessonViewModel.textFile(bare), "\n\nNo heading here.\n");
        assertEquals("my-lesson", LessonViewModel.title(bare), "a text without a title line");
        Files.writeString(LessonViewModel.textFile(bare), "\n#  Rounding, by hand  \nText.\n");
        assertEquals("Rounding, by hand", LessonViewModel.title(bare));
    }

    /** The introduction ("What is a state…") came last in the alphabetical menu. */
    @Test
    void theShippedLessonsComeInTeachingOrderAndOthersAfter() throws Exception {
        java.util.List<Path> files;
        try (var s = Files.list(Path.of("experiments", "lessons"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).toList();
        }
        java.util.List<Path> ordered = LessonViewModel.inCourseOrder(new java.util.ArrayList<>(files));
        assertEquals("states-cost.json", ordered.get(0).getFileName().toString());
        assertEquals(LessonViewModel.COURSE.size(), files.size(), "every shipped lesson has its place in the course");
        java.util.List<Path> mixed = LessonViewModel.inCourseOrder(java.util.List.of(Path.of("zz.json"), Path.of("aa.json"),
                Path.of("lbn-vs-bn.json"), Path.of("states-cost.json")));
        assertEquals(java.util.List.of("states-cost.json", "lbn-vs-bn.json", "aa.json", "zz.json"),
                mixed.stream().map(p -> p.getFileName().toString()).toList());
    }
}
