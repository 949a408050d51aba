package org.maqd.ui.vm;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.maqd.experiment.Experiment;
import org.maqd.ui.engine.NetworkAnalyzer;

/**
 * Whether the open experiment's network can take its data set, re-checked whenever the network or the data set
 * changes (not only when Train is pressed): {@link #messageProperty()} is the run's own message
 * ({@link NetworkAnalyzer#dataMismatch}, e.g. "the network expects samples of shape [1, 28, 28], the dataset gives
 * [2]") or "" when it fits. The check reads one sample of the data set on a background thread; a result that
 * arrives after a newer edit is dropped.
 */
public final class DataFit {
    private final ExperimentDocument doc;
    private final NetworkAnalyzer analyzer;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Executor ui = Runnable::run;
    private Experiment checked;
    private Path checkedBase;
    private long generation;

    public DataFit(ExperimentDocument doc, NetworkAnalyzer analyzer) {
        this.doc = doc;
        this.analyzer = analyzer;
        doc.experimentProperty().addListener((o, a, b) -> check());
        doc.fileProperty().addListener((o, a, b) -> check());
    }

    /** Where results are published (the FX thread in the window); checks the current document. */
    public void setUiExecutor(Executor ui) {
        this.ui = ui;
        check();
    }

    /** Starts a check unless the network, the data set and the folder they are read from are unchanged. */
    public void check() {
        Experiment e = doc.get();
        Path base = doc.fileProperty().get() == null ? Path.of("").toAbsolutePath()
                : doc.fileProperty().get().toAbsolutePath().getParent();
        if (checked != null && Objects.equals(checked.network(), e.network()) && Objects.equals(checked.data(), e.data())
                && Objects.equals(checkedBase, base)) return;
        checked = e;
        checkedBase = base;
        long g = ++generation;
        BackgroundTask.start("maqd-data-fit", () -> analyzer.dataMismatch(e, base), ui, (why, failure) -> {
            if (g != generation) return;
            String m = failure != null ? "The data set cannot be checked: " + failure : why;
            message.set(m == null ? "" : m);
        });
    }

    /** Why the network cannot take the data set, or "" when it can. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
}
