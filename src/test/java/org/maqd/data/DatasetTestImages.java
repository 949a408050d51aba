package org.maqd.data;

/** Small image data sets for augmentation tests. */
final class DatasetTestImages {
    private DatasetTestImages() {}

    /** n identical 1x6x6 images with a distinct value per pixel. */
    static Dataset constant(int n) {
        float[] x = new float[n * 36];
        for (int i = 0; i < n; i++) for (int k = 0; k < 36; k++) x[i * 36 + k] = (k + 1) / 36f;
        return new Dataset(x, new int[n], 1, new int[] {1, 6, 6}, "constant", "h");
    }
}
