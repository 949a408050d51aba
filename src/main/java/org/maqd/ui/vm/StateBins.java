package org.maqd.ui.vm;

/**
 * Occupancy of many states drawn as at most {@code maxBars} bars: adjacent states share a bar (the same number in
 * each, the last bar may hold fewer), labelled with the first and last state's level. 256 one-pixel bars of about
 * 0.4% each showed nothing; 32 bars of 8 states show the distribution's shape.
 */
public record StateBins(long[] counts, String[] labels, int perBar) {
    /** Bars the weight- and activation-state charts draw at most. */
    public static final int MAX_BARS = 32;

    /** {@code counts} per state with {@code labels} (a state's level); unchanged when they fit {@code maxBars}. */
    public static StateBins of(long[] counts, String[] labels, int maxBars) {
        int m = counts.length;
        if (m <= maxBars) return new StateBins(counts.clone(), labels.clone(), 1);
        int per = (m + maxBars - 1) / maxBars;
        int bars = (m + per - 1) / per;
        long[] c = new long[bars];
        String[] l = new String[bars];
        for (int b = 0; b < bars; b++) {
            int from = b * per, to = Math.min(m, from + per);
            for (int k = from; k < to; k++) c[b] += counts[k];
            l[b] = to - from == 1 ? labels[from] : labels[from] + "…" + labels[to - 1];
        }
        return new StateBins(c, l, per);
    }
}
