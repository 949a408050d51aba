package org.maqd.ui.vm;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/** Work that must not block the UI thread: run on a daemon thread, its outcome handed back on the UI executor. */
final class BackgroundTask {
    private BackgroundTask() {}

    /**
     * Runs {@code work} on a daemon thread called {@code threadName}; then, on {@code ui}, {@code done} gets its
     * result and null, or null and the failure's {@link #message}.
     */
    static <T> void start(String threadName, Callable<T> work, Executor ui, BiConsumer<T, String> done) {
        Thread t = new Thread(() -> {
            T result = null;
            String failure = null;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                failure = message(e);
            }
            T r = result;
            String f = failure;
            ui.execute(() -> done.accept(r, f));
        }, threadName);
        t.setDaemon(true);
        t.start();
    }

    /** A one-line description of a failure: its message, or the throwable itself when it has none. */
    static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
