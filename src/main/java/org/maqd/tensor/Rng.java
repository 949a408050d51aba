package org.maqd.tensor;

/**
 * A small, splittable, reproducible random generator (SplitMix64). Seed once, split per consumer: data order,
 * initialization, dropout and augmentation each derive their own stream from (seed, purpose, index), so adding
 * a consumer never changes another's numbers, and a resumed run re-derives the same streams.
 */
public final class Rng {
    private long state;

    public Rng(long seed) { this.state = seed; }

    /** An independent stream for a named purpose and index (epoch, layer, step...). */
    public static Rng derive(long seed, String purpose, long index) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (int i = 0; i < purpose.length(); i++) h = mix(h ^ purpose.charAt(i));
        return new Rng(mix(h ^ mix(index + 0x632BE59BD9B4E019L)));
    }

    public Rng split() { return new Rng(mix(nextLong() ^ 0xD1B54A32D192ED03L)); }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() { return (nextLong() >>> 11) * 0x1.0p-53; }

    public float nextFloat() { return (nextLong() >>> 40) * 0x1.0p-24f; }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive");
        return (int) Math.floorMod(nextLong() >>> 1, (long) bound);
    }

    /** Standard normal (Box-Muller, one value per call). */
    public double nextGaussian() {
        double u1 = nextDouble(), u2 = nextDouble();
        if (u1 < 1e-300) u1 = 1e-300;
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Fisher-Yates shuffle of {@code idx} in place. */
    public void shuffle(int[] idx) {
        for (int i = idx.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = idx[i]; idx[i] = idx[j]; idx[j] = t;
        }
    }
}
