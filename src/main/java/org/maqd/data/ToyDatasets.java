package org.maqd.data;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.maqd.tensor.Rng;

/**
 * Seeded synthetic 2-D classification sets for quick experiments: spirals (k arms), blobs (k Gaussian clusters),
 * xor (four quadrants, two classes) and circles (two concentric rings). Coordinates lie roughly in [-1, 1]
 * (they are not pixels and are not scaled to [0, 1]).
 *
 * <p>Each point is a sample of shape [2, 1, 1]: two channels of a 1x1 image, so the same networks apply
 * (a flatten gives 2 features and the first layer can be linear; convolutions with 1x1 kernels also work).
 *
 * <p>Generation: {@code samples} points are drawn from {@code Rng.derive(seed, "toy:" + name, 0)}, point i
 * belonging to class {@code i % classes}; a permutation from {@code Rng.derive(seed, "toy-split", 0)} then
 * assigns the first 80% (rounded up) to training and the rest to test. The same (name, samples, noise, seed)
 * always gives the same split; the {@code sha256} is the hash of the generated values and labels.
 */
public final class ToyDatasets {
    public static final int DEFAULT_SAMPLES = 1000;
    public static final double TRAIN_FRACTION = 0.8;
    static final int[] SHAPE = {2, 1, 1};

    private ToyDatasets() {}

    /** Default noise (standard deviation of the Gaussian added to coordinates) per set. */
    public static double defaultNoise(String kind) {
        return switch (kind) {
            case "spirals" -> 0.04;
            case "blobs" -> 0.15;
            case "xor" -> 0.05;
            case "circles" -> 0.06;
            default -> throw new IllegalArgumentException("unknown toy set " + kind);
        };
    }

    public static DataSplit spirals(int arms, int samples, double noise, long seed) {
        checkClasses("spirals", arms);
        return build("spirals-" + arms, arms, samples, seed, (rng, c, xy) -> {
            double t = rng.nextDouble();
            double theta = 2 * Math.PI * c / arms + 3 * Math.PI * t;
            double r = 0.05 + 0.95 * t;
            xy[0] = r * Math.cos(theta) + noise * rng.nextGaussian();
            xy[1] = r * Math.sin(theta) + noise * rng.nextGaussian();
        });
    }

    public static DataSplit blobs(int k, int samples, double noise, long seed) {
        checkClasses("blobs", k);
        return build("blobs-" + k, k, samples, seed, (rng, c, xy) -> {
            double a = 2 * Math.PI * c / k;
            xy[0] = 0.7 * Math.cos(a) + noise * rng.nextGaussian();
            xy[1] = 0.7 * Math.sin(a) + noise * rng.nextGaussian();
        });
    }

    /** Class 0: first and third quadrants; class 1: second and fourth. */
    public static DataSplit xor(int samples, double noise, long seed) {
        return build("xor", 2, samples, seed, (rng, c, xy) -> {
            double u = 0.05 + 0.95 * rng.nextDouble(), v = 0.05 + 0.95 * rng.nextDouble();
            boolean flip = rng.nextDouble() < 0.5;
            double sx = flip ? -1 : 1, sy = (c == 0) == flip ? -1 : 1;
            xy[0] = sx * u + noise * rng.nextGaussian();
            xy[1] = sy * v + noise * rng.nextGaussian();
        });
    }

    /** Class 0: ring of radius 0.5; class 1: ring of radius 1. */
    public static DataSplit circles(int samples, double noise, long seed) {
        return build("circles", 2, samples, seed, (rng, c, xy) -> {
            double a = 2 * Math.PI * rng.nextDouble();
            double r = (c == 0 ? 0.5 : 1.0) + noise * rng.nextGaussian();
            xy[0] = r * Math.cos(a);
            xy[1] = r * Math.sin(a);
        });
    }

    /**
     * A toy set by name: "spirals", "blobs", "xor", "circles", optionally with a class count suffix for
     * spirals and blobs ("spirals-5", "blobs-6"; default 3 arms and 4 blobs). {@code samples} 0 means
     * {@link #DEFAULT_SAMPLES}; a negative {@code noise} means the set's default.
     */
    public static DataSplit generate(String name, int samples, double noise, long seed) {
        String n = name.toLowerCase(Locale.ROOT);
        int dash = n.indexOf('-');
        String kind = dash < 0 ? n : n.substring(0, dash);
        Integer k = null;
        if (dash >= 0) {
            try {
                k = Integer.parseInt(n.substring(dash + 1));
            } catch (NumberFormatException e) {
                throw new DataFormatException("toy data set '" + name + "': expected a class count after '-', e.g. "
                        + kind + "-5, found '" + n.substring(dash + 1) + "'");
            }
        }
        int count = samples > 0 ? samples : DEFAULT_SAMPLES;
        if (!isToyKind(kind)) throw new DataFormatException("unknown toy data set '" + name + "'; toy sets: " + NAMES);
        double sigma = noise >= 0 ? noise : defaultNoise(kind);
        if (k != null && (kind.equals("xor") || kind.equals("circles"))) {
            throw new DataFormatException("toy data set '" + name + "': " + kind + " always has 2 classes; use '" + kind + "'");
        }
        return switch (kind) {
            case "spirals" -> spirals(k == null ? 3 : k, count, sigma, seed);
            case "blobs" -> blobs(k == null ? 4 : k, count, sigma, seed);
            case "xor" -> xor(count, sigma, seed);
            default -> circles(count, sigma, seed);
        };
    }

    public static final String NAMES = "spirals, spirals-K (K arms), blobs, blobs-K (K clusters), xor, circles";

    /** True for a toy set name: a kind, optionally with a numeric suffix ("spirals", "blobs-5", "xor-3", ...). */
    public static boolean isToyName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int dash = n.indexOf('-');
        if (dash < 0) return isToyKind(n);
        String suffix = n.substring(dash + 1);
        return isToyKind(n.substring(0, dash)) && !suffix.isEmpty() && suffix.chars().allMatch(Character::isDigit);
    }

    private static boolean isToyKind(String kind) {
        return kind.equals("spirals") || kind.equals("blobs") || kind.equals("xor") || kind.equals("circles");
    }

    private static void checkClasses(String kind, int k) {
        if (k < 2 || k > 64) throw new DataFormatException("toy data set '" + kind + "': class count must be 2..64, found " + k);
    }

    private interface PointSource {
        void draw(Rng rng, int cls, double[] xy);
    }

    private static DataSplit build(String name, int classes, int samples, long seed, PointSource source) {
        if (samples < 2) throw new DataFormatException("toy data set '" + name + "': needs at least 2 samples, found " + samples);
        Rng rng = Rng.derive(seed, "toy:" + name, 0);
        float[] x = new float[2 * samples];
        int[] y = new int[samples];
        double[] xy = new double[2];
        for (int i = 0; i < samples; i++) {
            y[i] = i % classes;
            source.draw(rng, y[i], xy);
            x[2 * i] = (float) xy[0];
            x[2 * i + 1] = (float) xy[1];
        }
        int[] perm = new int[samples];
        for (int i = 0; i < samples; i++) perm[i] = i;
        Rng.derive(seed, "toy-split", 0).shuffle(perm);
        int nTrain = (int) Math.ceil(samples * TRAIN_FRACTION);
        if (nTrain == samples) nTrain = samples - 1;
        return new DataSplit(subset(x, y, perm, 0, nTrain, classes, name + ":train"),
                subset(x, y, perm, nTrain, samples, classes, name + ":test"));
    }

    private static Dataset subset(float[] x, int[] y, int[] perm, int from, int to, int classes, String name) {
        int n = to - from;
        float[] sx = new float[2 * n];
        int[] sy = new int[n];
        ByteBuffer bytes = ByteBuffer.allocate(n * 12);
        for (int i = 0; i < n; i++) {
            int s = perm[from + i];
            sx[2 * i] = x[2 * s];
            sx[2 * i + 1] = x[2 * s + 1];
            sy[i] = y[s];
            bytes.putFloat(sx[2 * i]).putFloat(sx[2 * i + 1]).putInt(sy[i]);
        }
        return new Dataset(sx, sy, classes, SHAPE.clone(), name, Hashing.sha256Hex(bytes.array()), true);
    }
}
