package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.maqd.data.DataSpec;
import org.maqd.ui.engine.EngineExperimentFiles;
import org.maqd.ui.engine.EngineNetworkAnalyzer;

/** A network that cannot take its data set is reported as soon as either is edited, in the run's own words. */
class DataFitTest {
    /** Results are handed over through a queue: each edit's check is awaited, nothing is timed. */
    private final BlockingQueue<Runnable> ui = new ArrayBlockingQueue<>(16);

    private String settle(DataFit fit) throws InterruptedException {
        Runnable r = ui.poll(120, TimeUnit.SECONDS);
        if (r == null) throw new AssertionError("no check result");
        r.run();
        return fit.messageProperty().get();
    }

    @Test
    void aMisfitIsReportedWhileEditingAndClearsWhenFixed() throws Exception {
        ExperimentDocument doc = new ExperimentDocument(new EngineExperimentFiles(), Templates.quickstart(), null);
        DataFit fit = new DataFit(doc, new EngineNetworkAnalyzer());
        fit.setUiExecutor(ui::add);
        assertEquals("", settle(fit), "the quickstart fits the embedded MNIST");

        doc.edit("Spirals", e -> e.withData(new DataSpec("spirals", null, null, null, null, null, null, null, null)));
        String m = settle(fit);
        assertTrue(m.contains("network.input") && m.contains("expects samples of shape [1, 28, 28], the dataset gives [2, 1, 1]"), m);
        assertTrue(m.contains("set network.input to [2, 1, 1] (in the workbench: select the input node and set its shape)"), "the message names the fix: " + m);

        doc.edit("Flat input", e -> e.withNetwork(e.network().withInput(List.of(2, 1, 1))));
        m = settle(fit);
        assertTrue(m.contains("the output layer has 10 units, the dataset has 3 classes"), m);

        doc.edit("Back", e -> e.withData(null).withNetwork(e.network().withInput(List.of(1, 28, 28))));
        assertEquals("", settle(fit));

        doc.edit("Missing folder", e -> e.withData(new DataSpec("no-such-folder-x", null, null, null, null, null, null, null, null)));
        m = settle(fit);
        assertTrue(m.startsWith("The data set cannot be read:") && m.contains("no-such-folder-x"), m);
    }

    @Test
    void aTrainingOnlyEditDoesNotReadTheDataAgain() throws Exception {
        ExperimentDocument doc = new ExperimentDocument(new EngineExperimentFiles(), Templates.quickstart(), null);
        int[] checks = {0};
        DataFit fit = new DataFit(doc, new org.maqd.ui.engine.NetworkAnalyzer() {
            @Override public org.maqd.ui.engine.CostReport analyze(org.maqd.model.NetworkSpec spec) {
                return new EngineNetworkAnalyzer().analyze(spec);
            }

            @Override public String dataMismatch(org.maqd.experiment.Experiment e, java.nio.file.Path base) {
                checks[0]++;
                return null;
            }
        });
        fit.setUiExecutor(ui::add);
        settle(fit);
        doc.edit("Epochs", e -> e.withTraining(e.training().withEpochs(7)));
        assertEquals(1, checks[0]);
        assertTrue(ui.isEmpty());
    }
}
