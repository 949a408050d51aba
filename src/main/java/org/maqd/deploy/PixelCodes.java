package org.maqd.deploy;

import org.maqd.data.Dataset;

/**
 * Input quantization, done once: a data set's values (pixels scaled to [0, 1] as code/255) back to their 8-bit
 * codes. Values that are not such codes (toy sets, normalized inputs) make the model not integer-only.
 */
public final class PixelCodes {
    private PixelCodes() {}

    /** The code of one value, or −1 when it is not code/255 for a code in 0…255. */
    public static int code(float v) {
        if (!(v >= 0f && v <= 1f)) return -1;
        int c = Math.round(v * 255f);
        return Math.abs(c / 255f - v) <= 1e-6f ? c : -1;
    }

    /** All samples' codes, sample after sample in the data set's [C, H, W] order. */
    public static byte[] of(Dataset d) {
        int n = d.size(), size = d.sampleSize();
        byte[] out = new byte[n * size];
        float[] x = new float[size];
        for (int s = 0; s < n; s++) {
            d.copySample(s, x, 0);
            for (int i = 0; i < size; i++) {
                int c = code(x[i]);
                if (c < 0) {
                    throw new NotIntegerOnlyException("the input of " + d.name() + " is not 8-bit pixels (sample " + s
                            + ", value " + i + " is " + x[i] + ", not a multiple of 1/255 in [0, 1])");
                }
                out[s * size + i] = (byte) c;
            }
        }
        return out;
    }
}
