/**
 * The KV cache's size in bytes for a model with `layers` layers and `kvHeads` key/value heads of `headDim`
 * dimensions, holding `seqLen` tokens for each of `batch` sequences at `bytesPerElement` bytes per number.
 */
export function kvCacheBytes(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number {
  throw new Error("Not implemented yet: kvCacheBytes");
}

/** The same size in GiB (2^30 bytes). */
export function kvCacheGiB(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number {
  throw new Error("Not implemented yet: kvCacheGiB");
}

/** The same size in GB (10^9 bytes). */
export function kvCacheGB(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number {
  throw new Error("Not implemented yet: kvCacheGB");
}
