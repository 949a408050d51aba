/* Plain C reference for `maqd bench`'s fma_peak_gflops: T threads, 12 independent 512-bit FMA chains each, W
 * windows of S steps per thread; prints the sum over threads of each thread's 0.9 quantile (and median) of its
 * window rates (GFLOPS), as FmaPeak.java does.
 * Build: gcc -O2 -mavx512f -pthread scripts/fma_peak.c -o /tmp/fma_peak; run: /tmp/fma_peak THREADS [WINDOWS]. */
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define CHAINS 12
static int threads, windows;
static long steps = 400000;
static double *starts, *ends;
static volatile float sinkv;

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }

static float chains(long n) {
    __m512 a = _mm512_set1_ps(0.999f), b = _mm512_set1_ps(1e-3f);
    /* distinct starting values, so the compiler cannot merge identical chains into one */
    __m512 x0 = _mm512_set1_ps(1e-3f), x1 = _mm512_set1_ps(2e-3f), x2 = _mm512_set1_ps(3e-3f),
           x3 = _mm512_set1_ps(4e-3f), x4 = _mm512_set1_ps(5e-3f), x5 = _mm512_set1_ps(6e-3f),
           x6 = _mm512_set1_ps(7e-3f), x7 = _mm512_set1_ps(8e-3f), x8 = _mm512_set1_ps(9e-3f),
           x9 = _mm512_set1_ps(10e-3f), x10 = _mm512_set1_ps(11e-3f), x11 = _mm512_set1_ps(12e-3f);
    for (long i = 0; i < n; i++) { /* written out: the chains stay in registers */
        x0 = _mm512_fmadd_ps(x0, a, b); x1 = _mm512_fmadd_ps(x1, a, b); x2 = _mm512_fmadd_ps(x2, a, b);
        x3 = _mm512_fmadd_ps(x3, a, b); x4 = _mm512_fmadd_ps(x4, a, b); x5 = _mm512_fmadd_ps(x5, a, b);
        x6 = _mm512_fmadd_ps(x6, a, b); x7 = _mm512_fmadd_ps(x7, a, b); x8 = _mm512_fmadd_ps(x8, a, b);
        x9 = _mm512_fmadd_ps(x9, a, b); x10 = _mm512_fmadd_ps(x10, a, b); x11 = _mm512_fmadd_ps(x11, a, b);
    }
    __m512 s = _mm512_add_ps(_mm512_add_ps(_mm512_add_ps(x0, x1), _mm512_add_ps(x2, x3)),
                             _mm512_add_ps(_mm512_add_ps(x4, x5), _mm512_add_ps(x6, x7)));
    s = _mm512_add_ps(s, _mm512_add_ps(_mm512_add_ps(x8, x9), _mm512_add_ps(x10, x11)));
    return _mm512_reduce_add_ps(s);
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
        for (int w = 0; w < windows; w++) r[w] = 2.0 * CHAINS * 16 * steps / (ends[w * threads + i] - starts[w * threads + i]) / 1e9;
        qsort(r, windows, sizeof(double), cmp);
        q += r[(int) (0.9 * (windows - 1))];
        med += r[windows / 2];
    }
    printf("threads %d: sum of per-thread q0.9 %.1f, of medians %.1f GFLOPS\n", threads, q, med);
    return 0;
}
