package org.maqd.model;

import java.util.Locale;

/**
 * The heap a network needs for training, estimated from its shapes and the batch size before anything is allocated,
 * so a network that cannot fit is refused with a message naming its largest layer instead of an OutOfMemoryError
 * (or an int overflow) halfway through building. Per parameter: the float weight, its gradient, Adam's two moments,
 * the standardized and quantized copies the forward pass keeps and their backward buffers ({@link #BYTES_PER_PARAM});
 * per activation value of a batch: the layer's output, its normalized and quantized intermediates and their
 * gradients ({@link #BYTES_PER_ACTIVATION}). The estimate is a lower bound (measured: an MLP with one hidden layer of
 * 16384 units, 12.9 M parameters, ran out of a 450 MB heap at batch 64, with the data set's 50 MB); a second copy of
 * the network exists while the JIT is warmed up, which {@code copies} accounts for. A layer whose weights or batch
 * activations exceed one Java array ({@link #MAX_ARRAY}) is refused whatever the heap.
 */
public final class MemoryEstimate {
    public static final long BYTES_PER_PARAM = 8L * Float.BYTES;
    /** The most values one Java array holds. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    public static final long BYTES_PER_ACTIVATION = 6L * Float.BYTES;

    /** One layer's share: where it is, its parameters, activation values per sample and bytes at the batch size. */
    public record Layer(String where, String type, long params, long activationsPerSample, long bytes) {}

    /** The whole estimate: total bytes and the layer with the largest share. */
    public record Estimate(long bytes, Layer largest, int batchSize, java.util.List<Layer> layers) {}

    private MemoryEstimate() {}

    /** Estimates the training memory of a spec at {@code batchSize}; {@code copies} networks at once (≥ 1). */
    public static Estimate of(NetworkSpec spec, int batchSize, int copies) {
        NetworkAnalysis.Report r = NetworkAnalysis.analyze(spec);
        long total = 0;
        Layer largest = null;
        java.util.List<Layer> layers = new java.util.ArrayList<>();
        for (NetworkAnalysis.Row row : r.rows()) {
            long acts = row.outShape() == null ? 0 : elements(row.outShape());
            long bytes = add(sat(row.params(), BYTES_PER_PARAM * copies),
                    sat(sat(acts, batchSize), BYTES_PER_ACTIVATION * copies));
            String where = spec.isGraph() ? "node " + row.id() : "network.layers[" + row.index() + "]";
            Layer l = new Layer(where, row.type(), row.params(), acts, bytes);
            layers.add(l);
            if (largest == null || bytes > largest.bytes()) largest = l;
            total = add(total, bytes);
        }
        return new Estimate(total, largest, batchSize, layers);
    }

    /**
     * Throws a {@link SpecException} when the estimate exceeds {@code availableBytes}, naming the largest layer, its
     * parameters and both figures.
     */
    public static void check(NetworkSpec spec, int batchSize, int copies, long availableBytes) {
        Estimate e = of(spec, batchSize, copies);
        for (Layer l : e.layers()) {
            long batchValues = sat(l.activationsPerSample(), batchSize);
            if (l.params() > MAX_ARRAY || batchValues > MAX_ARRAY) {
                throw new SpecException(String.format(Locale.ROOT, "%s (%s): %s, more than one Java array can hold "
                        + "(%,d values); make the layer smaller%s", l.where(), l.type(), l.params() > MAX_ARRAY
                        ? String.format(Locale.ROOT, "%,d parameters", l.params())
                        : String.format(Locale.ROOT, "%,d activation values at batch size %d", batchValues, batchSize),
                        MAX_ARRAY, l.params() > MAX_ARRAY ? "" : " or the batch smaller"));
            }
        }
        if (e.bytes() <= availableBytes || e.largest() == null) return;
        Layer l = e.largest();
        throw new SpecException(String.format(Locale.ROOT, "%s (%s): the network needs at least about %s of memory to train at "
                + "batch size %d, more than the %s the Java heap has free; this layer alone needs about %s (%,d parameters, "
                + "%,d activation values per sample). Make the layer smaller, use fewer layers or a smaller batch, or give "
                + "Java more memory (MAQD_JAVA_OPTS=-Xmx...)", l.where(), l.type(), human(e.bytes()), batchSize,
                human(availableBytes), human(l.bytes()), l.params(), l.activationsPerSample()));
    }

    /** The heap this JVM can still give: its maximum minus what is in use now. */
    public static long availableHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * Bytes for people, the one way the workbench writes a size (composer cards, cost table, runs table, memory
     * note): B below 1 kB, then kB, MB or GB (of 1,024) with one decimal.
     */
    public static String human(long bytes) { return human(bytes, false); }

    /**
     * As {@link #human(long)}; {@code compact} drops the decimal from 100 up and a trailing ".0" (a composer card's
     * "198 kB" where the table says "198.0 kB": the same unit, fewer characters).
     */
    public static String human(long bytes, boolean compact) {
        double v;
        String unit;
        if (bytes >= 1L << 30) { v = bytes / (double) (1L << 30); unit = " GB"; }
        else if (bytes >= 1L << 20) { v = bytes / (double) (1L << 20); unit = " MB"; }
        else if (bytes >= 1024) { v = bytes / 1024.0; unit = " kB"; }
        else return bytes + " B";
        return (compact ? compact(v) : String.format(Locale.ROOT, "%.1f", v)) + unit;
    }

    /** A number in few characters: no decimal from 100 up, else one, and no trailing ".0" (198, 65.5, 18). */
    public static String compact(double v) {
        String s = String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static long elements(int[] shape) {
        long n = 1;
        for (int d : shape) n = sat(n, d);
        return n;
    }

    private static long add(long a, long b) { return a + b < 0 ? Long.MAX_VALUE : a + b; }

    private static long sat(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }
}
