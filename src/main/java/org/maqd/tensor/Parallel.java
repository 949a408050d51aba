package org.maqd.tensor;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A deterministic parallel-for. Work {@code [0, n)} is cut into chunks whose boundaries depend only on
 * {@code n} and the grain, never on the thread count; each chunk is run by exactly one thread. Kernels that
 * write disjoint outputs per index, and reductions that combine per-chunk partials in chunk order
 * ({@link #sumChunks}), therefore give bit-identical results for any number of threads.
 * <p>
 * Dispatch is built for many small parallel loops (a training step issues dozens of loops of a few
 * microseconds each): {@code threads − 1} persistent workers wait for a new loop by spinning briefly
 * ({@link #SPIN_NANOS}), then parking; the caller publishes the loop, claims chunks like the workers, and
 * returns once every chunk has completed. Nothing is allocated per loop.
 * <p>
 * Which thread runs a chunk does not change any result, only where its data is cached. The chunks are dealt in
 * contiguous <em>home blocks</em>, one per thread (the caller first, then each worker), and each thread runs its
 * own block first, in order, before taking what is left of the others' (one atomic cursor per block holding the
 * loop's generation and the block's next chunk). So the same rows of a weight, say, go to the same core in its
 * forward pass, its backward pass and the next step's, and stay in that core's caches; with chunks claimed from
 * one shared ticket they moved between the cores from pass to pass, and MLP training at batch 4 ran slower on
 * two threads than on one (9,100–10,400 against 11,700–12,300 samples/s, AMD EPYC with 2 vCPUs).
 * <p>
 * A loop started while another is running on this instance (a nested loop inside a chunk, or a second caller
 * thread) runs its chunks on its own thread, with the same boundaries.
 */
public final class Parallel implements AutoCloseable {
    /** Body of a parallel loop over the index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody { void run(int from, int to); }

    /** Partial result of one chunk of a reduction. */
    @FunctionalInterface
    public interface ChunkSum { double sum(int from, int to); }

    /** How long an idle worker spins for the next loop before parking. */
    static final long SPIN_NANOS = 100_000;

    private static final Parallel SERIAL = new Parallel(1);

    private final int threads;
    private final Thread[] workers;
    private final GemmWorkspace.Pool gemmWorkspaces = new GemmWorkspace.Pool();

    // the current loop, published by the writes of `cursors`; read by a worker only after it saw its generation
    private final AtomicBoolean busy = new AtomicBoolean();
    private RangeBody body;
    private int loopN, loopGrain, loopChunks;
    /** Per block b at {@code b·STRIDE} (a cache line apart): (generation << 32) | the block's next chunk. */
    private final AtomicLongArray cursors;
    private static final int STRIDE = 8;
    /**
     * Per thread b at {@code b·STRIDE}: (generation << 32) | the chunks it completed in that loop, written once
     * when it is done with the loop (a counter shared by both threads, bumped per chunk, moved its cache line
     * between the cores at every chunk).
     */
    private final AtomicLongArray finished;
    private volatile Throwable failure;
    private volatile int generation;                         // workers wake when it changes
    private final AtomicIntegerArray parked;
    private volatile boolean closed;

    public Parallel(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        this.parked = new AtomicIntegerArray(Math.max(1, threads - 1));
        this.cursors = new AtomicLongArray(threads * STRIDE);
        this.finished = new AtomicLongArray(threads * STRIDE);
        for (int i = 0; i < workers.length; i++) {
            int index = i;
            Thread t = new Thread(() -> workerLoop(index), "maqd-compute-" + (i + 1));
            t.setDaemon(true);
            workers[i] = t;
            t.start();
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
        if (workers.length == 0 || chunks == 1 || closed || !busy.compareAndSet(false, true)) {
            for (int c = 0; c < chunks; c++) body.run(c * grain, Math.min(n, (c + 1) * grain));
            return;
        }
        try {
            int gen = generation + 1;
            // Retire the previous loop's cursors before its fields change: a worker that read an exhausted cursor
            // of generation gen − 1 and then sees the new, larger loopChunks must fail its CAS, not claim a chunk
            // of this loop with the old generation.
            for (int b = 0; b < threads; b++) cursors.set(b * STRIDE, ((long) gen << 32) | Integer.MAX_VALUE);
            VarHandle.storeStoreFence();     // the retirement visible before any field below (weakly ordered CPUs)
            this.body = body;
            loopN = n;
            loopGrain = grain;
            loopChunks = chunks;
            failure = null;
            // publishes the fields above
            for (int b = 0; b < threads; b++) cursors.set(b * STRIDE, ((long) gen << 32) | blockStart(b));
            generation = gen;
            for (int i = 0; i < workers.length; i++) if (parked.get(i) != 0) LockSupport.unpark(workers[i]);
            int mine = runChunks(gen, 0);
            for (int spins = 0; mine + finishedByWorkers(gen) < chunks; spins++) {
                if (spins < 1 << 12) Thread.onSpinWait();
                else Thread.yield();                         // a worker holding a chunk lost its CPU
            }
            Throwable f = failure;
            if (f instanceof RuntimeException re) throw re;
            if (f instanceof Error err) throw err;
            if (f != null) throw new IllegalStateException(f);
        } finally {
            this.body = null;
            busy.set(false);
        }
    }

    /** First chunk of thread {@code b}'s home block (the caller is 0, worker i is i + 1). */
    private int blockStart(int b) { return (int) ((long) loopChunks * b / threads); }

    // chunks of loop `gen` the workers have reported completed
    private int finishedByWorkers(int gen) {
        int sum = 0;
        for (int b = 1; b < threads; b++) {
            long f = finished.get(b * STRIDE);
            if ((int) (f >>> 32) == gen) sum += (int) f;
        }
        return sum;
    }

    // runs the chunks of loop `gen`: its own home block first, then what is left of the others'; returns how many
    private int runChunks(int gen, int self) {
        int ran = 0;
        for (int k = 0; k < threads; k++) {
            int b = (self + k) % threads;
            int r = runBlock(gen, b);
            if (r < 0) return ran + ~r;
            ran += r;
        }
        return ran;
    }

    // claims and runs chunks of block b until it is exhausted, returning how many it ran; ~that if the loop is
    // no longer `gen`
    private int runBlock(int gen, int b) {
        int at = b * STRIDE, ran = 0;
        while (true) {
            long v = cursors.get(at);
            if ((int) (v >>> 32) != gen) return ~ran;
            int c = (int) v;
            // the loop's fields read after the cursor (an acquire): a stale cursor seen with new fields then fails
            // its CAS, the retirement having been stored before the fields
            if (c >= blockStart(b + 1)) return ran;
            if (!cursors.compareAndSet(at, v, v + 1)) continue;
            try {
                body.run(c * loopGrain, Math.min(loopN, (c + 1) * loopGrain));
            } catch (Throwable t) {
                if (failure == null) failure = t;
            } finally {
                ran++;
            }
        }
    }

    private void workerLoop(int index) {
        int seen = 0;
        while (!closed) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            int gen;
            while ((gen = generation) == seen && !closed) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    parked.set(index, 1);
                    if (generation == seen && !closed) LockSupport.park(this);
                    parked.set(index, 0);
                }
            }
            if (closed) return;
            seen = gen;
            int ran = runChunks(gen, index + 1);
            finished.set((index + 1) * STRIDE, ((long) gen << 32) | ran);   // publishes the chunks' writes
        }
    }

    /**
     * Loops with less work than this ({@link #forRange(int, int, long, RangeBody)}: roughly elements touched)
     * run on the caller: below it, a second thread saves less than it risks (a worker that loses its CPU
     * while holding a chunk holds up the loop on a busy machine).
     */
    public static final long MIN_PARALLEL_WORK = 1 << 17;

    /**
     * As {@link #forRange(int, int, RangeBody)}, with an estimate of the loop's total work (about one unit per
     * element touched): below {@link #MIN_PARALLEL_WORK} the chunks run, with the same boundaries, on the
     * calling thread.
     */
    public void forRange(int n, int grain, long work, RangeBody body) {
        if (work < MIN_PARALLEL_WORK) {
            int chunks = chunks(n, grain);
            for (int c = 0; c < chunks; c++) body.run(c * grain, Math.min(n, (c + 1) * grain));
            return;
        }
        forRange(n, grain, body);
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
        if (this == SERIAL) return;
        closed = true;
        for (Thread t : workers) LockSupport.unpark(t);
    }
}
