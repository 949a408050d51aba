package org.maqd.bench;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's fused multiply-add ceiling: each thread runs {@link #CHAINS} independent vector FMA chains with
 * no memory traffic, so the rate is bounded only by the FMA units (and the clock). GEMM and training GFLOPS
 * divided by this figure are their share of the machine; the ceiling differs between hosts (one 512-bit FMA per
 * cycle on some cores, two on others), which is why {@code maqd bench} measures it on the host it runs on.
 * <p>
 * A ceiling is what a core does while nothing else runs on it, so each thread runs many short windows, and the
 * figure is the sum over threads of each thread's {@link #QUANTILE} quantile of its window rates: on a shared host
 * other processes only ever lower a window's rate (a descheduled thread), and a median of whole two-thread runs
 * measured the load rather than the cores (294 and 408 GFLOPS in two runs where a plain C loop of the same chains
 * ran at 419). {@code scripts/fma_peak.c} is that C loop, measured the same way.
 */
public final class FmaPeak {
    private FmaPeak() {}

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /**
     * Independent accumulator chains: more than FMA latency × FMA pipes (4 cycles × 2 pipes of 512 bits on
     * one host, 5 × 2 of 256 bits on another) so that no pipe waits on a result; with the two constants they fill
     * AVX2's 16 vector registers. On the AVX2 host, per thread: 12 chains 95.5 GFLOPS, 13 100.3, 14 101.5,
     * 15 (spilling) 95.7, against 103.2 for {@code scripts/fma_peak.c} in the same minute.
     */
    static final int CHAINS = 14;
    /** Quantile of the window rates reported as the ceiling. */
    static final double QUANTILE = 0.9;

    /**
     * GFLOPS (2 per lane per FMA) of {@code threads} threads running together, each for {@code windows} windows of
     * about {@code millis} ms: the sum over threads of the {@link #QUANTILE} quantile of each thread's window rates.
     */
    public static double gflops(int threads, int millis, int windows) {
        if (threads < 1 || millis < 1 || windows < 1) {
            throw new IllegalArgumentException("need threads, millis, windows >= 1; got " + threads + ", " + millis + ", " + windows);
        }
        // warm up until the loop is compiled (Vector API code is ~100x slower before; on a busy host C2 may take
        // seconds): until the fastest call of 20,000 steps has not improved by 5% for 10 calls of at least 300 ms
        long start = System.nanoTime(), best = Long.MAX_VALUE;
        for (int stale = 0; stale < 10 || System.nanoTime() - start < 300_000_000L; ) {
            long c0 = System.nanoTime();
            sink(chains(20_000));
            long d = Math.max(1, System.nanoTime() - c0);
            stale = d < 0.95 * best ? 0 : stale + 1;
            best = Math.min(best, d);
            if (System.nanoTime() - start > 10_000_000_000L) break;
        }
        long steps = Math.max(1, (long) (20_000 * (millis * 1e6 / best)));
        long[][] nanos = new long[threads][windows];
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long[] mine = nanos[t];
            ts[t] = new Thread(() -> {
                for (int w = 0; w < windows; w++) {
                    long t0 = System.nanoTime();
                    sink(chains(steps));
                    mine[w] = Math.max(1, System.nanoTime() - t0);
                }
            }, "maqd-fma-peak");
            ts[t].start();
        }
        for (Thread t : ts) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring the FMA peak", e);
            }
        }
        double total = 0, flops = 2.0 * CHAINS * S.length() * steps;
        for (long[] mine : nanos) {
            Arrays.sort(mine); // the quantile of rates is the mirrored quantile of durations
            total += flops / mine[windows - 1 - quantileIndex(windows)];
        }
        return total;
    }

    /** Index of the {@link #QUANTILE} quantile in {@code n} sorted values. */
    static int quantileIndex(int n) { return (int) Math.floor(QUANTILE * (n - 1)); }

    private static volatile float sinkValue;

    private static void sink(float v) { sinkValue = v; }

    /** Each chain's start; every step adds {@code A·B} (far below half an ulp of it, so the value stays put). */
    static final float START = 1f, A = 1e-5f, B = 1e-5f;

    /**
     * CHAINS independent FMA chains of {@code n} steps, {@code x ← A·B + x} (written out: helper methods returning
     * vectors box). The chain value is the addend: C2 matches a vector FMA as {@code dst = a·b + dst}, so the
     * other form ({@code x ← x·a + b}) costs a register copy per FMA, which on an AVX2 host (AMD EPYC, 16 ymm
     * registers, two 256-bit FMA pipes) held the loop at 81 GFLOPS per thread against 104 for the same chains in
     * C ({@code scripts/fma_peak.c}); in this form, with 14 chains, at 99–101.
     */
    static float chains(long n) {
        FloatVector a = FloatVector.broadcast(S, A), b = FloatVector.broadcast(S, B), s = FloatVector.broadcast(S, START);
        FloatVector x0 = s, x1 = s, x2 = s, x3 = s, x4 = s, x5 = s, x6 = s, x7 = s, x8 = s, x9 = s, x10 = s, x11 = s,
                x12 = s, x13 = s;
        for (long i = 0; i < n; i++) {
            x0 = a.fma(b, x0); x1 = a.fma(b, x1); x2 = a.fma(b, x2); x3 = a.fma(b, x3);
            x4 = a.fma(b, x4); x5 = a.fma(b, x5); x6 = a.fma(b, x6); x7 = a.fma(b, x7);
            x8 = a.fma(b, x8); x9 = a.fma(b, x9); x10 = a.fma(b, x10); x11 = a.fma(b, x11);
            x12 = a.fma(b, x12); x13 = a.fma(b, x13);
        }
        return x0.add(x1).add(x2).add(x3).add(x4).add(x5).add(x6).add(x7).add(x8).add(x9).add(x10).add(x11).add(x12)
                .add(x13).reduceLanes(VectorOperators.ADD);
    }
}
