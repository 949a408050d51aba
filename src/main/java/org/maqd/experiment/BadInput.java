package org.maqd.experiment;

import org.maqd.data.DataFormatException;
import org.maqd.model.ModelFormatException;
import org.maqd.model.SpecException;
import org.maqd.nn.ShapeException;
import org.maqd.run.RunFormatException;
import org.maqd.run.RunLock;

/** Which failures are the user's input (exit 2, one line naming the file and field) rather than a failure of the program. */
public final class BadInput {
    private BadInput() {}

    public static boolean is(Throwable ex) {
        return ex instanceof ExperimentException || ex instanceof DataFormatException || ex instanceof ModelFormatException
                || ex instanceof ShapeException || ex instanceof SpecException || ex instanceof RunFormatException
                || ex instanceof RunLock.LockedException;
    }
}
