package org.maqd.data;

import org.maqd.tensor.Rng;

/**
 * Training-time image augmentation: a random crop with zero padding (the image is shifted by dy, dx drawn
 * uniformly from [-padding, padding], vacated pixels become 0) followed by an optional horizontal flip with
 * probability 1/2. The shape is preserved.
 *
 * <p>Randomness: batch b of epoch e draws from {@code Rng.derive(seed, "augment", e * 1_000_003L + b)}, three
 * values per sample in order (dy, dx, flip), whether or not flipping is on. So augmentation is reproducible,
 * independent of the data-order stream, and a run resumed mid-epoch gets the same crops.
 */
public record Augmentation(int padding, boolean flip) {
    public static final Augmentation NONE = new Augmentation(0, false);
    public static final String PURPOSE = "augment";

    public Augmentation {
        if (padding < 0) throw new IllegalArgumentException("crop padding must be non-negative, got " + padding);
    }

    public boolean enabled() { return padding > 0 || flip; }

    /**
     * From the data spec: off unless {@code augment} is true. Defaults: {@code cropPadding} = H / 8 (3 for 28x28,
     * 4 for 32x32, at least 1); {@code flip} on for 3-channel images only (digits and letters are not
     * mirror-symmetric, photos are).
     */
    public static Augmentation from(DataSpec spec, int[] sampleShape) {
        if (spec == null || !Boolean.TRUE.equals(spec.augment())) return NONE;
        int c = sampleShape[0], h = sampleShape.length > 1 ? sampleShape[1] : 1, w = sampleShape.length > 2 ? sampleShape[2] : 1;
        if (sampleShape.length != 3 || h * w == 1) {
            throw new DataFormatException("data.augment: crop and flip apply to images [C, H, W]; samples of shape "
                    + java.util.Arrays.toString(sampleShape) + " are not images (turn augment off)");
        }
        int pad = spec.cropPadding() != null ? spec.cropPadding() : Math.max(1, h / 8);
        if (pad < 0 || pad >= Math.min(h, w)) {
            throw new DataFormatException("data.cropPadding: expected 0.." + (Math.min(h, w) - 1) + " for images of "
                    + java.util.Arrays.toString(sampleShape) + ", found " + pad);
        }
        boolean flip = spec.flip() != null ? spec.flip() : c == 3;
        return new Augmentation(pad, flip);
    }

    /** The stream for batch {@code batchIndex} of {@code epoch}. */
    public static Rng stream(long seed, int epoch, int batchIndex) {
        return Rng.derive(seed, PURPOSE, epoch * 1_000_003L + batchIndex);
    }

    /**
     * Writes sample {@code src[srcOff ..]} of shape [c, h, w], augmented with draws from {@code rng}, into
     * {@code dst[dstOff ..]}.
     */
    public void apply(Rng rng, float[] src, int srcOff, float[] dst, int dstOff, int c, int h, int w) {
        int span = 2 * padding + 1;
        int dy = rng.nextInt(span) - padding;
        int dx = rng.nextInt(span) - padding;
        boolean mirror = rng.nextInt(2) == 1 && flip;
        shift(src, srcOff, dst, dstOff, c, h, w, dy, dx, mirror);
    }

    /** out[ch, i, j] = src[ch, i + dy, (mirror ? w-1-j : j) + dx], or 0 outside the source image. */
    static void shift(float[] src, int srcOff, float[] dst, int dstOff, int c, int h, int w, int dy, int dx, boolean mirror) {
        for (int ch = 0; ch < c; ch++) {
            int plane = ch * h * w;
            for (int i = 0; i < h; i++) {
                int si = i + dy;
                int out = dstOff + plane + i * w;
                if (si < 0 || si >= h) {
                    java.util.Arrays.fill(dst, out, out + w, 0f);
                    continue;
                }
                int row = srcOff + plane + si * w;
                for (int j = 0; j < w; j++) {
                    int sj = (mirror ? w - 1 - j : j) + dx;
                    dst[out + j] = sj >= 0 && sj < w ? src[row + sj] : 0f;
                }
            }
        }
    }
}
