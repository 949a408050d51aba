/* Plain C reference for `maqd bench`'s fma_peak_gflops: T threads, 14 independent vector FMA chains each, W
 * windows of S steps per thread; prints the sum over threads of each thread's 0.9 quantile (and median) of its
 * window rates (GFLOPS), as FmaPeak.java does.
 * 512-bit vectors where the compiler targets AVX-512, 256-bit otherwise (as the JVM's preferred species).
 * Build: gcc -O2 -march=native -pthread scripts/fma_peak.c -o /tmp/fma_peak; run: /tmp/fma_peak THREADS [WINDOWS]. */
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define CHAINS 14
#ifdef __AVX512F__
typedef __m512 vec;
#define LANES 16
#define SET1 SET1
#define FMADD FMADD
#define ADD ADD
static float hsum(vec v) { return _mm512_reduce_add_ps(v); }
#else
typedef __m256 vec;
#define LANES 8
#define SET1 _mm256_set1_ps
#define FMADD _mm256_fmadd_ps
#define ADD _mm256_add_ps
static float hsum(vec v) { float t[8]; _mm256_storeu_ps(t, v); float s = 0; for (int i = 0; i < 8; i++) s += t[i]; return s; }
#endif
static int threads, windows;
static long steps = 400000;
static double *starts, *ends;
static volatile float sinkv;

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }

static float chains(long n) {
    vec a = SET1(0.999f), b = SET1(1e-3f);
    /* distinct starting values, so the compiler cannot merge identical chains into one */
    vec x0 = SET1(1e-3f), x1 = SET1(2e-3f), x2 = SET1(3e-3f),
           x3 = SET1(4e-3f), x4 = SET1(5e-3f), x5 = SET1(6e-3f),
           x6 = SET1(7e-3f), x7 = SET1(8e-3f), x8 = SET1(9e-3f),
           x9 = SET1(10e-3f), x10 = SET1(11e-3f), x11 = SET1(12e-3f),
           x12 = SET1(13e-3f), x13 = SET1(14e-3f);
    for (long i = 0; i < n; i++) { /* written out: the chains stay in registers */
        x0 = FMADD(x0, a, b); x1 = FMADD(x1, a, b); x2 = FMADD(x2, a, b);
        x3 = FMADD(x3, a, b); x4 = FMADD(x4, a, b); x5 = FMADD(x5, a, b);
        x6 = FMADD(x6, a, b); x7 = FMADD(x7, a, b); x8 = FMADD(x8, a, b);
        x9 = FMADD(x9, a, b); x10 = FMADD(x10, a, b); x11 = FMADD(x11, a, b);
        x12 = FMADD(x12, a, b); x13 = FMADD(x13, a, b);
    }
    vec s = ADD(ADD(ADD(x0, x1), ADD(x2, x3)),
                             ADD(ADD(x4, x5), ADD(x6, x7)));
    s = ADD(s, ADD(ADD(x8, x9), ADD(x10, x11)));
    s = ADD(s, ADD(x12, x13));
    return hsum(s);
}

static void *worker(void *arg) {
    long id = (long) arg;
    for (int w = 0; w < windows; w++) {
        starts[w * threads + id] = now();
        sinkv = chains(steps);
        ends[w * threads + id] = now();
    }
    return NULL;
}

static int cmp(const void *a, const void *b) { double x = *(double *) a, y = *(double *) b; return (x > y) - (x < y); }

int main(int argc, char **argv) {
    threads = argc > 1 ? atoi(argv[1]) : 1;
    windows = argc > 2 ? atoi(argv[2]) : 1000;
    starts = calloc(threads * windows, sizeof(double));
    ends = calloc(threads * windows, sizeof(double));
    pthread_t t[64];
    for (long i = 0; i < threads; i++) pthread_create(&t[i], NULL, worker, (void *) i);
    for (int i = 0; i < threads; i++) pthread_join(t[i], NULL);
    double *r = calloc(windows, sizeof(double)), q = 0, med = 0;
    for (int i = 0; i < threads; i++) {
        for (int w = 0; w < windows; w++) r[w] = 2.0 * CHAINS * LANES * steps / (ends[w * threads + i] - starts[w * threads + i]) / 1e9;
        qsort(r, windows, sizeof(double), cmp);
        q += r[(int) (0.9 * (windows - 1))];
        med += r[windows / 2];
    }
    printf("threads %d: sum of per-thread q0.9 %.1f, of medians %.1f GFLOPS\n", threads, q, med);
    return 0;
}
