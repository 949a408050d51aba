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
}
