/** Known-wrong variants of the KV-cache functions, each with the learner's signature. */

/** Keys only: the factor 2 for keys and values forgotten. */
export function kvCacheBytesNoKV2(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number {
  return layers * kvHeads * headDim * seqLen * batch * bytesPerElement;
}

/** The batch size left out. */
export function kvCacheBytesNoBatch(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number {
  return 2 * layers * kvHeads * headDim * seqLen * bytesPerElement;
}

/** Bits instead of bytes: multiplied by 8 · bytesPerElement. */
export function kvCacheBytesInBits(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number {
  return 2 * layers * kvHeads * headDim * seqLen * batch * bytesPerElement * 8;
}

/** GB (1e9) where GiB (2^30) was asked. */
export function kvCacheGiBDividedBy1e9(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number {
  return (2 * layers * kvHeads * headDim * seqLen * batch * bytesPerElement) / 1e9;
}

/** GiB without the factor 2 for keys and values. */
export function kvCacheGiBNoKV2(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number {
  return (layers * kvHeads * headDim * seqLen * batch * bytesPerElement) / 2 ** 30;
}

/** GiB (2^30) where GB (1e9) was asked. */
export function kvCacheGBDividedBy2To30(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number {
  return (2 * layers * kvHeads * headDim * seqLen * batch * bytesPerElement) / 2 ** 30;
}

/** The cache of one sequence in GiB, whatever the batch. */
export function kvCacheGiBNoBatch(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number {
  return (2 * layers * kvHeads * headDim * seqLen * bytesPerElement) / 2 ** 30;
}

/** The cache of one sequence in GB, whatever the batch. */
export function kvCacheGBNoBatch(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number {
  return (2 * layers * kvHeads * headDim * seqLen * bytesPerElement) / 1e9;
}
