package org.maqd.deploy;

/** The fixed parts of the C export: the integer kernels and the IDX-reading {@code main.c}. */
final class CSources {
    private CSources() {}

    static final String KERNELS = """
            typedef struct {
                int ic, ih, iw, oc, oh, ow, kh, kw, stride, pad; /* linear: kernel = whole input, 1x1 output */
                int bits, mul, off;                              /* weight = code * mul - off */
                const uint8_t *w;                                /* codes [oc][ic][kh][kw], packed */
            } layer_t;

            static int32_t weight(const layer_t *L, uint32_t i)
            {
                uint32_t bit = i * (uint32_t)L->bits, at = bit >> 3;
                uint32_t v = ((uint32_t)L->w[at] | ((uint32_t)L->w[at + 1] << 8)) >> (bit & 7u);
                return (int32_t)(v & ((1u << L->bits) - 1u)) * L->mul - L->off;
            }

            /* The integer dot product of output channel o at (y, x); |acc| fits int32 by construction. */
            static int32_t accumulate(const layer_t *L, const uint8_t *in, int o, int y, int x)
            {
                int32_t acc = 0;
                uint32_t fan = (uint32_t)(L->ic * L->kh * L->kw);
                int c, ky, kx;
                for (c = 0; c < L->ic; c++) {
                    for (ky = 0; ky < L->kh; ky++) {
                        int iy = y * L->stride + ky - L->pad;
                        if (iy < 0 || iy >= L->ih) continue;
                        for (kx = 0; kx < L->kw; kx++) {
                            int ix = x * L->stride + kx - L->pad;
                            uint8_t a;
                            if (ix < 0 || ix >= L->iw) continue;
                            a = in[(c * L->ih + iy) * L->iw + ix];
                            if (a != 0) acc += (int32_t)a * weight(L, (uint32_t)o * fan + (uint32_t)((c * L->kh + ky) * L->kw + kx));
                        }
                    }
                }
                return acc;
            }

            /* Hidden block: output code = number of thresholds that direction * acc reaches. */
            static void thresholds(const layer_t *L, const int32_t *t, const int8_t *d, int n, const uint8_t *in, uint8_t *out)
            {
                int o, y, x;
                for (o = 0; o < L->oc; o++) {
                    for (y = 0; y < L->oh; y++) {
                        for (x = 0; x < L->ow; x++) {
                            int32_t v = d[o] * accumulate(L, in, o, y, x);
                            int k = 0;
                            while (k < n && v >= t[o * n + k]) k++;
                            out[(o * L->oh + y) * L->ow + x] = (uint8_t)k;
                        }
                    }
                }
            }

            /* Output block: the first class with the largest score m * acc + offset (int64). */
            static int scores(const layer_t *L, const int64_t *m, const int64_t *off, const uint8_t *in)
            {
                int o, best = 0;
                int64_t bv = 0;
                for (o = 0; o < L->oc; o++) {
                    int64_t s = m[o] * (int64_t)accumulate(L, in, o, 0, 0) + off[o];
                    if (o == 0 || s > bv) { bv = s; best = o; }
                }
                return best;
            }

            """;

    static final String MAXPOOL = """
            /* Max pooling on codes (Q_a is monotone, so it commutes with the pool). */
            static void maxpool(int ch, int ih, int iw, int oh, int ow, int k, int s, const uint8_t *in, uint8_t *out)
            {
                int c, y, x, ky, kx;
                for (c = 0; c < ch; c++) {
                    for (y = 0; y < oh; y++) {
                        for (x = 0; x < ow; x++) {
                            uint8_t best = 0;
                            for (ky = 0; ky < k; ky++) {
                                for (kx = 0; kx < k; kx++) {
                                    uint8_t v = in[(c * ih + y * s + ky) * iw + x * s + kx];
                                    if (v > best) best = v;
                                }
                            }
                            out[(c * oh + y) * ow + x] = best;
                        }
                    }
                }
            }
            """;

    static final String SUMPOOL = """
            /* Average pooling as sums of codes (the next block's step is divided by the window). */
            static void sumpool(int ch, int ih, int iw, int oh, int ow, int kh, int kw, int s, const uint8_t *in, uint8_t *out)
            {
                int c, y, x, ky, kx;
                for (c = 0; c < ch; c++) {
                    for (y = 0; y < oh; y++) {
                        for (x = 0; x < ow; x++) {
                            unsigned sum = 0;
                            for (ky = 0; ky < kh; ky++) {
                                for (kx = 0; kx < kw; kx++) sum += in[(c * ih + y * s + ky) * iw + x * s + kx];
                            }
                            out[(c * oh + y) * ow + x] = (uint8_t)sum;
                        }
                    }
                }
            }
            """;

    static final String ACCUMULATORS = """
            /* Block without Q_a: its int32 accumulators, for an add to rescale. */
            static void accumulators(const layer_t *L, const uint8_t *in, int32_t *out)
            {
                int o, y, x;
                for (o = 0; o < L->oc; o++)
                    for (y = 0; y < L->oh; y++)
                        for (x = 0; x < L->ow; x++) out[(o * L->oh + y) * L->ow + x] = accumulate(L, in, o, y, x);
            }
            """;

    static final String REQUANT = """
            /* Add: the code of a fixed-point sum s is the number of thresholds it reaches (round half to even). */
            static uint8_t requant(int64_t s, const int64_t *t, int n)
            {
                int k = 0;
                while (k < n && s >= t[k]) k++;
                return (uint8_t)k;
            }
            """;

    static final String MAIN = """
            /* Reads an uncompressed IDX file of uint8 images and prints one prediction per line. */
            #include <stdio.h>
            #include <stdint.h>
            #include "model.h"

            static uint8_t image[MAQD_INPUT_SIZE];

            static uint32_t be32(const uint8_t *b)
            {
                return ((uint32_t)b[0] << 24) | ((uint32_t)b[1] << 16) | ((uint32_t)b[2] << 8) | (uint32_t)b[3];
            }

            int main(int argc, char **argv)
            {
                uint8_t head[4], dim[4];
                uint32_t n, size = 1, i;
                int d;
                FILE *f;
                if (argc != 2) {
                    fprintf(stderr, "usage: %s IMAGES (an uncompressed IDX file of uint8 images, e.g. t10k-images-idx3-ubyte)\\n", argv[0]);
                    return 2;
                }
                f = fopen(argv[1], "rb");
                if (f == NULL) { perror(argv[1]); return 2; }
                if (fread(head, 1, 4, f) != 4 || head[0] != 0 || head[1] != 0 || head[2] != 0x08 || head[3] < 1) {
                    fprintf(stderr, "%s: not an IDX file of unsigned bytes (magic 0x0000080N expected; gunzip .gz files first)\\n", argv[1]);
                    return 2;
                }
                if (fread(dim, 1, 4, f) != 4) { fprintf(stderr, "%s: truncated header\\n", argv[1]); return 2; }
                n = be32(dim);
                for (d = 1; d < head[3]; d++) {
                    if (fread(dim, 1, 4, f) != 4) { fprintf(stderr, "%s: truncated header\\n", argv[1]); return 2; }
                    size *= be32(dim);
                }
                if (size != MAQD_INPUT_SIZE) {
                    fprintf(stderr, "%s: images have %lu values, the model expects %d\\n", argv[1], (unsigned long)size, MAQD_INPUT_SIZE);
                    return 2;
                }
                for (i = 0; i < n; i++) {
                    if (fread(image, 1, MAQD_INPUT_SIZE, f) != MAQD_INPUT_SIZE) {
                        fprintf(stderr, "%s: truncated at image %lu of %lu\\n", argv[1], (unsigned long)i, (unsigned long)n);
                        return 2;
                    }
                    printf("%d\\n", predict(image));
                }
                fclose(f);
                return 0;
            }
            """;
}
