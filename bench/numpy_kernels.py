#!/usr/bin/env python3
"""numpy baselines for bench/coreKernels.ts, written as a careful numpy user would: in place wherever numpy allows
(np.divide(x, s, out=...), np.rint(..., out=...)), mse as subtract-then-dot, and a plain np.copyto for reference.

Serves timings one run at a time so the TypeScript side can interleave numpy's runs with its own (both then see
the same machine load): it reads kernel names on stdin, one a line, runs that kernel once, and answers one JSON
line {"kernel", "ms", "cpuMs"}. The first line it prints is {"numpy": version, "blas": ..., "kernels": [...]}.

Usage: python3 bench/numpy_kernels.py --size 16777216 --rows 32768 --row-length 256
(unset OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE for this command alone where the machine sets them: they slow a
current numpy's BLAS, which mse's dot uses)
"""
import argparse
import json
import sys
import time

import numpy as np


def blas_info():
    try:
        from threadpoolctl import threadpool_info

        return [{k: i.get(k) for k in ("internal_api", "version", "architecture", "num_threads")} for i in threadpool_info()]
    except Exception:  # threadpoolctl is optional
        return None


def build(a):
    rng = np.random.default_rng(1)
    x = rng.standard_normal(a.size, dtype=np.float32)
    y = x + np.float32(0.01) * rng.standard_normal(a.size, dtype=np.float32)
    out = np.empty_like(x)
    tmp = np.empty_like(x)

    lo, hi = float(min(x.min(), 0)), float(max(x.max(), 0))
    scale8 = np.float32(max((hi - lo) / 255, float(np.finfo(np.float32).eps)))
    zp8 = -128 - round(lo / float(scale8))
    scale4 = np.float32(max(abs(lo), abs(hi)) / 7)

    def fake_quant(scale, qmin, qmax):
        # The zero point folded into the clamp bounds, as the TypeScript kernel does: 4 in-place passes.
        np.divide(x, scale, out=out)
        np.rint(out, out=out)
        np.clip(out, qmin, qmax, out=out)
        np.multiply(out, scale, out=out)

    g = x.reshape(-1, 128)
    gtmp = tmp.reshape(-1, 128)
    codes = np.empty(g.shape, dtype=np.int32)
    absmax = np.empty(g.shape[0], dtype=np.float32)

    def group_quantize():
        np.abs(g, out=gtmp)
        np.max(gtmp, axis=1, out=absmax)
        np.divide(absmax, np.float32(7), out=absmax)
        np.maximum(absmax, np.float32(np.finfo(np.float32).eps), out=absmax)
        np.divide(g, absmax[:, None], out=gtmp)
        np.rint(gtmp, out=gtmp)
        np.clip(gtmp, -8, 7, out=gtmp)
        np.copyto(codes, gtmp, casting="unsafe")

    def mse():
        np.subtract(x, y, out=tmp)
        return float(np.dot(tmp, tmp)) / a.size

    logits = x[: a.rows * a.row_length].reshape(a.rows, a.row_length)
    soft = out[: a.rows * a.row_length].reshape(a.rows, a.row_length)
    row = np.empty((a.rows, 1), dtype=np.float32)
    inv_t = np.float32(1 / 1.5)

    def softmax():
        np.max(logits, axis=1, keepdims=True, out=row)
        np.subtract(logits, row, out=soft)
        np.multiply(soft, inv_t, out=soft)
        np.exp(soft, out=soft)
        np.sum(soft, axis=1, keepdims=True, out=row)
        np.divide(soft, row, out=soft)

    def copy():
        np.copyto(out, x)

    return {
        "fakeQuantize int8 affine": lambda: fake_quant(scale8, -128 - zp8, 127 - zp8),
        "fakeQuantize int4 symmetric": lambda: fake_quant(scale4, -8, 7),
        "groupQuantize g128 int4": group_quantize,
        "mse": mse,
        "softmax rows": softmax,
        "copy": copy,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=16 * 1024 * 1024)
    ap.add_argument("--rows", type=int, default=32 * 1024)
    ap.add_argument("--row-length", type=int, default=256)
    a = ap.parse_args()
    kernels = build(a)
    for fn in kernels.values():
        fn()  # warm-up: page in the buffers
    print(json.dumps({"numpy": np.__version__, "blas": blas_info(), "kernels": list(kernels)}), flush=True)
    for line in sys.stdin:
        name = line.strip()
        if not name:
            continue
        fn = kernels.get(name)
        if fn is None:
            print(json.dumps({"kernel": name, "error": "unknown kernel"}), flush=True)
            continue
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        wall = (time.perf_counter() - t0) * 1000
        cpu = (time.process_time() - c0) * 1000
        print(json.dumps({"kernel": name, "ms": wall, "cpuMs": cpu}), flush=True)


if __name__ == "__main__":
    main()
