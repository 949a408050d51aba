package org.maqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.maqd.experiment.RunFailedException;

/**
 * An unexpected failure as one line for the terminal, its stack trace in a log file: the run folder's
 * {@code error.log} when the failure happened in a run (it is already written there), else a new file in the
 * temporary folder.
 */
final class ErrorLog {
    private ErrorLog() {}

    static String oneLine(Throwable ex) {
        if (ex instanceof RunFailedException r) return r.getMessage();
        String what = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage().replace('\n', ' ');
        Path log = write(ex);
        return what + (log == null ? "" : " (details in " + log + ")");
    }

    private static Path write(Throwable ex) {
        try {
            Path f = Files.createTempFile("maqd-error-", ".log");
            StringWriter w = new StringWriter();
            ex.printStackTrace(new PrintWriter(w));
            Files.writeString(f, w.toString());
            return f;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
