const GIB = 2 ** 30;

export function loraParams(blockShapes: [number, number][], layers: number, rank: number): number {
  // A is r × d_in, B is d_out × r.
  return layers * blockShapes.reduce((sum, [dIn, dOut]) => sum + rank * (dIn + dOut), 0);
}

export function nf4DoubleQuantBits(blockSize: number, secondBlockSize: number): number {
  // 4-bit codes + an 8-bit absmax per block + a float32 scale per secondBlockSize absmaxes.
  return 4 + 8 / blockSize + 32 / (blockSize * secondBlockSize);
}

export function qloraMemory(baseParams: number, blockShapes: [number, number][], layers: number, rank: number, activationGiB: number, gpuGiB: number) {
  const adapterParams = loraParams(blockShapes, layers, rank);
  const baseBytes = (baseParams * nf4DoubleQuantBits(64, 256)) / 8;
  const adapterBytes = 2 * adapterParams; // bf16
  const gradientBytes = 2 * adapterParams; // bf16, adapters only: the base is frozen
  const optimizerBytes = 8 * adapterParams; // Adam's two float32 moments, adapters only
  const activationBytes = activationGiB * GIB;
  const totalBytes = baseBytes + adapterBytes + gradientBytes + optimizerBytes + activationBytes;
  return { adapterParams, baseBytes, adapterBytes, gradientBytes, optimizerBytes, activationBytes, totalBytes, totalGiB: totalBytes / GIB, fits: totalBytes <= gpuGiB * GIB };
}

/** Hint 3 on the learner's own case. */
export function explainLoraParams(blockShapes: [number, number][], layers: number, rank: number): string[] {
  const perBlock = blockShapes.map(([dIn, dOut]) => `${rank} · (${dIn} + ${dOut}) = ${rank * (dIn + dOut)}`);
  return [`one block: ${perBlock.join(" + ")}`, `${layers} blocks: ${loraParams(blockShapes, layers, rank)}`];
}

/** Hint 3 on the learner's own case. */
export function explainNf4DoubleQuantBits(blockSize: number, secondBlockSize: number): string[] {
  return [`4 + 8 / ${blockSize} + 32 / (${blockSize} · ${secondBlockSize}) = 4 + ${8 / blockSize} + ${32 / (blockSize * secondBlockSize)} = ${nf4DoubleQuantBits(blockSize, secondBlockSize)}`];
}

/** Hint 3 on the learner's own case. */
export function explainQloraMemory(baseParams: number, blockShapes: [number, number][], layers: number, rank: number, activationGiB: number, gpuGiB: number): string[] {
  const m = qloraMemory(baseParams, blockShapes, layers, rank, activationGiB, gpuGiB);
  return [
    `adapters: ${m.adapterParams} parameters; base: ${baseParams} · ${nf4DoubleQuantBits(64, 256)} / 8 = ${m.baseBytes} bytes`,
    `adapters ${m.adapterBytes} + gradients ${m.gradientBytes} + Adam ${m.optimizerBytes} + activations ${m.activationBytes} bytes`,
    `total ${m.totalBytes} bytes = ${m.totalGiB} GiB against ${gpuGiB} GiB = ${gpuGiB * GIB} bytes: fits ${m.fits}`,
  ];
}
