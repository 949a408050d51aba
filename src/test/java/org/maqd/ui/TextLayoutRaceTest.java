package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Once a window is open, no two text layouts share JavaFX's pooled glyph layout: each request gets its own, so the FX
 * thread and the render thread never shape text in the same object (a ConcurrentModificationException in a layout
 * pass before).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TextLayoutRaceTest {
    @TempDir static java.nio.file.Path dir;

    @Start
    void start(Stage stage) throws Exception {
        TestWindows.quickstartLoaded(stage, dir);
    }

    @Test
    void everyGlyphLayoutRequestGetsItsOwnInstance(FxRobot robot) throws Exception {
        assertTrue(TextLayoutRace.holding(), "the pooled glyph layout is held");
        Class<?> glyphLayout = Class.forName("com.sun.javafx.text.GlyphLayout");
        var getInstance = glyphLayout.getMethod("getInstance");
        var dispose = glyphLayout.getMethod("dispose");
        Object a = getInstance.invoke(null), b = getInstance.invoke(null);
        assertNotSame(a, b, "two requests share no layout");
        dispose.invoke(a);
        Object c = getInstance.invoke(null);
        assertNotSame(a, c, "a disposed layout is not handed out again");
        dispose.invoke(b);
        dispose.invoke(c);
    }
}
