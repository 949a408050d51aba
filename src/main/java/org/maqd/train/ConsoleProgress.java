package org.maqd.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on the terminal: a redrawn bar with ETA and samples/s when attached to a console, plain lines
 * (one per epoch, and one per ~25% of an epoch) when piped.
 */
public final class ConsoleProgress implements TrainingListener {
    private final PrintStream out;
    private final boolean interactive;
    private RunInfo info;
    private long lastDraw;
    private long startNanos;
    private long stepsAtStart;

    public ConsoleProgress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void onStart(RunInfo i) {
        info = i;
        startNanos = System.nanoTime();
        stepsAtStart = (long) i.startEpoch() * i.stepsPerEpoch();
        out.printf(Locale.ROOT, "training %s: %d train / %d test samples, batch %d, %d epochs%s, %d threads%n",
                i.name(), i.trainSamples(), i.testSamples(), i.batchSize(), i.epochs(),
                i.startEpoch() > 0 ? " (resuming after epoch " + i.startEpoch() + ")" : "", i.threads());
    }

    @Override
    public void onStep(StepMetrics m) {
        long now = System.nanoTime();
        if (interactive) {
            if (now - lastDraw < 100_000_000L && m.batchInEpoch() != m.batchesPerEpoch()) return;
            lastDraw = now;
            long total = (long) info.epochs() * info.stepsPerEpoch();
            double frac = (double) m.step() / total;
            double elapsed = (now - startNanos) / 1e9;
            double rate = (m.step() - stepsAtStart) / Math.max(elapsed, 1e-9);
            double eta = (total - m.step()) / Math.max(rate, 1e-9);
            int width = 30, filled = (int) Math.round(frac * width);
            out.printf(Locale.ROOT, "\repoch %d/%d [%s%s] %5.1f%% loss %.4f  %,.0f samples/s  ETA %s ",
                    m.epoch(), info.epochs(), "#".repeat(filled), "-".repeat(width - filled), frac * 100, m.loss(),
                    m.samplesPerSecond(), formatSeconds(eta));
            out.flush();
        } else {
            int quarter = Math.max(1, m.batchesPerEpoch() / 4);
            if (m.batchInEpoch() % quarter == 0 && m.batchInEpoch() != m.batchesPerEpoch()) {
                out.printf(Locale.ROOT, "epoch %d step %d/%d loss %.4f acc %.3f %.0f samples/s%n", m.epoch(),
                        m.batchInEpoch(), m.batchesPerEpoch(), m.loss(), m.accuracy(), m.samplesPerSecond());
            }
        }
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        if (interactive) out.print("\r" + " ".repeat(100) + "\r");
        out.printf(Locale.ROOT, "epoch %d/%d  train loss %.4f acc %.4f  test loss %.4f acc %.4f  lr %.2e  %.1fs  %,.0f samples/s%n",
                m.epoch(), info.epochs(), m.trainLoss(), m.trainAccuracy(), m.testLoss(), m.testAccuracy(),
                m.learningRate(), m.seconds(), m.samplesPerSecond());
    }

    @Override
    public void onEnd(RunOutcome o) {
        // a failed run is reported once, by whoever catches its exception (the CLI's one line names error.log)
        if (!o.completed() && !RunOutcome.FAILED.equals(o.status())) out.println(o.status() + ": " + o.message());
    }

    static String formatSeconds(double s) {
        if (!Double.isFinite(s)) return "--";
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, (t % 3600) / 60)
                : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }
}
