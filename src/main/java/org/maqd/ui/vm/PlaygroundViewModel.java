package org.maqd.ui.vm;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.maqd.experiment.Experiment;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkSpec;
import org.maqd.ui.engine.Playground;

/**
 * The playground: one network with quantized weights and the same network with float weights train side by
 * side on a 2-D set on a background thread; after every few steps both are evaluated on a grid over the plane and
 * the result is published as a {@link Frame}, which the view draws when it likes (it never waits on training).
 * ▶ Train, ❚❚ Pause and ▶ Resume are one button ({@link #train}); only ↺ Restart ({@link #start}) or a new set or
 * number of states begins again at step 0. Leaving the tab ({@link #shownProperty}) pauses it: the playground is a
 * toy and must not take the cores from real runs.
 */
public final class PlaygroundViewModel {
    public static final List<String> DATASETS = List.of("spirals", "blobs", "xor", "circles");
    public static final int GRID = 64;
    public static final float EXTENT = 1.3f;
    /** Steps of each network between two frames. */
    static final int STEPS_PER_FRAME = 5;

    /** What the view draws: both networks' decision regions (class per grid cell, row-major from the top-left). */
    public record Frame(int[] quantized, int[] floating, double quantizedAccuracy, double floatAccuracy, long steps,
                        double framesPerSecond) {}

    private final Playground engine;
    private final StringProperty dataset = new SimpleStringProperty("spirals");
    private final IntegerProperty weightStates = new SimpleIntegerProperty(3);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final StringProperty error = new SimpleStringProperty("");
    private volatile Frame frame;
    private volatile float[] points = new float[0];
    private volatile int[] labels = new int[0];
    private volatile int classes;
    /** The two sessions while running or paused (what ▶ Resume continues); null when there is nothing to resume. */
    private Playground.Session heldQuantized, heldFloat;
    /** The stretch publishing frames; a stretch that is no longer current publishes nothing. */
    private Stretch current;
    /** The last stretch's thread: the next one waits for it, so a session is never stepped by two threads. */
    private Thread last;
    private boolean resumeOnShow;

    private java.util.concurrent.Executor ui = Runnable::run;

    /**
     * Shows the chosen set's points at once (before the first ▶ Train); a change of set or of weight states while
     * stopped clears the last run's regions, which belonged to the other set or states; while training, the new
     * set or states train from step 0. A pause the tab's leaving caused ends when the tab is shown again: the user
     * left it training and finds it training; a pause the user pressed stays.
     */
    public PlaygroundViewModel(Playground engine) {
        this.engine = engine;
        dataset.addListener((o, a, b) -> {
            if (running.get()) start();
            else {
                stop();
                preview();
            }
        });
        weightStates.addListener((o, a, b) -> {
            if (running.get()) start();
            else {
                stop();
                frame = null;
            }
        });
        shown.addListener((o, a, b) -> {
            if (!b && running.get()) {
                pause();
                resumeOnShow = true;
            } else if (b && resumeOnShow) {
                resumeOnShow = false;
                resume();
            }
        });
        preview();
    }

    /** The current set's points and labels, no regions: opening a 2-D session costs well under a millisecond. */
    private void preview() {
        frame = null;
        try {
            Playground.Session s = engine.open(experiment(dataset.get(), weightStates.get()), Path.of("").toAbsolutePath());
            points = s.points();
            labels = s.labels();
            classes = s.classes();
            error.set("");
        } catch (RuntimeException ex) {
            points = new float[0];
            labels = new int[0];
            error.set(BackgroundTask.message(ex));
        }
    }

    /** Where a training failure is reported (the FX thread in the window). */
    public void setUiExecutor(java.util.concurrent.Executor ui) { this.ui = ui; }

    /**
     * The network the playground trains (2 → 24 → 24 → classes, 3-state weights by default). The first layer has
     * no weight standardization and float weights: standardizing a 2-input layer leaves each unit two weights of
     * mean 0 and variance 1, i.e. ±1 after ternary rounding, and at most four boundary directions — spirals stall
     * near 0.45. Its 2 × 24 weights cost nothing to keep in float; the hidden and output layers carry the states.
     */
    public static Experiment experiment(String dataset, int weightStates) {
        int classes = switch (dataset) {
            case "spirals" -> 3;
            case "blobs" -> 4;
            default -> 2;
        };
        List<LayerSpec> layers = List.of(LayerSpec.of("flatten"),
                LayerSpec.linear(HIDDEN).withWeightStates(0).withWeightStandardization(false).withActivationStates(ACTIVATION_STATES),
                LayerSpec.linear(HIDDEN).withWeightStates(weightStates).withActivationStates(ACTIVATION_STATES),
                LayerSpec.output(classes).withWeightStates(weightStates));
        NetworkSpec net = Templates.network("MLP").withInput(List.of(2, 1, 1)).withLayers(layers);
        Experiment q = Templates.quickstart();
        return q.withName("playground-" + dataset).withDescription(null).withLocks(null).withSeed(0L)
                .withData(q.data().withDataset(dataset)).withNetwork(net)
                .withTraining(q.training().withLearningRate(0.01).withBatchSize(32).withEpochs(20));
    }

    static final int HIDDEN = 24, ACTIVATION_STATES = 3;

    /**
     * The caption above the plots, in plain words and read off {@link #experiment} so that it stays true: it used
     * to call the float first layer "standardized and rounded", the reason it is neither.
     */
    public static String about() {
        LayerSpec first = experiment(DATASETS.get(0), 3).network().layers().get(1);
        String firstLayer = first.weightStates() != null && first.weightStates() == 0
                ? String.format("except its first layer, which reads x and y and keeps ordinary float weights (only %d of "
                        + "them; rounded, two weights per unit could draw only a few boundary directions)", 2 * first.units())
                : "in every layer";
        return String.format("Left: a network whose weights may take only the number of values set in Weight states, "
                + "%s. Right: the same network with float weights everywhere. In both, the values passed between layers "
                + "are rounded to %d levels. Background colour: the class each network predicts at that point; dots: the "
                + "training points.", firstLayer, first.activationStates());
    }

    /** The same network with float weights in every layer. */
    static Experiment floating(Experiment e) {
        List<LayerSpec> layers = e.network().layers().stream()
                .map(l -> !org.maqd.model.LayerKinds.isWeighted(l.type()) ? l : l.withWeightStates(0)).toList();
        return e.withNetwork(e.network().withLayers(layers));
    }

    /** The one Train button: ▶ Train when idle, ❚❚ Pause while training, ▶ Resume when paused. */
    public void train() {
        if (running.get()) pause();
        else if (paused.get()) resume();
        else start();
    }

    /** Starts (↺ Restart: restarts) both networks from step 0 with the current dataset and states. */
    public void start() {
        stop();
        error.set("");
        Experiment q = experiment(dataset.get(), weightStates.get());
        Playground.Session sq, sf;
        try {
            sq = engine.open(q, Path.of("").toAbsolutePath());
            sf = engine.open(floating(q), Path.of("").toAbsolutePath());
        } catch (RuntimeException ex) {
            error.set(BackgroundTask.message(ex));
            return;
        }
        points = sq.points();
        labels = sq.labels();
        classes = sq.classes();
        frame = null;
        heldQuantized = sq;
        heldFloat = sf;
        resume();
    }

    /** Stops stepping and keeps both networks where they are, for {@link #resume}. */
    public void pause() {
        if (!running.get()) return;
        end();
        running.set(false);
        paused.set(true);
    }

    /** Continues the paused networks from their step. */
    public void resume() {
        if (running.get() || heldQuantized == null) return;
        Stretch s = new Stretch(heldQuantized, heldFloat, grid(), last);
        synchronized (this) { current = s; }
        Thread t = new Thread(s, "maqd-playground");
        t.setDaemon(true);
        last = t;
        paused.set(false);
        running.set(true);
        t.start();
    }

    /** Ends training for good (the window closes, the set changes): nothing is left to resume; the regions stay. */
    public void stop() {
        end();
        heldQuantized = heldFloat = null;
        resumeOnShow = false;
        running.set(false);
        paused.set(false);
    }

    /** Tells the current stretch to end after its step; never waits for it (the next stretch does). */
    private void end() {
        synchronized (this) {
            if (current != null) current.over = true;
            current = null;
        }
    }

    /** Publishes a frame, or a failure, only from the current stretch. */
    private synchronized boolean publish(Stretch s, Frame f) {
        if (s != current) return false;
        frame = f;
        return true;
    }

    /** One stretch of training on its own thread, from ▶ Train or ▶ Resume to ❚❚ Pause. */
    private final class Stretch implements Runnable {
        private final Playground.Session sq, sf;
        private final float[] grid;
        private final Thread before;
        volatile boolean over;

        Stretch(Playground.Session sq, Playground.Session sf, float[] grid, Thread before) {
            this.sq = sq;
            this.sf = sf;
            this.grid = grid;
            this.before = before;
        }

        @Override
        public void run() {
            try {
                if (before != null) before.join();
            } catch (InterruptedException ex) {
                return;
            }
            long t0 = System.nanoTime();
            int frames = 0;
            try {
                while (!over) {
                    sq.step(STEPS_PER_FRAME);
                    sf.step(STEPS_PER_FRAME);
                    frames++;
                    double secs = (System.nanoTime() - t0) / 1e9;
                    publish(this, new Frame(sq.predict(grid), sf.predict(grid), sq.testAccuracy(), sf.testAccuracy(),
                            sq.steps(), secs > 0 ? frames / secs : 0));
                }
            } catch (RuntimeException ex) {
                String why = BackgroundTask.message(ex);
                ui.execute(() -> {
                    synchronized (PlaygroundViewModel.this) { if (current != this) return; }
                    stop();
                    error.set(why);
                });
            }
        }
    }

    /** Cell centres of the GRID × GRID grid over [−EXTENT, EXTENT]², top row first (y decreasing). */
    public static float[] grid() {
        float[] g = new float[GRID * GRID * 2];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                g[2 * (r * GRID + c)] = -EXTENT + 2 * EXTENT * (c + 0.5f) / GRID;
                g[2 * (r * GRID + c) + 1] = EXTENT - 2 * EXTENT * (r + 0.5f) / GRID;
            }
        }
        return g;
    }

    public Frame frame() { return frame; }
    public float[] points() { return points; }
    public int[] labels() { return labels; }
    public int classes() { return classes; }
    public StringProperty datasetProperty() { return dataset; }
    public IntegerProperty weightStatesProperty() { return weightStates; }
    /** Training steps now. */
    public BooleanProperty runningProperty() { return running; }
    /** Not training, with networks that ▶ Resume continues. */
    public ReadOnlyBooleanProperty pausedProperty() { return paused.getReadOnlyProperty(); }
    /** Whether the playground is on screen (its tab is selected); false pauses training. */
    public BooleanProperty shownProperty() { return shown; }
    public StringProperty errorProperty() { return error; }
}
