package org.maqd.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.maqd.run.RunFiles;

/**
 * A run that failed for a reason other than its input (a full disk, a bug): the message is one line naming the
 * run folder's {@code error.log}, where the stack trace was written.
 */
public final class RunFailedException extends RuntimeException {
    private RunFailedException(String message, Throwable cause) { super(message, cause); }

    /** Writes the trace of {@code cause} to {@code runDir/error.log} (best effort: the disk may be full) and wraps it. */
    static RunFailedException of(Path runDir, Throwable cause) {
        Path log = runDir.resolve(RunFiles.ERROR_LOG);
        StringWriter w = new StringWriter();
        cause.printStackTrace(new PrintWriter(w));
        String where;
        try {
            Files.writeString(log, w.toString());
            where = "details in " + log;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(log);   // no empty or cut log left behind
            } catch (IOException | RuntimeException ignored) {
                // nothing more to do on a full disk
            }
            where = "the details could not be written to " + log + ": " + e.getMessage();
        }
        String what = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().replace('\n', ' ');
        return new RunFailedException(runDir + ": the run failed: " + what + " (" + where + ")", cause);
    }
}
