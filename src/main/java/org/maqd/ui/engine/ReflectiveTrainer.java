package org.maqd.ui.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import org.maqd.experiment.Experiment;
import org.maqd.train.RunControl;
import org.maqd.train.RunOutcome;
import org.maqd.train.TrainingListener;

/**
 * Calls the engine's {@code org.maqd.experiment.RunLauncher.run} when this build contains it; reports itself
 * unavailable otherwise, so the workbench offers no Run button that cannot train.
 */
public final class ReflectiveTrainer implements Trainer {
    private final Method run;

    public ReflectiveTrainer() {
        Method m = null;
        try {
            Class<?> c = Class.forName("org.maqd.experiment.RunLauncher");
            m = c.getMethod("run", Experiment.class, Path.class, Path.class, RunControl.class, List.class);
        } catch (ReflectiveOperationException | LinkageError e) {
            m = null;
        }
        run = m;
    }

    @Override
    public boolean available() { return run != null; }

    @Override
    public Result run(Experiment exp, Path baseDir, Path runsRoot, RunControl control, List<TrainingListener> ls) {
        if (run == null) throw new IllegalStateException("this build has no training engine (RunLauncher)");
        try {
            Object r = run.invoke(null, exp, baseDir, runsRoot, control, ls);
            Path dir = (Path) r.getClass().getMethod("runDir").invoke(r);
            RunOutcome out = (RunOutcome) r.getClass().getMethod("outcome").invoke(r);
            return new Result(dir, out);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof RuntimeException) throw (RuntimeException) t;
            throw new IllegalStateException(t.getMessage(), t);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the training engine cannot be called: " + e, e);
        }
    }
}
