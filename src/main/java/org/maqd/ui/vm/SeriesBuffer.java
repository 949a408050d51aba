package org.maqd.ui.vm;

import java.util.Arrays;

/**
 * An append-only (x, y) series with one writer (the training thread) and any number of readers (the FX thread),
 * without locks: the writer fills the slot, then publishes the new size through a volatile write; readers read
 * the size first and then only slots below it. Growing copies into new arrays before they are published.
 * Points beyond {@link #CAPACITY_LIMIT} are dropped (and counted).
 */
public final class SeriesBuffer {
    public static final int CAPACITY_LIMIT = 1 << 21;
    private volatile double[] xs;
    private volatile double[] ys;
    private volatile int size;
    private volatile long dropped;

    public SeriesBuffer() { this(1024); }

    public SeriesBuffer(int initial) {
        xs = new double[initial];
        ys = new double[initial];
    }

    /** Writer side only. */
    public void append(double x, double y) {
        int n = size;
        if (n == CAPACITY_LIMIT) {
            dropped++;
            return;
        }
        if (n == xs.length) {
            int cap = Math.min(CAPACITY_LIMIT, n * 2);
            double[] nx = Arrays.copyOf(xs, cap), ny = Arrays.copyOf(ys, cap);
            xs = nx;
            ys = ny;
        }
        xs[n] = x;
        ys[n] = y;
        size = n + 1;
    }

    /** A consistent view for readers: arrays and the number of valid points in them. */
    public View view() {
        int n = size;
        return new View(xs, ys, n);
    }

    public int size() { return size; }
    public long dropped() { return dropped; }

    /** Points [0, n) of xs/ys are valid; the arrays must not be written. */
    public record View(double[] xs, double[] ys, int n) {
        public double lastY() { return n == 0 ? Double.NaN : ys[n - 1]; }
    }
}
