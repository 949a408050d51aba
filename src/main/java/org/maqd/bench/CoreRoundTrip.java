package org.maqd.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How close two of the host's cores are: the median time for a value one thread writes to reach a second thread
 * and that thread's answer to come back (a cache line's round trip between the two cores). Two training threads
 * exchange activations and chunk claims at every layer, so their figures depend on it as much as on the FMA
 * ceiling: on the 2-vCPU AMD EPYC host of docs/kernels.md the round trip was 70–150 ns in the spells where the MLP
 * at batch 64 trained at 160–175k samples/s and 220–620 ns in those where it trained at 100–118k (the host moves
 * its vCPUs; the FMA ceiling is the same in both). {@code maqd bench} measures it right before and right after
 * each training case's timed repetitions ({@code train_core_round_trip_ns}), so that every figure can be read
 * against the placement it ran in.
 */
public final class CoreRoundTrip {
    private CoreRoundTrip() {}

    /**
     * Above this round trip the two cores most likely share no cache: on the host of docs/kernels.md every
     * measurement fell either in 80–170 ns (vCPUs together) or in 220–630 ns (apart).
     */
    public static final double APART_NANOS = 200;

    /** True when a measured round trip says the two cores are apart ({@link #APART_NANOS}; NaN: unknown, false). */
    public static boolean apart(double nanos) { return nanos > APART_NANOS; }

    /** Longest a measurement runs, whatever the number of trips asked for (a descheduled responder). */
    static final long MAX_NANOS = 300_000_000L;
    private static final int PING = 0, PONG = 16;   // 128 bytes apart: separate cache lines

    /**
     * Median round trip in nanoseconds over the second half of up to {@code 2·trips} exchanges (the loops compile
     * during the first), or of as many as {@link #MAX_NANOS} allowed; NaN with a single CPU (each answer would
     * wait for a time slice).
     */
    public static double nanos(int trips) {
        if (trips < 1 || trips > MAX_TRIPS) {
            throw new IllegalArgumentException("trips must be from 1 to " + MAX_TRIPS + ", got " + trips);
        }
        if (Runtime.getRuntime().availableProcessors() < 2) return Double.NaN;
        AtomicLongArray line = new AtomicLongArray(PONG + 16);
        int total = 2 * trips;
        long deadline = System.nanoTime() + MAX_NANOS;
        Thread responder = new Thread(() -> {
            for (long i = 1; i <= total; i++) {
                long seen;
                while ((seen = line.get(PING)) != i) {
                    if (seen < 0) return;
                    Thread.onSpinWait();
                }
                line.set(PONG, i);
            }
        }, "maqd-round-trip");
        responder.setDaemon(true);
        responder.start();
        long[] times = new long[total];
        int done = 0;
        try {
            exchange:
            for (int i = 1; i <= total; i++) {
                long t0 = System.nanoTime();
                line.set(PING, i);
                for (int spins = 1; line.get(PONG) != i; spins++) {
                    // the clock read every 64 spins only: each read (about 20 ns) would delay seeing the answer
                    if ((spins & 63) == 0 && System.nanoTime() > deadline) break exchange;
                    Thread.onSpinWait();
                }
                times[done++] = System.nanoTime() - t0;
            }
        } finally {
            line.set(PING, -1);   // releases the responder wherever it waits
        }
        if (done < 2) return Double.NaN;
        long[] t = Arrays.copyOfRange(times, done / 2, done);
        Arrays.sort(t);
        return t[t.length / 2];
    }

    /** Most trips one measurement takes (its buffer holds twice as many times). */
    static final int MAX_TRIPS = 1_000_000;
}
