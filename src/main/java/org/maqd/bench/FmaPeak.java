package org.maqd.bench;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's fused multiply-add ceiling: each thread runs {@link #CHAINS} independent vector FMA chains with
 * no memory traffic, so the rate is bounded only by the FMA units (and the clock). GEMM GFLOPS divided by this
 * figure is the kernel's efficiency; the ceiling differs between hosts (one 512-bit FMA per cycle on some
 * cores, two on others), which is why {@code maqd bench} reports it next to the GEMM figures.
 */
public final class FmaPeak {
    private FmaPeak() {}

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Independent accumulator chains: enough to cover FMA latency × throughput on current cores. */
    static final int CHAINS = 12;

    /**
     * GFLOPS (2 per lane per FMA) summed over {@code threads} threads, each running for about
     * {@code millis} ms; the median of {@code reps} runs.
     */
    public static double gflops(int threads, int millis, int reps) {
        if (threads < 1 || millis < 1 || reps < 1) {
            throw new IllegalArgumentException("need threads, millis, reps >= 1; got " + threads + ", " + millis + ", " + reps);
        }
        // warm up until the loop is compiled (Vector API code is ~100x slower before), then size one run
        long warmEnd = System.nanoTime() + Math.max(300, millis) * 1_000_000L;
        while (System.nanoTime() < warmEnd) sink(chains(20_000));
        long c0 = System.nanoTime();
        sink(chains(1_000_000));
        long perMillion = Math.max(1, System.nanoTime() - c0);
        final long steps = Math.max(1, (long) (1_000_000 * (millis * 1e6 / perMillion)));
        double[] rates = new double[reps];
        for (int r = 0; r < reps; r++) {
            final long n = steps;
            Thread[] ts = new Thread[threads];
            long t0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                ts[t] = new Thread(() -> sink(chains(n)), "maqd-fma-peak");
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
            rates[r] = 2.0 * CHAINS * S.length() * n * threads / (System.nanoTime() - t0);
        }
        Arrays.sort(rates);
        return rates[reps / 2];
    }

    private static volatile float sinkValue;

    private static void sink(float v) { sinkValue = v; }

    /** CHAINS independent FMA chains of {@code n} steps (written out: helper methods returning vectors box). */
    static float chains(long n) {
        FloatVector a = FloatVector.broadcast(S, 0.999f), b = FloatVector.broadcast(S, 1e-3f);
        FloatVector x0 = b, x1 = b, x2 = b, x3 = b, x4 = b, x5 = b, x6 = b, x7 = b, x8 = b, x9 = b, x10 = b, x11 = b;
        for (long i = 0; i < n; i++) {
            x0 = x0.fma(a, b); x1 = x1.fma(a, b); x2 = x2.fma(a, b); x3 = x3.fma(a, b);
            x4 = x4.fma(a, b); x5 = x5.fma(a, b); x6 = x6.fma(a, b); x7 = x7.fma(a, b);
            x8 = x8.fma(a, b); x9 = x9.fma(a, b); x10 = x10.fma(a, b); x11 = x11.fma(a, b);
        }
        return x0.add(x1).add(x2).add(x3).add(x4).add(x5).add(x6).add(x7).add(x8).add(x9).add(x10).add(x11)
                .reduceLanes(VectorOperators.ADD);
    }
}
