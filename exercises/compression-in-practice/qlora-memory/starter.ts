/** LoRA adapter parameters of a model of `layers` identical blocks, adapting every layer listed in blockShapes. */
export function loraParams(blockShapes: [number, number][], layers: number, rank: number): number {
  // TODO
  throw new Error("Not implemented yet: loraParams(blockShapes, layers, rank)");
}

/** Bits per weight of NF4 with double quantization: codes and both levels of scales. */
export function nf4DoubleQuantBits(blockSize: number, secondBlockSize: number): number {
  // TODO
  throw new Error("Not implemented yet: nf4DoubleQuantBits(blockSize, secondBlockSize)");
}

/** QLoRA fine-tuning memory by part, in bytes, its total in GiB, and whether it fits a GPU of gpuGiB. */
export function qloraMemory(
  baseParams: number,
  blockShapes: [number, number][],
  layers: number,
  rank: number,
  activationGiB: number,
  gpuGiB: number,
): {
  adapterParams: number;
  baseBytes: number;
  adapterBytes: number;
  gradientBytes: number;
  optimizerBytes: number;
  activationBytes: number;
  totalBytes: number;
  totalGiB: number;
  fits: boolean;
} {
  // TODO
  throw new Error("Not implemented yet: qloraMemory(baseParams, blockShapes, layers, rank, activationGiB, gpuGiB)");
}
