/** KV-cache size in bytes: 2 (keys and values) · layers · kvHeads · headDim · seqLen · batch · bytesPerElement. */
export function kvCacheBytes(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number {
  // TODO: one key vector AND one value vector per KV head, per token, per layer, per sequence.
  throw new Error("Not implemented yet: kvCacheBytes(layers, kvHeads, headDim, seqLen, batch, bytesPerElement)");
}

/** The same size in GiB (1 GiB = 2^30 bytes). */
export function kvCacheGiB(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number {
  // TODO: GPU memory is counted in powers of two.
  throw new Error("Not implemented yet: kvCacheGiB(...)");
}

/** The same size in GB (1 GB = 1e9 bytes). */
export function kvCacheGB(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number {
  // TODO: decimal gigabytes.
  throw new Error("Not implemented yet: kvCacheGB(...)");
}
