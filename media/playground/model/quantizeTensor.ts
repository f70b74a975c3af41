/**
 * One quantization scheme applied to a whole tensor, group by group, with the core doing every step that it
 * has: observer ranges (`minMax`), scale and zero point (`affineQParams` / `symmetricQParams`), rounding and
 * clamping (`fakeQuantize`), and refusals. NF4, FP8 and Q4_0 are the core's formulas (`nf4QuantizeBlocks`,
 * `fp8Round`, `q4_0Quantize`) as one loop per block, because the core's per-call checks and arrays cost
 * hundreds of ms at a million values; the unit tests hold each equal to the core bit for bit. What the
 * core has no function for is written here and says so: clipping a group's range before the observer, and
 * stochastic rounding.
 */
import {
  FP8_FORMATS,
  GGML_BLOCK_SIZE,
  NF4_CODEBOOK,
  affineQParams,
  bitsPerWeight,
  fakeQuantize,
  float16Round,
  fp8Decode,
  integerRange,
  minMax,
  nf4QuantizeBlocks,
  q4_0Quantize,
  symmetricQParams,
  type Fp8Format,
  type IntegerRange,
  type QParams,
} from "../../../src/core";
import { seededUniform } from "./random";
import type { Tensor } from "./samples";
import type { Granularity, QuantizationState } from "./state";

const f32 = Math.fround;

/** The fields of the state that define how a tensor is quantized (not which tensor). */
export type Scheme = Pick<
  QuantizationState,
  "format" | "bits" | "mode" | "granularity" | "groupSize" | "clipping" | "clipRatio" | "clipPercentile" | "rounding" | "roundingSeed"
>;

/** Which controls mean something for a format (the others are shown disabled, with the reason). */
export interface FormatControls {
  bits: boolean;
  mode: boolean;
  granularity: boolean;
  clipping: boolean;
  rounding: boolean;
  /** Bits of one code, for the bits axis. */
  nominalBits: (bits: number) => number;
}

export function controlsFor(format: Scheme["format"]): FormatControls {
  switch (format) {
    case "int":
      return { bits: true, mode: true, granularity: true, clipping: true, rounding: true, nominalBits: (b) => b };
    case "nf4":
      // bitsandbytes: blockwise absmax, no clipping, nearest code.
      return { bits: false, mode: false, granularity: true, clipping: false, rounding: false, nominalBits: () => 4 };
    case "fp8-e4m3":
    case "fp8-e5m2":
      // A scale per group maps absmax (or the clip) to the format's largest value; fp8Round rounds ties to even.
      return { bits: false, mode: false, granularity: true, clipping: true, rounding: false, nominalBits: () => 8 };
    case "q4_0":
      // llama.cpp: fixed blocks of 32, its own rounding (truncate of x/d + 8.5).
      return { bits: false, mode: false, granularity: false, clipping: false, rounding: false, nominalBits: () => 4 };
  }
}

/** Values that share one scale: the whole tensor, one row (the last dimension), or a group. */
export function groupLength(granularity: Granularity, groupSize: number, tensor: Tensor, format: Scheme["format"] = "int"): number {
  if (format === "q4_0") return GGML_BLOCK_SIZE;
  const n = tensor.values.length;
  if (granularity === "tensor") return n;
  if (granularity === "channel") return tensor.shape.length >= 2 ? tensor.shape[tensor.shape.length - 1] : n;
  return Math.min(groupSize, n);
}

/** Sorted |x| per tensor, for the percentile clip (sorting once per tensor, not per slider move). */
const sortedAbsCache = new WeakMap<Float32Array, Float32Array>();

/** The p-th percentile of |x| (nearest rank): the clip threshold that keeps p% of the values inside. */
export function absPercentile(values: Float32Array, percentile: number): number {
  let sorted = sortedAbsCache.get(values);
  if (!sorted) {
    sorted = new Float32Array(values.length);
    for (let i = 0; i < values.length; i++) sorted[i] = Math.abs(values[i]);
    sorted.sort();
    sortedAbsCache.set(values, sorted);
  }
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((percentile / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** A group's observed range after clipping: ratio scales it, percentile caps it at ±threshold. */
function clippedRange(min: number, max: number, scheme: Scheme, threshold: number): { min: number; max: number } {
  if (scheme.clipping === "ratio") return { min: min * scheme.clipRatio, max: max * scheme.clipRatio };
  if (scheme.clipping === "percentile") return { min: Math.max(min, -threshold), max: Math.min(max, threshold) };
  return { min, max };
}

export interface Reconstruction {
  /** x̂: the tensor quantized and dequantized, float32 like the input. */
  values: Float32Array;
  /** The values the first group can take (its quantization grid), ascending. */
  grid: number[];
  /** Values sharing one scale, and how many groups there are. */
  groupLength: number;
  groups: number;
}

/**
 * Stochastic rounding (the core has none): q = clamp(⌊x/s + u⌋ + z, qmin, qmax) with u ~ U[0, 1) from a
 * seeded generator, so E[q − z] = x/s inside the range and the same seed reproduces the same codes.
 */
function stochasticFakeQuantize(x: Float32Array, qp: QParams, range: IntegerRange, uniform: () => number, out: Float32Array): void {
  const { scale, zeroPoint } = qp;
  for (let i = 0; i < x.length; i++) {
    const q = Math.min(range.qmax, Math.max(range.qmin, Math.floor(x[i] / scale + uniform()) + zeroPoint));
    out[i] = scale * (q - zeroPoint);
  }
}

function integerGrid(qp: QParams, range: IntegerRange): number[] {
  const grid: number[] = [];
  for (let q = range.qmin; q <= range.qmax; q++) grid.push(qp.scale * (q - qp.zeroPoint));
  return grid;
}

function reconstructInteger(x: Float32Array, scheme: Scheme, length: number, out: Float32Array): number[] {
  const range = integerRange(scheme.bits, scheme.mode === "symmetric");
  const threshold = scheme.clipping === "percentile" ? absPercentile(x, scheme.clipPercentile) : Infinity;
  const uniform = scheme.rounding === "stochastic" ? seededUniform(scheme.roundingSeed) : undefined;
  const rounding = scheme.rounding === "stochastic" ? undefined : scheme.rounding;
  let grid: number[] = [];
  for (let start = 0; start < x.length; start += length) {
    const end = Math.min(x.length, start + length);
    const group = x.subarray(start, end);
    const observed = minMax(group);
    const { min, max } = clippedRange(observed.min, observed.max, scheme, threshold);
    const qp = scheme.mode === "affine" ? affineQParams(min, max, range) : symmetricQParams(min, max, range);
    if (uniform) stochasticFakeQuantize(group, qp, range, uniform, out.subarray(start, end));
    else fakeQuantize(group, qp, { rounding, range, out: out.subarray(start, end) });
    if (start === 0) grid = integerGrid(qp, range);
  }
  return grid;
}

const NF4_CODES = Float64Array.from(NF4_CODEBOOK);

/**
 * `out[i] = NF4_CODEBOOK[code] · absmax` for one block, the code nearest to x[i] / absmax as the core's
 * nf4QuantizeBlocks picks it (the lower code on an exact tie, code 7 (= 0) for an all-zero block): a
 * four-step search for the two codes around the value replaces the core's scan of all 16, and no codes or
 * Float64Array are allocated. Returns the block's absmax, or NaN if the block holds a value that is not
 * finite (the caller then lets the core refuse it with its own message).
 */
export function nf4BlockInto(x: ArrayLike<number>, start: number, end: number, out: { [i: number]: number }): number {
  let absmax = 0;
  for (let i = start; i < end; i++) absmax = Math.max(absmax, Math.abs(x[i]));
  if (!Number.isFinite(absmax)) return NaN;
  if (absmax === 0) {
    for (let i = start; i < end; i++) out[i] = NF4_CODES[7] * 0;
    return 0;
  }
  for (let i = start; i < end; i++) {
    const v = x[i] / absmax;
    // lo: the largest of codes 0..14 at or below v (v ≥ −1 = code 0), so v lies in [code lo, code lo + 1].
    let lo = v >= NF4_CODES[7] ? 7 : 0;
    if (v >= NF4_CODES[lo + 4]) lo += 4;
    if (v >= NF4_CODES[lo + 2]) lo += 2;
    if (lo < 14 && v >= NF4_CODES[lo + 1]) lo += 1;
    // The same distances the core compares; the strict < keeps the lower code on a tie, as the core does.
    const code = Math.abs(v - NF4_CODES[lo + 1]) < Math.abs(v - NF4_CODES[lo]) ? lo + 1 : lo;
    out[i] = NF4_CODES[code] * absmax;
  }
  return absmax;
}

function reconstructNf4(x: Float32Array, length: number, out: Float32Array): number[] {
  let first = 0;
  for (let start = 0; start < x.length; start += length) {
    const absmax = nf4BlockInto(x, start, Math.min(x.length, start + length), out);
    if (Number.isNaN(absmax)) nf4QuantizeBlocks(x, length); // throws the core's message naming the value
    if (start === 0) first = absmax;
  }
  return NF4_CODEBOOK.map((c) => c * first);
}

const fp8Grids = new Map<Fp8Format, number[]>();
/** Every finite value of an FP8 format, ascending (decoded by the core from all 256 bit patterns). */
function fp8Values(format: Fp8Format): number[] {
  let values = fp8Grids.get(format);
  if (!values) {
    const set = new Set<number>();
    for (let bits = 0; bits < 256; bits++) {
      const v = fp8Decode(bits, format);
      if (Number.isFinite(v)) set.add(v + 0);
    }
    values = [...set].sort((a, b) => a - b);
    fp8Grids.set(format, values);
  }
  return values;
}

/**
 * `out[i] = scale · fp8Round(x[i] / scale, format)` (saturating) for i in [start, end): the core's per-call
 * checks cost more than the rounding at a million values, so this searches the format's non-negative values,
 * decoded once by the core's `fp8Decode`, in code order (for positive codes, value order), and breaks a tie
 * toward the even code, as fp8Round does. The unit tests hold it equal to fp8Round at every value, every
 * midpoint and either side of each.
 */
export function fp8RoundInto(format: Fp8Format): (x: ArrayLike<number>, start: number, end: number, scale: number, out: { [i: number]: number }) => void {
  const magnitudes = Float64Array.from(fp8Values(format).filter((v) => v >= 0));
  const maxFinite = FP8_FORMATS[format].maxFinite;
  // The bracket [magnitudes[lo], magnitudes[lo + 1]) of |v| comes from a table indexed by the float64
  // exponent and top 3 mantissa bits of |v| (the high word of its bits; little-endian, as every browser and
  // Node here is). FP8 keeps at most 3 mantissa bits, so every FP8 value starts such a bucket and none lies
  // inside one: the whole bucket has one bracket.
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const keyOf = (a: number): number => {
    bits[0] = a;
    return words[1] >>> 17;
  };
  const smallest = magnitudes[1];
  const firstKey = keyOf(smallest);
  const brackets = new Uint8Array(keyOf(maxFinite) - firstKey + 1);
  for (let k = 0; k < brackets.length; k++) {
    words[0] = 0;
    words[1] = (firstKey + k) << 17;
    const bucketStart = bits[0];
    let lo = 0;
    while (lo + 1 < magnitudes.length && magnitudes[lo + 1] <= bucketStart) lo++;
    brackets[k] = lo;
  }
  return (x, start, end, scale, out) => {
    for (let i = start; i < end; i++) {
      const v = x[i] / scale;
      const a = Math.abs(v);
      let m: number;
      if (!(a < maxFinite)) m = a === a ? maxFinite : NaN;
      else {
        const lo = a < smallest ? 0 : brackets[keyOf(a) - firstKey];
        const hi = lo + 1;
        const half = (magnitudes[lo] + magnitudes[hi]) / 2;
        m = a < half ? magnitudes[lo] : a > half ? magnitudes[hi] : magnitudes[lo % 2 === 0 ? lo : hi];
      }
      out[i] = scale * (v < 0 || (v === 0 && 1 / v < 0) ? -m : m);
    }
  };
}

/** FP8 with a scale per group: s = (clipped absmax) / maxFinite, x̂ = s · fp8Round(x / s) (saturating). */
function reconstructFp8(x: Float32Array, scheme: Scheme, format: Fp8Format, length: number, out: Float32Array): number[] {
  const maxFinite = FP8_FORMATS[format].maxFinite;
  const roundInto = fp8RoundInto(format);
  const threshold = scheme.clipping === "percentile" ? absPercentile(x, scheme.clipPercentile) : Infinity;
  let grid: number[] = [];
  for (let start = 0; start < x.length; start += length) {
    const end = Math.min(x.length, start + length);
    const observed = minMax(x.subarray(start, end));
    const { min, max } = clippedRange(observed.min, observed.max, scheme, threshold);
    const absmax = Math.max(-min, max);
    const scale = absmax > 0 ? absmax / maxFinite : 1;
    roundInto(x, start, end, scale, out);
    if (start === 0) grid = fp8Values(format).map((v) => v * scale);
  }
  return grid;
}

/**
 * llama.cpp Q4_0 for one block of 32 at x[start..end) (a short last block reads as padded with zeros), written
 * to out[start..end): the core's q4_0Quantize then q4_0Dequantize step for step (float32 arithmetic, codes
 * from the inverse of the unrounded d, x̂ from the float16 d), without its per-block checks and arrays.
 * Returns the float16 d, or NaN when the core would refuse the block (a value not finite, d beyond float16):
 * the caller then lets the core say why.
 */
export function q4_0BlockInto(x: ArrayLike<number>, start: number, end: number, out: { [i: number]: number }): number {
  let amax = 0;
  let max = 0;
  for (let i = start; i < end; i++) {
    const a = Math.abs(f32(x[i]));
    if (amax < a) {
      amax = a;
      max = f32(x[i]);
    }
    if (!(a < Infinity)) return NaN;
  }
  const d = f32(max / -8);
  const id = d !== 0 ? f32(1 / d) : 0;
  const half = float16Round(d);
  if (!Number.isFinite(half)) return NaN;
  const dq = f32(half);
  for (let i = start; i < end; i++) {
    const code = Math.min(15, Math.trunc(f32(f32(f32(x[i]) * id) + 8.5)));
    out[i] = (code - 8) * dq;
  }
  return half;
}

/** llama.cpp Q4_0 over blocks of 32; a last partial block is padded with zeros and the padding dropped. */
function reconstructQ4_0(x: Float32Array, out: Float32Array): number[] {
  let grid: number[] = [];
  for (let start = 0; start < x.length; start += GGML_BLOCK_SIZE) {
    const end = Math.min(x.length, start + GGML_BLOCK_SIZE);
    const d = q4_0BlockInto(x, start, end, out);
    if (Number.isNaN(d)) {
      // The core refuses this block: let it throw its own message.
      const block = new Float32Array(GGML_BLOCK_SIZE);
      block.set(x.subarray(start, end));
      q4_0Quantize(block);
    }
    if (start === 0) grid = Array.from({ length: 16 }, (_, code) => (code - 8) * f32(d)).sort((a, b) => a - b);
  }
  return grid;
}

/** Quantizes and dequantizes the whole tensor under `scheme`. */
export function reconstruct(tensor: Tensor, scheme: Scheme): Reconstruction {
  const x = tensor.values;
  const length = groupLength(scheme.granularity, scheme.groupSize, tensor, scheme.format);
  const out = new Float32Array(x.length);
  let grid: number[];
  switch (scheme.format) {
    case "int":
      grid = reconstructInteger(x, scheme, length, out);
      break;
    case "nf4":
      grid = reconstructNf4(x, length, out);
      break;
    case "fp8-e4m3":
      grid = reconstructFp8(x, scheme, "e4m3", length, out);
      break;
    case "fp8-e5m2":
      grid = reconstructFp8(x, scheme, "e5m2", length, out);
      break;
    case "q4_0":
      grid = reconstructQ4_0(x, out);
      break;
  }
  return { values: out, grid, groupLength: length, groups: Math.ceil(x.length / length) };
}

/**
 * Storage per weight, scales included: code bits plus, per group, an fp16 scale and (affine) a zero point of
 * the code's width for integers; an fp32 absmax for NF4 (bitsandbytes) and for FP8's scale; Q4_0's fp16 d per 32.
 */
export function bytesPerWeight(scheme: Scheme, length: number): number {
  switch (scheme.format) {
    case "int":
      return bitsPerWeight({ bits: scheme.bits, groupSize: length, scaleBits: 16, zeroPointBits: scheme.mode === "affine" ? scheme.bits : 0 }) / 8;
    case "nf4":
      return bitsPerWeight({ bits: 4, groupSize: length, scaleBits: 32 }) / 8;
    case "fp8-e4m3":
    case "fp8-e5m2":
      return bitsPerWeight({ bits: 8, groupSize: length, scaleBits: 32 }) / 8;
    case "q4_0":
      return bitsPerWeight({ bits: 4, groupSize: GGML_BLOCK_SIZE }) / 8;
  }
}
