/**
 * LoRA and QLoRA memory (Hu et al. 2021, "LoRA"; Dettmers et al. 2023, "QLoRA", §3 "Double Quantization").
 *
 *   LoRA adapter of a d_in → d_out linear layer: A is r × d_in, B is d_out × r, so r · (d_in + d_out) parameters
 *   NF4 with double quantization: 4-bit codes; one absmax per block of 64 weights, itself quantized to 8 bits; one
 *     float32 scale per block of 256 absmaxes:  4 + 8/64 + 32/(64 · 256) = 4.126953125 bits per weight
 *     (without double quantization, a float32 absmax per 64 weights: 4 + 32/64 = 4.5)
 *   QLoRA fine-tuning memory (this project's convention, after the paper's setup):
 *     base model   baseParams · nf4 bits / 8           frozen, no gradients, no optimizer state
 *     adapters     2 bytes per adapter parameter (bf16), and 2 bytes of gradient each
 *     Adam         8 bytes per adapter parameter (two float32 moments), for the adapters only
 *     activations  as measured, given in GiB
 *   fits = total ≤ the GPU's memory, in GiB (a "24 GB" card such as the RTX 4090 has 24 GiB = 25 769 803 776 bytes)
 */
import { fail, requireArrayLike, requireIntegerIn, requireNonNegative, requirePositive } from "./validate";

const GIB = 2 ** 30;

/**
 * Bits per weight of NF4 with double quantization: 4 + 8 / blockSize + 32 / (blockSize · secondBlockSize).
 *
 * @param blockSize weights per NF4 block (64 in QLoRA), an integer ≥ 1
 * @param secondBlockSize absmaxes per second-level block (256 in QLoRA), an integer ≥ 1
 * @returns bits per weight, codes and both levels of scales included
 * @throws if either block size is not a positive integer
 * @example
 * nf4DoubleQuantBits(64, 256)  // 4.126953125
 */
export function nf4DoubleQuantBits(blockSize: number, secondBlockSize: number): number {
  const fn = "nf4DoubleQuantBits";
  const b1 = requireIntegerIn(fn, "blockSize", blockSize, 1, 2 ** 30);
  const b2 = requireIntegerIn(fn, "secondBlockSize", secondBlockSize, 1, 2 ** 30);
  return 4 + 8 / b1 + 32 / (b1 * b2);
}

function requireShapes(fn: string, shapes: unknown): [number, number][] {
  if (!Array.isArray(shapes) || shapes.length === 0) fail(fn, "blockShapes must be a non-empty array of [dIn, dOut] pairs");
  return shapes.map((pair, i) => {
    const p = requireArrayLike(fn, `blockShapes[${i}]`, pair);
    if (p.length !== 2) fail(fn, `blockShapes[${i}] must be a [dIn, dOut] pair, got ${p.length} numbers`);
    return [requireIntegerIn(fn, `blockShapes[${i}][0]`, p[0], 1, 2 ** 40), requireIntegerIn(fn, `blockShapes[${i}][1]`, p[1], 1, 2 ** 40)];
  });
}

function adapterCount(fn: string, blockShapes: unknown, layers: unknown, rank: unknown): number {
  const shapes = requireShapes(fn, blockShapes);
  const n = requireIntegerIn(fn, "layers", layers, 1, 2 ** 20);
  const r = requireIntegerIn(fn, "rank", rank, 1, 2 ** 20);
  return n * shapes.reduce((sum, [dIn, dOut]) => sum + r * (dIn + dOut), 0);
}

/**
 * LoRA adapter parameters: layers · Σ over the adapted linear layers of one block of r · (d_in + d_out).
 *
 * @param blockShapes one `[dIn, dOut]` pair per adapted linear layer of one transformer block
 * @param layers how many blocks the model has, an integer ≥ 1
 * @param rank the LoRA rank r, an integer ≥ 1
 * @returns the number of adapter parameters
 * @throws if blockShapes is empty or holds a pair that is not two positive integers, or layers or rank is not a positive integer
 * @example
 * loraAdapterParams([[4096, 4096], [4096, 11008]], 2, 16)  // 2 · (16·8192 + 16·15104) = 745472
 */
export function loraAdapterParams(blockShapes: [number, number][], layers: number, rank: number): number {
  return adapterCount("loraAdapterParams", blockShapes, layers, rank);
}

/** QLoRA fine-tuning memory, in bytes by part, with the total in GiB and whether it fits the GPU. */
export interface QloraMemory {
  adapterParams: number;
  baseBytes: number;
  adapterBytes: number;
  gradientBytes: number;
  optimizerBytes: number;
  activationBytes: number;
  totalBytes: number;
  totalGiB: number;
  fits: boolean;
}

/**
 * QLoRA fine-tuning memory: an NF4 base with double quantization (64/256), bf16 adapters with bf16 gradients, and
 * Adam's two float32 moments for the adapters only; see the module comment.
 *
 * @param baseParams parameters of the frozen base model, all stored in NF4 with double quantization
 * @param blockShapes one `[dIn, dOut]` pair per adapted linear layer of one block
 * @param layers how many blocks the model has
 * @param rank the LoRA rank r
 * @param activationGiB activation memory at the chosen batch and sequence length, in GiB (≥ 0)
 * @param gpuGiB the GPU's memory in GiB (a "24 GB" card: 24)
 * @returns `{ adapterParams, baseBytes, adapterBytes, gradientBytes, optimizerBytes, activationBytes, totalBytes, totalGiB, fits }`
 * @throws if baseParams or gpuGiB is not positive, activationGiB is negative, or the shapes, layers or rank are invalid
 * @example
 * qloraMemory(6.74e9, [[4096, 4096]], 1, 64, 2, 24)
 * // { adapterParams: 524288, baseBytes: 3476958007.8125, adapterBytes: 1048576, gradientBytes: 1048576,
 * //   optimizerBytes: 4194304, activationBytes: 2147483648, totalBytes: 5630733111.8125, totalGiB: 5.244028858665843, fits: true }
 */
export function qloraMemory(baseParams: number, blockShapes: [number, number][], layers: number, rank: number, activationGiB: number, gpuGiB: number): QloraMemory {
  const fn = "qloraMemory";
  const base = requirePositive(fn, "baseParams", baseParams);
  const adapterParams = adapterCount(fn, blockShapes, layers, rank);
  const activationBytes = requireNonNegative(fn, "activationGiB", activationGiB) * GIB;
  const capacity = requirePositive(fn, "gpuGiB", gpuGiB) * GIB;
  const baseBytes = (base * nf4DoubleQuantBits(64, 256)) / 8;
  const adapterBytes = 2 * adapterParams;
  const gradientBytes = 2 * adapterParams;
  const optimizerBytes = 8 * adapterParams;
  const totalBytes = baseBytes + adapterBytes + gradientBytes + optimizerBytes + activationBytes;
  return { adapterParams, baseBytes, adapterBytes, gradientBytes, optimizerBytes, activationBytes, totalBytes, totalGiB: totalBytes / GIB, fits: totalBytes <= capacity };
}
