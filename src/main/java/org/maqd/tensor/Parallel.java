package org.maqd.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic parallel-for. Work {@code [0, n)} is cut into chunks whose boundaries depend only on
 * {@code n} and the grain, never on the thread count; each chunk is run by exactly one thread. Kernels that
 * write disjoint outputs per index, and reductions that combine per-chunk partials in chunk order
 * ({@link #sumChunks}), therefore give bit-identical results for any number of threads.
 */
public final class Parallel implements AutoCloseable {
    /** Body of a parallel loop over the index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody { void run(int from, int to); }

    /** Partial result of one chunk of a reduction. */
    @FunctionalInterface
    public interface ChunkSum { double sum(int from, int to); }

    private static final Parallel SERIAL = new Parallel(1);

    private final int threads;
    private final ExecutorService pool;
    private final GemmWorkspace.Pool gemmWorkspaces = new GemmWorkspace.Pool();

    public Parallel(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        if (threads == 1) {
            pool = null;
        } else {
            AtomicInteger id = new AtomicInteger();
            ThreadFactory tf = r -> {
                Thread t = new Thread(r, "maqd-compute-" + id.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            pool = Executors.newFixedThreadPool(threads - 1, tf);
        }
    }

    /** A shared single-threaded instance (owns no threads). */
    public static Parallel serial() { return SERIAL; }

    public int threads() { return threads; }

    /** Reusable GEMM scratch for {@link Gemm} calls that bring none (thread-safe free list). */
    public GemmWorkspace.Pool gemmWorkspaces() { return gemmWorkspaces; }

    /** Number of chunks {@code [0, n)} is cut into for the given grain; independent of the thread count. */
    public static int chunks(int n, int grain) {
        if (n <= 0) return 0;
        return (n + grain - 1) / Math.max(1, grain);
    }

    /**
     * Runs {@code body} over {@code [0, n)} in chunks of {@code grain} indices. The calling thread takes part.
     */
    public void forRange(int n, int grain, RangeBody body) {
        int chunks = chunks(n, grain);
        if (chunks == 0) return;
        if (pool == null || chunks == 1) {
            for (int c = 0; c < chunks; c++) body.run(c * grain, Math.min(n, (c + 1) * grain));
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            int c;
            while ((c = next.getAndIncrement()) < chunks) body.run(c * grain, Math.min(n, (c + 1) * grain));
        };
        int helpers = Math.min(threads, chunks) - 1;
        List<Future<?>> fs = new ArrayList<>(helpers);
        for (int i = 0; i < helpers; i++) fs.add(pool.submit(worker));
        Throwable failure = null;
        try {
            worker.run();
        } catch (Throwable t) {
            failure = t;
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (failure == null) failure = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) failure = e;
            }
        }
        if (failure instanceof RuntimeException re) throw re;
        if (failure instanceof Error err) throw err;
        if (failure != null) throw new IllegalStateException(failure);
    }

    /** Splits {@code [0, n)} into as many chunks as there are threads would; use for coarse, even work. */
    public void forEachThreadSlice(int n, RangeBody body) {
        forRange(n, Math.max(1, (n + threads - 1) / threads), body);
    }

    /**
     * A deterministic sum: chunk partials are computed in parallel and added in chunk order, so the result is
     * the same for any thread count. {@code partials} must have room for {@link #chunks(int, int)} values
     * (pass a reusable buffer to stay allocation-free).
     */
    public double sumChunks(int n, int grain, double[] partials, ChunkSum chunk) {
        int chunks = chunks(n, grain);
        forRange(chunks, 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) partials[c] = chunk.sum(c * grain, Math.min(n, (c + 1) * grain));
        });
        double s = 0;
        for (int c = 0; c < chunks; c++) s += partials[c];
        return s;
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
