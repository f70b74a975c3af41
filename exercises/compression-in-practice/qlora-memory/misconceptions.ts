/** Known-wrong variants of the QLoRA memory functions, each with the learner's signature. */

// The reference, copied: a variant changes one thing about it.
const GIB = 2 ** 30;

function loraParams(blockShapes: [number, number][], layers: number, rank: number): number {
  // A is r × d_in, B is d_out × r.
  return layers * blockShapes.reduce((sum, [dIn, dOut]) => sum + rank * (dIn + dOut), 0);
}

function nf4DoubleQuantBits(blockSize: number, secondBlockSize: number): number {
  // 4-bit codes + an 8-bit absmax per block + a float32 scale per secondBlockSize absmaxes.
  return 4 + 8 / blockSize + 32 / (blockSize * secondBlockSize);
}

function qloraMemory(baseParams: number, blockShapes: [number, number][], layers: number, rank: number, activationGiB: number, gpuGiB: number) {
  const adapterParams = loraParams(blockShapes, layers, rank);
  const baseBytes = (baseParams * nf4DoubleQuantBits(64, 256)) / 8;
  const adapterBytes = 2 * adapterParams; // bf16
  const gradientBytes = 2 * adapterParams; // bf16, adapters only: the base is frozen
  const optimizerBytes = 8 * adapterParams; // Adam's two float32 moments, adapters only
  const activationBytes = activationGiB * GIB;
  const totalBytes = baseBytes + adapterBytes + gradientBytes + optimizerBytes + activationBytes;
  return { adapterParams, baseBytes, adapterBytes, gradientBytes, optimizerBytes, activationBytes, totalBytes, totalGiB: totalBytes / GIB, fits: totalBytes <= gpuGiB * GIB };
}

/** One block counted, the `layers` blocks forgotten. */
export function loraParamsOneBlock(blockShapes: [number, number][], layers: number, rank: number): number {
  return loraParams(blockShapes, 1, rank);
}

/** Every layer taken as square, d_in → d_in: 2 · r · d_in. */
export function loraParamsSquare(blockShapes: [number, number][], layers: number, rank: number): number {
  return layers * blockShapes.reduce((sum, [dIn]) => sum + 2 * rank * dIn, 0);
}

/** The full update ΔW = B A counted (d_in · d_out per layer), not the two low-rank factors. */
export function loraParamsFullDelta(blockShapes: [number, number][], layers: number, rank: number): number {
  return layers * blockShapes.reduce((sum, [dIn, dOut]) => sum + dIn * dOut, 0);
}

/** A float32 absmax per block, no double quantization: 4 + 32 / blockSize. */
export function bitsNoDoubleQuant(blockSize: number, secondBlockSize: number): number {
  return 4 + 32 / blockSize;
}

/** The 8-bit absmaxes counted, their float32 scales forgotten. */
export function bitsFirstLevelOnly(blockSize: number, secondBlockSize: number): number {
  return 4 + 8 / blockSize;
}

/** The second-level scale spread over secondBlockSize weights instead of secondBlockSize absmaxes. */
export function bitsSecondPerWeights(blockSize: number, secondBlockSize: number): number {
  return 4 + 8 / blockSize + 32 / secondBlockSize;
}

type Memory = ReturnType<typeof qloraMemory>;

/** "24 GB" read as 24e9 bytes. */
export function memoryGbNotGib(baseParams: number, blockShapes: [number, number][], layers: number, rank: number, activationGiB: number, gpuGiB: number): Memory {
  const m = qloraMemory(baseParams, blockShapes, layers, rank, activationGiB, gpuGiB);
  return { ...m, fits: m.totalBytes <= gpuGiB * 1e9 };
}

function rebuilt(m: Memory, change: Partial<Memory>, gpuGiB: number): Memory {
  const next = { ...m, ...change };
  next.totalBytes = next.baseBytes + next.adapterBytes + next.gradientBytes + next.optimizerBytes + next.activationBytes;
  next.totalGiB = next.totalBytes / 2 ** 30;
  next.fits = next.totalBytes <= gpuGiB * 2 ** 30;
  return next;
}

/** Adam state for every parameter, as in full fine-tuning. */
export function memoryOptimizerForAll(baseParams: number, blockShapes: [number, number][], layers: number, rank: number, activationGiB: number, gpuGiB: number): Memory {
  const m = qloraMemory(baseParams, blockShapes, layers, rank, activationGiB, gpuGiB);
  return rebuilt(m, { optimizerBytes: 8 * (baseParams + m.adapterParams) }, gpuGiB);
}

/** The base kept in bf16: 2 bytes per parameter, LoRA without the Q. */
export function memoryBaseBf16(baseParams: number, blockShapes: [number, number][], layers: number, rank: number, activationGiB: number, gpuGiB: number): Memory {
  const m = qloraMemory(baseParams, blockShapes, layers, rank, activationGiB, gpuGiB);
  return rebuilt(m, { baseBytes: 2 * baseParams }, gpuGiB);
}

/** The base at exactly 4 bits: its block scales forgotten. */
export function memoryBaseFourBits(baseParams: number, blockShapes: [number, number][], layers: number, rank: number, activationGiB: number, gpuGiB: number): Memory {
  const m = qloraMemory(baseParams, blockShapes, layers, rank, activationGiB, gpuGiB);
  return rebuilt(m, { baseBytes: baseParams / 2 }, gpuGiB);
}

/** Gradients for the frozen base too (2 bytes per base parameter). */
export function memoryBaseGradients(baseParams: number, blockShapes: [number, number][], layers: number, rank: number, activationGiB: number, gpuGiB: number): Memory {
  const m = qloraMemory(baseParams, blockShapes, layers, rank, activationGiB, gpuGiB);
  return rebuilt(m, { gradientBytes: 2 * (baseParams + m.adapterParams) }, gpuGiB);
}
