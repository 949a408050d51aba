package org.maqd.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelTest {
    /** Records which chunk boundaries ran, each exactly once. */
    static int[] runLoop(Parallel par, int n, int grain) {
        int[] hits = new int[n];
        int[] starts = new int[Parallel.chunks(n, grain)];
        par.forRange(n, grain, (a, b) -> {
            starts[a / grain] = b - a;
            for (int i = a; i < b; i++) hits[i]++;
        });
        for (int h : hits) assertEquals(1, h);
        return starts;
    }

    @Test
    void everyIndexOnceWithBoundariesIndependentOfThreads() {
        try (Parallel p2 = new Parallel(2); Parallel p3 = new Parallel(3)) {
            for (int[] c : new int[][] {{1, 1}, {10, 3}, {1000, 7}, {64, 64}, {65, 64}, {5, 100}}) {
                int[] s1 = runLoop(Parallel.serial(), c[0], c[1]);
                assertArrayEquals(s1, runLoop(p2, c[0], c[1]));
                assertArrayEquals(s1, runLoop(p3, c[0], c[1]));
            }
            runLoop(p2, 0, 4);
        }
    }

    @Test
    void manySmallLoopsInARowAllComplete() {
        try (Parallel par = new Parallel(2)) {
            long[] partial = new long[16];
            for (int rep = 0; rep < 20_000; rep++) {
                par.forRange(16, 1, (a, b) -> { for (int c = a; c < b; c++) partial[c] += c; });
            }
            for (int c = 0; c < 16; c++) assertEquals(20_000L * c, partial[c]);
        }
    }

    /**
     * Back-to-back loops with different chunk counts: no chunk of a finished loop may run again, and no chunk may
     * run after its loop has returned (a worker holding a stale, exhausted ticket must not claim a chunk of the
     * next loop).
     */
    @Test
    void noChunkRunsTwiceOrAfterItsLoopReturned() {
        try (Parallel par = new Parallel(2)) {
            int[] runs = new int[64];
            java.util.concurrent.atomic.AtomicInteger current = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger strays = new java.util.concurrent.atomic.AtomicInteger();
            for (int loop = 0; loop < 200_000; loop++) {
                int chunks = 2 + loop % 7;
                int id = loop;
                current.set(id);
                java.util.Arrays.fill(runs, 0, chunks, 0);
                par.forRange(chunks, 1, (a, b) -> {
                    if (current.get() != id) strays.incrementAndGet();
                    for (int c = a; c < b; c++) runs[c]++;
                });
                current.set(-1);
                for (int c = 0; c < chunks; c++) assertEquals(1, runs[c], "loop " + loop + " chunk " + c);
            }
            assertEquals(0, strays.get(), "chunks ran after their loop returned");
        }
    }

    @Test
    void sumChunksIsTheSameForAnyThreadCount() {
        double[] v = new double[10_001];
        Rng rng = new Rng(3);
        for (int i = 0; i < v.length; i++) v[i] = rng.nextGaussian() * 1e3;
        Parallel.ChunkSum sum = (a, b) -> { double s = 0; for (int i = a; i < b; i++) s += v[i]; return s; };
        double one = Parallel.serial().sumChunks(v.length, 97, new double[Parallel.chunks(v.length, 97)], sum);
        try (Parallel par = new Parallel(2)) {
            for (int rep = 0; rep < 50; rep++) {
                assertEquals(one, par.sumChunks(v.length, 97, new double[Parallel.chunks(v.length, 97)], sum), 0.0);
            }
        }
    }

    @Test
    void failuresInAnyChunkReachTheCaller() {
        try (Parallel par = new Parallel(2)) {
            IllegalStateException boom = new IllegalStateException("chunk 5");
            for (int rep = 0; rep < 20; rep++) {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> par.forRange(8, 1, (a, b) -> { if (a == 5) throw boom; }));
                assertSame(boom, e);
            }
            runLoop(par, 100, 3);                        // still usable
        }
    }

    @Test
    void nestedAndConcurrentLoopsRunWithTheSameChunks() throws Exception {
        try (Parallel par = new Parallel(2)) {
            int[] hits = new int[64 * 32];
            par.forRange(64, 4, (a, b) -> {
                for (int r = a; r < b; r++) {
                    int row = r;
                    par.forRange(32, 5, (c, d) -> { for (int i = c; i < d; i++) hits[row * 32 + i]++; });
                }
            });
            for (int h : hits) assertEquals(1, h);

            AtomicInteger total = new AtomicInteger();
            Thread other = new Thread(() -> {
                for (int rep = 0; rep < 2000; rep++) par.forRange(10, 2, (a, b) -> total.addAndGet(b - a));
            });
            other.start();
            for (int rep = 0; rep < 2000; rep++) par.forRange(10, 2, (a, b) -> total.addAndGet(b - a));
            other.join();
            assertEquals(2 * 2000 * 10, total.get());
        }
    }

    @Test
    void smallWorkRunsOnTheCallerWithTheSameChunks() {
        try (Parallel par = new Parallel(2)) {
            Thread caller = Thread.currentThread();
            int[] sizes = new int[Parallel.chunks(100, 7)];
            par.forRange(100, 7, Parallel.MIN_PARALLEL_WORK - 1, (a, b) -> {
                assertSame(caller, Thread.currentThread());
                sizes[a / 7] = b - a;
            });
            assertArrayEquals(runLoop(Parallel.serial(), 100, 7), sizes);
            java.util.Set<Thread> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
            for (int rep = 0; rep < 200 && seen.size() < 2; rep++) {
                par.forRange(64, 1, Parallel.MIN_PARALLEL_WORK, (a, b) -> {
                    seen.add(Thread.currentThread());
                    long until = System.nanoTime() + 20_000;
                    while (System.nanoTime() < until) Thread.onSpinWait();
                });
            }
            assertEquals(2, seen.size(), "large loops use the worker too");
        }
    }

    @Test
    void closedInstancesStillRunLoopsOnTheCaller() {
        Parallel par = new Parallel(2);
        par.close();
        runLoop(par, 50, 7);
        Parallel.serial().close();                       // the shared instance ignores close
        runLoop(Parallel.serial(), 50, 7);
    }

    /**
     * Each thread starts on its own home block: the caller on chunk 0, the worker on the first chunk of the second
     * half. Each thread's first chunk waits (up to 5 s) until the other thread is inside a chunk too, so neither
     * can have emptied its own block and stolen the other's first chunk.
     */
    @Test
    void eachThreadStartsOnItsOwnHomeBlock() {
        try (Parallel par = new Parallel(2)) {
            for (int chunks : new int[] {2, 9, 64}) {
                Thread caller = Thread.currentThread();
                int[] first = {-1, -1};                                   // caller, worker
                AtomicInteger inside = new AtomicInteger();               // bit 0 caller, bit 1 worker
                par.forRange(chunks, 1, (a, b) -> {
                    int me = Thread.currentThread() == caller ? 0 : 1;
                    synchronized (first) { if (first[me] < 0) first[me] = a; }
                    inside.getAndUpdate(v -> v | (1 << me));
                    long until = System.nanoTime() + 5_000_000_000L;
                    while (inside.get() != 3 && System.nanoTime() < until) Thread.onSpinWait();
                    inside.getAndUpdate(v -> v | 3);                      // timed out: fail fast, no more waits
                });
                synchronized (first) {
                    assertEquals(0, first[0], chunks + " chunks: the caller's first chunk");
                    assertEquals(chunks / 2, first[1], chunks + " chunks: the worker's first chunk");
                }
            }
        }
    }
}
