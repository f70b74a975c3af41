#!/usr/bin/env python3
"""numpy baselines for bench/coreKernels.ts: the same kernels, written as a numpy user would (in place where
numpy allows it, so the baseline is a strong one). Prints one JSON object: {"numpy": version, "rows": [...]}.

Usage: python3 bench/numpy_kernels.py --size 16777216 --rows 32768 --row-length 256 --repeats 5
"""
import argparse
import json
import time

import numpy as np


def timing(fn, repeats):
    """Median wall and process-CPU time in ms, after a warm-up (the machine may be shared)."""
    fn()  # warm-up: page in the buffers
    wall, cpu = [], []
    for _ in range(repeats):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    wall.sort()
    cpu.sort()
    return {"ms": wall[len(wall) // 2], "cpuMs": cpu[len(cpu) // 2]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=16 * 1024 * 1024)
    ap.add_argument("--rows", type=int, default=32 * 1024)
    ap.add_argument("--row-length", type=int, default=256)
    ap.add_argument("--repeats", type=int, default=5)
    a = ap.parse_args()

    rng = np.random.default_rng(1)
    x = rng.standard_normal(a.size, dtype=np.float32)
    y = x + np.float32(0.01) * rng.standard_normal(a.size, dtype=np.float32)
    out = np.empty_like(x)

    # int8 affine over the data's range, PyTorch MinMaxObserver style.
    lo, hi = float(min(x.min(), 0)), float(max(x.max(), 0))
    scale8 = max((hi - lo) / 255, float(np.finfo(np.float32).eps))
    zp8 = -128 - round(lo / scale8)
    scale4 = max(abs(lo), abs(hi)) / 7

    def fake_quant(scale, zp, qmin, qmax):
        np.divide(x, np.float32(scale), out=out)
        np.rint(out, out=out)
        np.add(out, np.float32(zp), out=out)
        np.clip(out, qmin, qmax, out=out)
        np.subtract(out, np.float32(zp), out=out)
        np.multiply(out, np.float32(scale), out=out)

    g = x.reshape(-1, 128)
    tmp = np.empty_like(g)
    codes = np.empty(g.shape, dtype=np.int32)

    def group_quantize():
        absmax = np.abs(g).max(axis=1)
        scales = np.maximum(absmax / np.float32(7), np.float32(np.finfo(np.float32).eps))
        np.divide(g, scales[:, None], out=tmp)
        np.rint(tmp, out=tmp)
        np.clip(tmp, -8, 7, out=tmp)
        np.copyto(codes, tmp, casting="unsafe")
        return codes, scales

    def mse():
        return float(np.mean((x - y) ** 2))

    logits = x[: a.rows * a.row_length].reshape(a.rows, a.row_length)
    soft = np.empty_like(logits)

    def softmax():
        np.divide(logits, np.float32(1.5), out=soft)
        np.subtract(soft, soft.max(axis=1, keepdims=True), out=soft)
        np.exp(soft, out=soft)
        np.divide(soft, soft.sum(axis=1, keepdims=True), out=soft)

    rows = [
        {"kernel": "fakeQuantize int8 affine", **timing(lambda: fake_quant(scale8, zp8, -128, 127), a.repeats)},
        {"kernel": "fakeQuantize int4 symmetric", **timing(lambda: fake_quant(scale4, 0, -8, 7), a.repeats)},
        {"kernel": "groupQuantize g128 int4", **timing(group_quantize, a.repeats)},
        {"kernel": "mse", **timing(mse, a.repeats)},
        {"kernel": "softmax rows", **timing(softmax, a.repeats)},
    ]
    print(json.dumps({"numpy": np.__version__, "rows": rows}))


if __name__ == "__main__":
    main()
