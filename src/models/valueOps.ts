/**
 * The per-value loops of an inspection, over the current chunk: in WebAssembly when the kernels are loaded
 * (src/kernels/assembly/inspect.ts), otherwise in TypeScript. Both sum in the same order (four lanes, value
 * index mod 4 within a call, then ((l0 + l1) + (l2 + l3)) and the tail in order), so a report is the same bits
 * whichever runs; test/unit/models/valueOps.test.ts holds them to that.
 */
import type { Kernels } from "../kernels";
import { NF4_CODEBOOK } from "../core";
import { READ_CHUNK_BYTES } from "./tensor";

const M = 6755399441055744;

export interface ValueOps {
  /**
   * Where a reader may read float32 file bytes so that `begin` takes them without a copy (READ_CHUNK_BYTES long),
   * or undefined. Valid for one pass over a tensor.
   */
  readBuffer(): Uint8Array | undefined;
  /** Makes `chunk` the values the calls below work on. */
  begin(chunk: Float32Array): void;
  /** acc = [Σx, Σx², min, max] over [from, to); returns max |x| there. */
  moments(from: number, to: number, acc: Float64Array): number;
  /** Adds [from, to) to 64 bins; returns how many lie farther than limit from mean. */
  histogram(from: number, to: number, lo: number, binScale: number, mean: number, limit: number, counts: Uint32Array): number;
  /** acc = [Σ(w − x̂)², max |w − x̂|] for symmetric int8 with scale s (x̂ = s·clamp(round(w/s), −127, 127)). */
  int8Error(from: number, to: number, s: number, acc: Float64Array): void;
  /** The same for llama.cpp Q4_0 / Q8_0 over consecutive blocks of 32 from `from` (the last may be short). */
  q4_0Error(from: number, to: number, acc: Float64Array): void;
  q8_0Error(from: number, to: number, acc: Float64Array): void;
  /** FP8 E4M3 with per-tensor scale s, errors summed in value order. */
  fp8Error(from: number, to: number, s: number, acc: Float64Array): void;
  /** NF4 over consecutive blocks of 64 from `from`, errors summed in value order. */
  nf4Error(from: number, to: number, acc: Float64Array): void;
  /**
   * int4-g128 over consecutive whole groups from `from`, which is value `inRow` of a row of `rowLength` (groups of
   * 128 along the row, a row's last one shorter), errors summed in value order.
   */
  int4Error(from: number, to: number, inRow: number, rowLength: number, acc: Float64Array): void;
}

const f32 = Math.fround;
const NF4 = Float64Array.from(NF4_CODEBOOK);

const scratch = new Float64Array(1);
const scratchBits = new Uint32Array(scratch.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Nearest NF4 code of v ∈ [−1, 1], equal to core nf4's linear scan (lower code on a tie): the two neighbours decide. */
export function nf4Code(v: number): number {
  let hi = 1;
  while (hi < 15 && NF4[hi] <= v) hi++;
  const lo = hi - 1;
  return Math.abs(v - NF4[hi]) < Math.abs(v - NF4[lo]) ? hi : lo;
}

/**
 * E4M3FN rounding of a ≥ 0 (saturating at 448), equal to core fp8Round(a, "e4m3") for a ≥ 0: the spacing is
 * 2^(max(e, −6) − 3) with e the binary exponent of a, read from its bits instead of Math.log2.
 */
export function e4m3RoundNonNegative(a: number): number {
  if (a === 0) return 0;
  scratch[0] = a;
  let e = ((scratchBits[HIGH] >>> 20) & 0x7ff) - 1023;
  if (e < -6) e = -6; // subnormal spacing (and double subnormals, far below it)
  const ulp = 2 ** (e - 3);
  const r = (a / ulp + M - M) * ulp;
  return r > 448 ? 448 : r;
}


/** core float16Round for a finite value, without its validation (it runs once per block of 32). */
export function float16RoundFast(d: number): number {
  const a = Math.abs(d);
  if (a === 0) return d;
  scratch[0] = a;
  let e = ((scratchBits[HIGH] >>> 20) & 0x7ff) - 1023;
  if (e < -14) e = -14;
  const ulp = 2 ** (e - 10);
  const r = (a / ulp + M - M) * ulp;
  const rounded = r > 65504 ? Infinity : r;
  return d < 0 ? -rounded : rounded;
}

/** The TypeScript loops: the fallback, and the readable statement of what the WebAssembly computes. */
export class TypeScriptValueOps implements ValueOps {
  private x: Float32Array = new Float32Array(0);

  readBuffer(): undefined {
    return undefined;
  }

  begin(chunk: Float32Array): void {
    this.x = chunk;
  }

  moments(from: number, to: number, acc: Float64Array): number {
    const x = this.x;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, q0 = 0, q1 = 0, q2 = 0, q3 = 0;
    let mn = Infinity;
    let mx = -Infinity;
    let i = from;
    for (; i + 4 <= to; i += 4) {
      const a = x[i], b = x[i + 1], c = x[i + 2], d = x[i + 3];
      s0 += a; s1 += b; s2 += c; s3 += d;
      q0 += a * a; q1 += b * b; q2 += c * c; q3 += d * d;
      mn = Math.min(mn, a, b, c, d);
      mx = Math.max(mx, a, b, c, d);
    }
    let sum = s0 + s1 + (s2 + s3);
    let sumSq = q0 + q1 + (q2 + q3);
    for (; i < to; i++) {
      const v = x[i];
      sum += v;
      sumSq += v * v;
      mn = Math.min(mn, v);
      mx = Math.max(mx, v);
    }
    acc[0] += sum;
    acc[1] += sumSq;
    acc[2] = Math.min(acc[2], mn);
    acc[3] = Math.max(acc[3], mx);
    return Math.max(Math.abs(mn), Math.abs(mx));
  }

  histogram(from: number, to: number, lo: number, binScale: number, mean: number, limit: number, counts: Uint32Array): number {
    const x = this.x;
    let outliers = 0;
    for (let i = from; i < to; i++) {
      const v = x[i];
      counts[Math.min(63, Math.floor((v - lo) * binScale))]++;
      if (Math.abs(v - mean) > limit) outliers++;
    }
    return outliers;
  }

  int8Error(from: number, to: number, s: number, acc: Float64Array): void {
    const x = this.x;
    const e = (w: number) => w - s * (Math.min(127, Math.max(-127, w / s)) + M - M);
    let e0 = 0, e1 = 0, e2 = 0, e3 = 0, m = 0;
    let i = from;
    for (; i + 4 <= to; i += 4) {
      const a = e(x[i]), b = e(x[i + 1]), c = e(x[i + 2]), d = e(x[i + 3]);
      e0 += a * a; e1 += b * b; e2 += c * c; e3 += d * d;
      m = Math.max(m, Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(d));
    }
    let sumSq = e0 + e1 + (e2 + e3);
    for (; i < to; i++) {
      const d = e(x[i]);
      sumSq += d * d;
      m = Math.max(m, Math.abs(d));
    }
    acc[0] += sumSq;
    acc[1] = Math.max(acc[1], m);
  }

  q4_0Error(from: number, to: number, acc: Float64Array): void {
    q4_0Blocks(this.x, from, to, acc);
  }

  q8_0Error(from: number, to: number, acc: Float64Array): void {
    q8_0Blocks(this.x, from, to, acc);
  }

  fp8Error(from: number, to: number, s: number, acc: Float64Array): void {
    fp8Values(this.x, from, to, s, acc);
  }

  nf4Error(from: number, to: number, acc: Float64Array): void {
    nf4Blocks(this.x, from, to, acc);
  }

  int4Error(from: number, to: number, inRow: number, rowLength: number, acc: Float64Array): void {
    int4Blocks(this.x, from, to, inRow, rowLength, acc);
  }
}

/** Adds w − x̂ to acc = [Σ(w − x̂)², max |w − x̂|], in the order called. */
function addError(acc: Float64Array, w: number, xHat: number): void {
  const d = w - xHat;
  acc[0] += d * d;
  const a = Math.abs(d);
  if (a > acc[1]) acc[1] = a;
}

/** FP8 E4M3 with per-tensor scale s: x̂ = ±e4m3(|w/s|)·s (src/models/schemes.ts defines the rounding). */
export function fp8Values(x: Float32Array, from: number, to: number, s: number, acc: Float64Array): void {
  for (let i = from; i < to; i++) {
    const w = x[i];
    const r = e4m3RoundNonNegative(Math.abs(w / s));
    addError(acc, w, (w < 0 ? -r : r) * s);
  }
}

/** NF4 over consecutive blocks of 64 from `from` (the last may be short); a block of zeros is exact. */
export function nf4Blocks(x: Float32Array, from: number, to: number, acc: Float64Array): void {
  for (let b = from; b < to; b += 64) {
    const end = Math.min(to, b + 64);
    let absmax = 0;
    for (let i = b; i < end; i++) absmax = Math.max(absmax, Math.abs(x[i]));
    if (absmax === 0) continue;
    for (let i = b; i < end; i++) addError(acc, x[i], NF4[nf4Code(x[i] / absmax)] * absmax);
  }
}

/**
 * int4-g128 over consecutive whole groups from `from`, which is value `inRow` of its row: s = max|w| / 7,
 * x̂ = s·clamp(round_half_even(w/s), −8, 7), the errors added in value order; a group of zeros is exact.
 */
export function int4Blocks(x: Float32Array, from: number, to: number, inRow: number, rowLength: number, acc: Float64Array): void {
  for (let b = from, pos = inRow; b < to; ) {
    const end = b + Math.min(rowLength, pos - (pos % 128) + 128) - pos;
    let absmax = 0;
    for (let i = b; i < end; i++) absmax = Math.max(absmax, Math.abs(x[i]));
    if (absmax !== 0) {
      const s = absmax / 7;
      for (let i = b; i < end; i++) addError(acc, x[i], s * (Math.min(7, Math.max(-8, x[i] / s)) + M - M));
    }
    pos += end - b;
    if (pos === rowLength) pos = 0;
    b = end;
  }
}

/**
 * Adds one llama.cpp block scheme's error over consecutive blocks of 32 from `from` (the last may be short):
 * squares summed in four lanes ((i − from) mod 4), combined ((l0 + l1) + (l2 + l3)) at the end, as the
 * WebAssembly does; x̂ is core ggml.ts's dequantized value (q4_0Quantize/q8_0Quantize then dequantize).
 */
function ggmlBlocks(x: Float32Array, from: number, to: number, acc: Float64Array, q4: boolean): void {
  const lanes = [0, 0, 0, 0];
  let maxAbs = acc[1];
  for (let b = from; b < to; b += 32) {
    const end = Math.min(to, b + 32);
    let amax = 0;
    let max = 0;
    for (let i = b; i < end; i++) {
      const a = Math.abs(x[i]);
      if (amax < a) {
        amax = a;
        max = x[i];
      }
    }
    const d = q4 ? f32(max / -8) : f32(amax / 127);
    const id = d !== 0 ? f32(1 / d) : 0;
    const dh = f32(float16RoundFast(d));
    for (let i = b; i < end; i++) {
      let xHat: number;
      if (q4) {
        const q = Math.min(15, Math.trunc(f32(f32(x[i] * id) + 8.5)));
        xHat = f32((q - 8) * dh);
      } else {
        const v = f32(x[i] * id);
        const q = v < 0 ? -Math.floor(-v + 0.5) : Math.floor(v + 0.5); // roundf: half away from zero
        xHat = f32(q * dh);
      }
      const e = x[i] - xHat;
      lanes[(i - from) & 3] += e * e;
      maxAbs = Math.max(maxAbs, Math.abs(e));
    }
  }
  acc[0] += lanes[0] + lanes[1] + (lanes[2] + lanes[3]);
  acc[1] = maxAbs;
}

/** core ggml.ts q4_0Quantize then q4_0Dequantize, block after block of 32 from `from` (the last may be short). */
export function q4_0Blocks(x: Float32Array, from: number, to: number, acc: Float64Array): void {
  ggmlBlocks(x, from, to, acc, true);
}

/** core ggml.ts q8_0Quantize then q8_0Dequantize, block after block of 32 from `from`. */
export function q8_0Blocks(x: Float32Array, from: number, to: number, acc: Float64Array): void {
  ggmlBlocks(x, from, to, acc, false);
}

/** The WebAssembly loops: the chunk is copied into the module's memory once, every call then works there. */
export class WasmValueOps implements ValueOps {
  constructor(private readonly kernels: Kernels) {}
  readBuffer(): Uint8Array {
    return this.kernels.valuesBuffer(READ_CHUNK_BYTES);
  }
  begin(chunk: Float32Array): void {
    this.kernels.loadValues(chunk);
  }
  moments(from: number, to: number, acc: Float64Array): number {
    return this.kernels.moments(from, to, acc);
  }
  histogram(from: number, to: number, lo: number, binScale: number, mean: number, limit: number, counts: Uint32Array): number {
    return this.kernels.histogram(from, to, lo, binScale, mean, limit, counts);
  }
  int8Error(from: number, to: number, s: number, acc: Float64Array): void {
    this.kernels.int8Error(from, to, s, acc);
  }
  q4_0Error(from: number, to: number, acc: Float64Array): void {
    this.kernels.q4_0Error(from, to, acc);
  }
  q8_0Error(from: number, to: number, acc: Float64Array): void {
    this.kernels.q8_0Error(from, to, acc);
  }
  fp8Error(from: number, to: number, s: number, acc: Float64Array): void {
    this.kernels.fp8Error(from, to, s, acc);
  }
  nf4Error(from: number, to: number, acc: Float64Array): void {
    this.kernels.nf4Error(from, to, acc);
  }
  int4Error(from: number, to: number, inRow: number, rowLength: number, acc: Float64Array): void {
    this.kernels.int4Error(from, to, inRow, rowLength, acc);
  }
}

export function valueOps(kernels: Kernels | undefined): ValueOps {
  return kernels ? new WasmValueOps(kernels) : new TypeScriptValueOps();
}
