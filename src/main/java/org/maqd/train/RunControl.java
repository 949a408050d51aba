package org.maqd.train;

/**
 * Pause, resume and stop a run from another thread (the UI, a signal handler). The training loop checks it
 * between steps; {@link #awaitIfPaused()} parks the training thread, never the caller.
 */
public final class RunControl {
    private volatile boolean paused;
    private volatile boolean stopped;
    private final Object lock = new Object();

    public void pause() { paused = true; }

    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    public void stop() {
        synchronized (lock) {
            stopped = true;
            paused = false;
            lock.notifyAll();
        }
    }

    public boolean isPaused() { return paused; }
    public boolean isStopped() { return stopped; }

    /** Called by the training thread between steps. Returns false if the run should stop. */
    public boolean awaitIfPaused() {
        synchronized (lock) {
            while (paused && !stopped) {
                try {
                    lock.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                }
            }
        }
        return !stopped;
    }
}
