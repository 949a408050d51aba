package org.maqd.ui;

/**
 * Works around a race in JavaFX's Linux text shaping (JavaFX 21, {@code PangoGlyphLayout.dispose}): it hands its
 * pooled glyph layout back to the pool before clearing that layout's string map, so a label laid out on the FX
 * thread and canvas text drawn on the render thread can use the same map at once; the FX thread then dies in a
 * layout pass with a {@code ConcurrentModificationException} and text stops updating (seen in the UI tests).
 * Holding the pooled instance for the life of the process makes every later request create its own layout, so no
 * layout is ever shared between threads. Hand-written because no library fixes it; harmless where the class is not
 * there (other platforms, other JavaFX versions keep their own behaviour).
 */
final class TextLayoutRace {
    private static Object held;

    private TextLayoutRace() {}

    /** Takes the pooled glyph layout out of circulation (once; on the FX thread, after the toolkit started). */
    static synchronized void avoid() {
        if (held != null) return;
        try {
            held = Class.forName("com.sun.javafx.text.GlyphLayout").getMethod("getInstance").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            held = e;   // not available here: nothing to work around
        }
    }

    /** Whether the pooled layout is held (for the test). */
    static synchronized boolean holding() {
        return held != null && !(held instanceof Throwable);
    }
}
