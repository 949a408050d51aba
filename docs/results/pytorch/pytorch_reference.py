#!/usr/bin/python3
"""Reference baseline for `maqd bench`: Debian's PyTorch (python3-torch 1.13.1+dfsg) on the same machine.

Setup (Debian 12): apt-get install -y python3-torch python3-numpy libopenblas0-openmp
Usage:  [BENCH_BLAS=system] /usr/bin/python3 docs/results/pytorch/pytorch_reference.py [sgemm|numpy|train|info|all]
            [--threads 1,2] [--act-surrogate ste|triangle] [--rep-seconds 1.5] [--only mlp4,mlp64,mlp256,cnn64]

Parts
  sgemm : torch float32 (M,K)x(K,N) GFLOPS, warm-up, median of 7 reps each >= 0.2 s.
  numpy : numpy float32 matmul 256x784x256, BLAS threads set per subprocess (OPENBLAS_NUM_THREADS)
  train : training samples/s of the MaQD quickstart MLP (784-256-256-10) and the cnn experiment
          (conv 32-32, maxpool, conv 64-64, maxpool, output), 3-state weights / 2-state activations,
          LBN, first-layer and classifier weights 256 states, WS, STE, Adam 1e-3, cross-entropy.
"""
import argparse, ctypes, os, statistics, subprocess, sys, time

# Debian's python3-torch links libblas.so.3 (alternatives). The pthread OpenBLAS build fights torch's GOMP
# pool for the 2 cores (2 threads slower than 1); the OpenMP build shares the pool. Default: re-exec with the
# OpenMP build first on the loader path (apt-get install libopenblas0-openmp); BENCH_BLAS=system keeps the alternative.
_OMP_DIR = "/usr/lib/x86_64-linux-gnu/openblas-openmp"
if os.environ.get("BENCH_BLAS", "openmp") == "openmp" and os.path.isdir(_OMP_DIR) \
        and _OMP_DIR not in os.environ.get("LD_LIBRARY_PATH", ""):
    os.environ["LD_LIBRARY_PATH"] = _OMP_DIR + ":" + os.environ.get("LD_LIBRARY_PATH", "")
    os.execv(sys.executable, [sys.executable] + sys.argv)

import torch
import torch.nn as nn
import torch.nn.functional as F

# ---------------------------------------------------------------- BLAS thread control
def _blas_handle():
    try:
        lib = ctypes.CDLL("libblas.so.3")
        lib.openblas_set_num_threads  # raises AttributeError if not OpenBLAS
        return lib
    except (OSError, AttributeError):
        return None

_BLAS = _blas_handle()


def set_threads(t):
    torch.set_num_threads(t)
    if _BLAS is not None:           # OpenBLAS (pthread build) keeps its own pool; torch does not set it
        _BLAS.openblas_set_num_threads(int(t))


def loaded_blas():
    libs = set()
    with open("/proc/self/maps") as f:
        for line in f:
            p = line.split()[-1]
            if any(s in p for s in ("blas", "lapack", "dnnl", "gomp")):
                libs.add(os.path.realpath(p))
    return sorted(libs)


def info():
    import numpy
    blas_line = [l.strip() for l in torch.__config__.show().splitlines() if "BLAS" in l]
    print("torch", torch.__version__, "| numpy", numpy.__version__, "| python", sys.version.split()[0])
    for l in blas_line:
        print("  config:", ",".join(x for x in l.split(",") if "BLAS" in x or "LAPACK" in x))
    print("  loaded libs:", loaded_blas())
    print("  openblas_set_num_threads available:", _BLAS is not None)
    if _BLAS is not None:
        try:
            _BLAS.openblas_get_config.restype = ctypes.c_char_p
            print("  openblas config:", _BLAS.openblas_get_config().decode())
        except AttributeError:
            pass


# ---------------------------------------------------------------- timing helpers
def _busy_seconds():
    """(system-wide busy CPU seconds, this process's CPU seconds)."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    hz = os.sysconf("SC_CLK_TCK")
    busy = (sum(v[:8]) - v[3] - v[4]) / hz   # minus idle, iowait
    t = os.times()
    return busy, t.user + t.system


FOREIGN = []   # other processes' CPU load (cores) during each measurement


def time_calls(fn, min_seconds, reps, warm_seconds=0.3):
    b0, s0, w0 = *_busy_seconds(), time.perf_counter()
    r = _time_calls(fn, min_seconds, reps, warm_seconds)
    b1, s1, w1 = *_busy_seconds(), time.perf_counter()
    FOREIGN.append(max(0.0, ((b1 - b0) - (s1 - s0)) / (w1 - w0)))
    return r


def _time_calls(fn, min_seconds, reps, warm_seconds=0.3):
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < warm_seconds:   # warm-up
        fn()
    n = 1
    while True:                                       # calibrate n calls >= min_seconds
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        dt = time.perf_counter() - t0
        if dt >= min_seconds:
            break
        n = max(n * 2, int(n * min_seconds / max(dt, 1e-9) * 1.2))
    per_call = []
    for _ in range(reps):
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        per_call.append((time.perf_counter() - t0) / n)
    return statistics.median(per_call), min(per_call), max(per_call), n


SHAPES = [(256, 784, 256), (64, 784, 256), (1024, 1024, 1024)]


def bench_sgemm(threads):
    print("\n== torch sgemm GFLOPS (median of 7, each >=0.2 s; [min..max]) ==")
    for t in threads:
        set_threads(t)
        for (M, K, N) in SHAPES:
            a = torch.randn(M, K)
            b = torch.randn(K, N)
            c = torch.empty(M, N)
            med, lo, hi, n = time_calls(lambda: torch.mm(a, b, out=c), 0.2, 7)
            fl = 2.0 * M * N * K
            print(f"threads={t} {M}x{K}x{N}: {fl/med/1e9:7.1f} GFLOPS  [{fl/hi/1e9:.1f}..{fl/lo/1e9:.1f}]  "
                  f"({med*1e6:.1f} us/call, {n} calls/rep) other-load={FOREIGN[-1]:.2f} cores", flush=True)


NUMPY_CHILD = r"""
import numpy as np, time, statistics
M, K, N = 256, 784, 256
a = np.random.randn(M, K).astype(np.float32); b = np.random.randn(K, N).astype(np.float32)
c = np.empty((M, N), np.float32)
t0 = time.perf_counter()
while time.perf_counter() - t0 < 0.3: np.matmul(a, b, out=c)
n = 1
while True:
    t0 = time.perf_counter()
    for _ in range(n): np.matmul(a, b, out=c)
    dt = time.perf_counter() - t0
    if dt >= 0.2: break
    n = max(n * 2, int(n * 0.2 / max(dt, 1e-9) * 1.2))
r = []
for _ in range(7):
    t0 = time.perf_counter()
    for _ in range(n): np.matmul(a, b, out=c)
    r.append((time.perf_counter() - t0) / n)
med = statistics.median(r)
print(f"{2*M*N*K/med/1e9:.1f} GFLOPS [{2*M*N*K/max(r)/1e9:.1f}..{2*M*N*K/min(r)/1e9:.1f}] ({med*1e6:.1f} us/call)")
"""


def bench_numpy(threads):
    print("\n== numpy float32 matmul 256x784x256 (subprocess, OPENBLAS_NUM_THREADS/OMP_NUM_THREADS) ==")
    for t in threads:
        env = dict(os.environ, OPENBLAS_NUM_THREADS=str(t), OMP_NUM_THREADS=str(t))
        out = subprocess.run([sys.executable, "-c", NUMPY_CHILD], env=env, capture_output=True, text=True)
        print(f"threads={t}: {out.stdout.strip()} {out.stderr.strip()}", flush=True)


# ---------------------------------------------------------------- MaQD layers (method.md §2-§8)
# gaussian steps from method.md tables (3 decimals; enough for timing)
W_STEP = {2: 1.596, 3: 1.224, 4: 0.996, 5: 0.843, 8: 0.586, 16: 0.335, 256: 0.031}
A_STEP = {2: 1.224, 3: 0.843, 4: 0.651, 5: 0.534, 8: 0.353, 16: 0.193, 256: 0.017}
EPS_W = 1e-5


class WeightQ(torch.autograd.Function):
    """k = clip(round(z/d + (M-1)/2), 0, M-1); Wq = d (k - (M-1)/2).  STE: 1 inside [-M/2, M/2]*d."""
    @staticmethod
    def forward(ctx, z, d, M):
        h = (M - 1) / 2.0
        k = torch.clamp(torch.round(z / d + h), 0, M - 1)
        ctx.save_for_backward(z)
        ctx.lim = M / 2.0 * d
        return d * (k - h)

    @staticmethod
    def backward(ctx, g):
        (z,) = ctx.saved_tensors
        return g * (z.abs() <= ctx.lim).to(g.dtype), None, None


class ActQ(torch.autograd.Function):
    """Q_a(x) = d clip(round(x/d), 0, M-1).  ste: 1 inside [-d/2, (M-1/2) d]; triangle: sum_k max(0,1-|x/d-k-1/2|)."""
    @staticmethod
    def forward(ctx, x, d, M, surrogate):
        ctx.save_for_backward(x)
        ctx.d, ctx.M, ctx.sur = d, M, surrogate
        return d * torch.clamp(torch.round(x / d), 0, M - 1)

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        d, M = ctx.d, ctx.M
        if ctx.sur == "ste":
            m = ((x >= -0.5 * d) & (x <= (M - 0.5) * d)).to(g.dtype)
        else:  # triangle, width 1
            u = x / d
            m = torch.zeros_like(x)
            for k in range(M - 1):
                m = m + torch.clamp(1.0 - (u - k - 0.5).abs(), min=0.0)
        return g * m, None, None, None


def ws_quant(w, M):
    """Weight standardization per output unit over its fan-in, then Q_w."""
    wf = w.flatten(1)
    mu = wf.mean(1, keepdim=True)
    sd = torch.sqrt(((wf - mu) ** 2).mean(1, keepdim=True) + EPS_W)
    z = ((wf - mu) / sd).view_as(w)
    return WeightQ.apply(z, W_STEP[M], M)


class LBN(nn.Module):
    """Layer-Batch Norm: one mean/var over all B*C*H*W elements; per-channel affine; running stats (momentum .1)."""
    def __init__(self, c, eps=1e-5, momentum=0.1):
        super().__init__()
        self.gamma = nn.Parameter(torch.ones(c))
        self.beta = nn.Parameter(torch.zeros(c))
        self.register_buffer("rm", torch.zeros(()))
        self.register_buffer("rv", torch.ones(()))
        self.eps, self.mom = eps, momentum

    def forward(self, x):
        shape = (1, -1) + (1,) * (x.dim() - 2)
        if self.training:
            mu = x.mean()
            xc = x - mu
            var = (xc * xc).mean()
            with torch.no_grad():
                n = x.numel()
                self.rm.mul_(1 - self.mom).add_(self.mom * mu)
                self.rv.mul_(1 - self.mom).add_(self.mom * var * n / max(n - 1, 1))
            y = xc * torch.rsqrt(var + self.eps)
        else:
            y = (x - self.rm) * torch.rsqrt(self.rv + self.eps)
        return y * self.gamma.view(shape) + self.beta.view(shape)


class QBlock(nn.Module):
    """Linear|Conv2d(WS -> Q_w) -> LBN -> Q_a (Q_a omitted for the output layer: float logits). No bias (norm follows)."""
    def __init__(self, kind, cin, cout, Mw, Ma, sur, k=3):
        super().__init__()
        self.kind, self.Mw, self.Ma, self.sur = kind, Mw, Ma, sur
        if kind == "conv":
            self.weight = nn.Parameter(torch.empty(cout, cin, k, k))
        else:
            self.weight = nn.Parameter(torch.empty(cout, cin))
        nn.init.kaiming_uniform_(self.weight, a=5 ** 0.5)
        self.norm = LBN(cout)

    def forward(self, x):
        wq = ws_quant(self.weight, self.Mw)
        x = F.conv2d(x, wq, padding=1) if self.kind == "conv" else F.linear(x, wq)
        x = self.norm(x)
        if self.Ma:
            x = ActQ.apply(x, A_STEP[self.Ma], self.Ma, self.sur)
        return x


def make_mlp(sur):
    return nn.Sequential(nn.Flatten(),
                         QBlock("lin", 784, 256, 256, 2, sur),   # first block: 8-bit weights
                         QBlock("lin", 256, 256, 3, 2, sur),
                         QBlock("lin", 256, 10, 256, 0, sur))    # output: 8-bit weights, LBN, float logits


def make_cnn(sur):
    return nn.Sequential(QBlock("conv", 1, 32, 256, 2, sur),
                         QBlock("conv", 32, 32, 3, 2, sur),
                         nn.MaxPool2d(2),
                         QBlock("conv", 32, 64, 3, 2, sur),
                         QBlock("conv", 64, 64, 3, 2, sur),
                         nn.MaxPool2d(2),
                         nn.Flatten(),
                         QBlock("lin", 64 * 7 * 7, 10, 256, 0, sur))


def bench_train(threads, sur, rep_seconds, reps, configs):
    print(f"\n== training samples/s (Adam 1e-3, CE, act surrogate={sur}; median of {reps} reps ~{rep_seconds}s) ==")
    results = {}
    for name, make, B in configs:
        for t in threads:
            set_threads(t)
            torch.manual_seed(0)
            model = make(sur)
            model.train()
            opt = torch.optim.Adam(model.parameters(), lr=1e-3)
            pool = 8 * max(B, 64)
            X = torch.rand(pool, 1, 28, 28)
            Y = torch.randint(0, 10, (pool,))
            state = {"i": 0}

            def step():
                i = state["i"]
                state["i"] = (i + B) % (pool - B + 1)
                x, y = X[i:i + B], Y[i:i + B]
                opt.zero_grad(set_to_none=True)
                loss = F.cross_entropy(model(x), y)
                loss.backward()
                opt.step()

            med, lo, hi, n = time_calls(step, rep_seconds, reps, warm_seconds=0.5)
            sps = B / med
            results[(name, B, t)] = sps
            print(f"{name:3s} batch={B:4d} threads={t}: {sps:8.0f} samples/s  [{B/hi:.0f}..{B/lo:.0f}]  "
                  f"({med*1e3:.2f} ms/step, {n} steps/rep) other-load={FOREIGN[-1]:.2f} cores", flush=True)
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("part", nargs="?", default="all", choices=["sgemm", "numpy", "train", "info", "all"])
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--act-surrogate", default="ste", choices=["ste", "triangle"])
    ap.add_argument("--rep-seconds", type=float, default=1.5)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--only", default="", help="comma list among mlp4,mlp64,mlp256,cnn64")
    a = ap.parse_args()
    threads = [int(x) for x in a.threads.split(",")]
    print("start", time.strftime("%Y-%m-%d %H:%M:%S %Z"), "| loadavg", open("/proc/loadavg").read().split()[:3])
    info()
    if a.part in ("sgemm", "all"):
        bench_sgemm(threads)
    if a.part in ("numpy", "all"):
        bench_numpy(threads)
    if a.part in ("train", "all"):
        configs = [("mlp", make_mlp, 4), ("mlp", make_mlp, 64), ("mlp", make_mlp, 256), ("cnn", make_cnn, 64)]
        if a.only:
            keep = set(a.only.split(","))
            configs = [c for c in configs if f"{c[0]}{c[2]}" in keep]
        bench_train(threads, a.act_surrogate, a.rep_seconds, a.reps, configs)
    print("end", time.strftime("%Y-%m-%d %H:%M:%S %Z"), "| loadavg", open("/proc/loadavg").read().split()[:3])


if __name__ == "__main__":
    main()
