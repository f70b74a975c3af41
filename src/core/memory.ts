/**
 * Memory of weights, KV cache and training state. Bytes are exact; `toGB` uses 1 GB = 10^9 bytes (what
 * model cards and the seed notebook quote) and `toGiB` uses 1 GiB = 2^30 bytes (what `nvidia-smi` and most
 * tools report); the two differ by 7.4 %.
 */
import { fail, requireFinite, requireIntegerIn, requireNonNegative, requireOneOf, requireOptions, requirePositive, requireBoolean } from "./validate";

/**
 * Bytes to store `params` weights at `bitsPerWeight` bits each: params · bitsPerWeight / 8.
 *
 * @param params number of parameters, ≥ 0
 * @param bitsPerWeight bits per weight including any scale overhead (see `bitsPerWeight`), > 0
 * @returns bytes (may be fractional for odd bit counts)
 * @throws if params is negative or bitsPerWeight ≤ 0
 * @example
 * memoryBytes(13e9, 16)  // 26000000000 (26 GB in bf16)
 * memoryBytes(13e9, 4)   // 6500000000  (6.5 GB in 4-bit)
 */
export function memoryBytes(params: number, bitsPerWeight: number): number {
  requireNonNegative("memoryBytes", "params", params);
  requirePositive("memoryBytes", "bitsPerWeight", bitsPerWeight);
  return (params * bitsPerWeight) / 8;
}

/**
 * Decimal gigabytes: bytes / 10^9.
 *
 * @param bytes ≥ 0
 * @returns gigabytes
 * @throws if bytes is negative or not finite
 * @example
 * toGB(26e9)  // 26
 */
export function toGB(bytes: number): number {
  requireNonNegative("toGB", "bytes", bytes);
  return bytes / 1e9;
}

/**
 * Binary gibibytes: bytes / 2^30.
 *
 * @param bytes ≥ 0
 * @returns gibibytes
 * @throws if bytes is negative or not finite
 * @example
 * toGiB(2 ** 31)  // 2
 * toGiB(26e9)     // 24.21438694000244
 */
export function toGiB(bytes: number): number {
  requireNonNegative("toGiB", "bytes", bytes);
  return bytes / 2 ** 30;
}

/**
 * A model's weight memory in bytes, GB and GiB.
 *
 * @param params number of parameters, ≥ 0
 * @param bitsPerWeight bits per weight, > 0
 * @returns `{ bytes, gb, gib }`
 * @throws as `memoryBytes`
 * @example
 * modelMemory(7e9, 4.5)  // { bytes: 3937500000, gb: 3.9375, gib: 3.6670826375484467 }
 */
export function modelMemory(params: number, bitsPerWeight: number): { bytes: number; gb: number; gib: number } {
  requireNonNegative("modelMemory", "params", params);
  requirePositive("modelMemory", "bitsPerWeight", bitsPerWeight);
  const bytes = (params * bitsPerWeight) / 8;
  return { bytes, gb: bytes / 1e9, gib: bytes / 2 ** 30 };
}

/**
 * How many times smaller a tensor gets: fromBits / toBits.
 *
 * @param fromBits bits per weight before, > 0
 * @param toBits bits per weight after, > 0
 * @returns the reduction factor
 * @throws if either is not a positive finite number
 * @example
 * reductionFactor(16, 4)      // 4
 * reductionFactor(16, 4.5)    // 3.5555555555555554
 */
export function reductionFactor(fromBits: number, toBits: number): number {
  requirePositive("reductionFactor", "fromBits", fromBits);
  requirePositive("reductionFactor", "toBits", toBits);
  return fromBits / toBits;
}

export interface BitsPerWeightSpec {
  /** Bits per code. */
  bits: number;
  /** Weights sharing one scale (and zero point); omitted: per-tensor, overhead negligible. */
  groupSize?: number;
  /** Bits of each group's scale; default 16 (fp16). */
  scaleBits?: number;
  /** Bits of each group's zero point; default 0 (symmetric). */
  zeroPointBits?: number;
}

/**
 * Effective bits per weight with group-wise scales: bits + (scaleBits + zeroPointBits) / groupSize.
 *
 * @param spec `{ bits, groupSize?, scaleBits = 16, zeroPointBits = 0 }`
 * @returns bits per weight
 * @throws if bits is outside 1..32, groupSize is not a positive integer, or scale/zero-point bits are negative
 * @example
 * bitsPerWeight({ bits: 4, groupSize: 128 })                 // 4.125
 * bitsPerWeight({ bits: 4, groupSize: 64, scaleBits: 32 })   // 4.5 (NF4 with an fp32 absmax per 64)
 * bitsPerWeight({ bits: 4, groupSize: 32 })                  // 4.5 (llama.cpp Q4_0)
 */
export function bitsPerWeight(spec: BitsPerWeightSpec): number {
  const fn = "bitsPerWeight";
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) fail(fn, "spec must be an object { bits, groupSize?, scaleBits?, zeroPointBits? }");
  const bits = requirePositive(fn, "spec.bits", spec.bits);
  if (bits > 32) fail(fn, `spec.bits must be at most 32, got ${bits}`);
  if (spec.groupSize === undefined) return bits;
  const groupSize = requireIntegerIn(fn, "spec.groupSize", spec.groupSize, 1, Number.MAX_SAFE_INTEGER);
  const scaleBits = spec.scaleBits === undefined ? 16 : requireNonNegative(fn, "spec.scaleBits", spec.scaleBits);
  const zeroPointBits = spec.zeroPointBits === undefined ? 0 : requireNonNegative(fn, "spec.zeroPointBits", spec.zeroPointBits);
  return bits + (scaleBits + zeroPointBits) / groupSize;
}

export interface KvCacheSpec {
  layers: number;
  /** Key/value heads (fewer than query heads under grouped-query attention). */
  kvHeads: number;
  headDim: number;
  seqLen: number;
  /** Default 1. */
  batch?: number;
  /** 2 for fp16/bf16, 1 for fp8/int8. */
  bytesPerElement: number;
}

/**
 * KV-cache bytes: 2 (K and V) · layers · kvHeads · headDim · seqLen · batch · bytesPerElement.
 *
 * @param spec `{ layers, kvHeads, headDim, seqLen, batch = 1, bytesPerElement }`
 * @returns bytes
 * @throws if a count is not a non-negative integer or bytesPerElement ≤ 0
 * @example
 * kvCacheBytes({ layers: 32, kvHeads: 32, headDim: 128, seqLen: 4096, bytesPerElement: 2 })
 * // 2147483648 (2 GiB: Llama-2-7B at 4096 tokens in fp16)
 */
export function kvCacheBytes(spec: KvCacheSpec): number {
  const fn = "kvCacheBytes";
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) fail(fn, "spec must be an object { layers, kvHeads, headDim, seqLen, batch?, bytesPerElement }");
  const count = (name: keyof KvCacheSpec): number => requireIntegerIn(fn, `spec.${name}`, spec[name], 0, Number.MAX_SAFE_INTEGER);
  const layers = count("layers");
  const kvHeads = count("kvHeads");
  const headDim = count("headDim");
  const seqLen = count("seqLen");
  const batch = spec.batch === undefined ? 1 : count("batch");
  const bytesPerElement = requirePositive(fn, "spec.bytesPerElement", spec.bytesPerElement);
  return 2 * layers * kvHeads * headDim * seqLen * batch * bytesPerElement;
}

/**
 * Adam's two fp32 moment estimates (m and v): 8 bytes per trainable parameter.
 *
 * @param trainableParams ≥ 0
 * @returns bytes
 * @throws if trainableParams is negative or not finite
 * @example
 * adamMomentsBytes(20e6)  // 160000000 (0.16 GB for a 20M-parameter adapter)
 */
export function adamMomentsBytes(trainableParams: number): number {
  requireNonNegative("adamMomentsBytes", "trainableParams", trainableParams);
  return 8 * trainableParams;
}

export type Optimizer = "adam" | "adamw" | "sgd" | "sgd-momentum";
const OPTIMIZERS: readonly Optimizer[] = ["adam", "adamw", "sgd", "sgd-momentum"];

export interface TrainingMemoryOptions {
  /** `adam`/`adamw`: two fp32 moments (8 B/param); `sgd-momentum`: one (4 B); `sgd`: none. */
  optimizer: Optimizer;
  /** fp16/bf16 weights and gradients plus an fp32 master copy (true), or everything in fp32 (false). */
  mixedPrecision: boolean;
}

/**
 * Training-state memory per the ZeRO paper's accounting (activations excluded):
 *
 *   mixed precision: weights 2, gradients 2, master weights 4, optimizer states k bytes per parameter
 *   fp32:            weights 4, gradients 4, master weights 0, optimizer states k
 *   k = 8 (adam, adamw), 4 (sgd-momentum), 0 (sgd); mixed-precision Adam totals 16 bytes/param.
 *
 * @param params trainable parameters, ≥ 0
 * @param options `{ optimizer, mixedPrecision }`
 * @returns `{ weights, gradients, optimizerStates, masterWeights, total }` in bytes
 * @throws if params is negative, or the optimizer is unknown
 * @example
 * trainingMemory(7e9, { optimizer: "adam", mixedPrecision: true })
 * // { weights: 14e9, gradients: 14e9, optimizerStates: 56e9, masterWeights: 28e9, total: 112e9 }
 */
export function trainingMemory(
  params: number,
  options: TrainingMemoryOptions,
): { weights: number; gradients: number; optimizerStates: number; masterWeights: number; total: number } {
  const fn = "trainingMemory";
  requireNonNegative(fn, "params", params);
  const o = requireOptions<TrainingMemoryOptions>(fn, "options", options);
  const optimizer = requireOneOf(fn, "options.optimizer", o.optimizer ?? "adam", OPTIMIZERS);
  const mixed = o.mixedPrecision === undefined ? true : requireBoolean(fn, "options.mixedPrecision", o.mixedPrecision);
  const stateBytes = optimizer === "adam" || optimizer === "adamw" ? 8 : optimizer === "sgd-momentum" ? 4 : 0;
  const weights = params * (mixed ? 2 : 4);
  const gradients = params * (mixed ? 2 : 4);
  const masterWeights = params * (mixed ? 4 : 0);
  const optimizerStates = params * stateBytes;
  requireFinite(fn, "params", weights);
  return { weights, gradients, optimizerStates, masterWeights, total: weights + gradients + optimizerStates + masterWeights };
}
