package org.maqd.bench;

import java.util.Arrays;
import org.maqd.tensor.Gemm;
import org.maqd.tensor.GemmWorkspace;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;

/**
 * Measures {@link Gemm} throughput in GFLOPS (2·m·k·n floating-point operations per product). Each repetition
 * times enough back-to-back products to last at least about {@link #REP_NANOS}; the median repetition is reported.
 * The machine may be shared: figures move with other load, so report medians and never gate tests on them.
 */
public final class GemmBenchmark {
    /** Target duration of one timed repetition. */
    static final long REP_NANOS = 20_000_000L;

    private GemmBenchmark() {}

    /**
     * GFLOPS of C[m,n] = A[m,k]·B[k,n] with {@code threads} threads: warm up for {@code warmupMs}, then the
     * median of {@code reps} timed repetitions.
     */
    public static double gflops(int m, int k, int n, int threads, int warmupMs, int reps) {
        if (m < 1 || k < 1 || n < 1) throw new IllegalArgumentException("sizes must be positive: " + m + "x" + k + "x" + n);
        if (threads < 1 || reps < 1 || warmupMs < 0) {
            throw new IllegalArgumentException("need threads >= 1, reps >= 1, warmupMs >= 0; got " + threads + ", " + reps + ", " + warmupMs);
        }
        Rng rng = new Rng(42);
        float[] a = random(rng, m * k), b = random(rng, k * n), c = new float[m * n];
        GemmWorkspace ws = new GemmWorkspace();
        try (Parallel par = new Parallel(threads)) {
            long calls = 0, start = System.nanoTime(), warmEnd = start + warmupMs * 1_000_000L;
            do {
                Gemm.gemm(ws, par, false, false, m, n, k, a, 0, b, 0, c, 0, false);
                calls++;
            } while (System.nanoTime() < warmEnd);
            double perCall = (System.nanoTime() - start) / (double) calls;
            int callsPerRep = (int) Math.max(1, Math.min(1_000_000, Math.ceil(REP_NANOS / Math.max(1.0, perCall))));
            double[] rates = new double[reps];
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < callsPerRep; i++) Gemm.gemm(ws, par, false, false, m, n, k, a, 0, b, 0, c, 0, false);
                long dt = System.nanoTime() - t0;
                rates[r] = 2.0 * m * k * n * callsPerRep / dt;
            }
            Arrays.sort(rates);
            return reps % 2 == 1 ? rates[reps / 2] : 0.5 * (rates[reps / 2 - 1] + rates[reps / 2]);
        }
    }

    private static float[] random(Rng rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = rng.nextFloat() * 2f - 1f;
        return x;
    }

    /** Prints GFLOPS for the reference sizes with 1 and 2 threads. */
    public static void main(String[] args) {
        int[][] sizes = {{256, 784, 256}, {64, 784, 256}, {1024, 1024, 1024}};
        System.out.println("GEMM C[m,n] = A[m,k]·B[k,n], fp32, median GFLOPS (Java " + System.getProperty("java.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " cpus)");
        for (int[] s : sizes) {
            for (int threads = 1; threads <= 2; threads++) {
                double g = gflops(s[0], s[1], s[2], threads, 500, 9);
                System.out.printf("m=%d k=%d n=%d threads=%d: %.1f GFLOPS%n", s[0], s[1], s[2], threads, g);
            }
        }
    }
}
