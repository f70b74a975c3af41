const GIB = 2 ** 30;
const GB = 1e9;

export function kvCacheBytes(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number {
  // 2: every cached token stores a key vector and a value vector for each KV head.
  return 2 * layers * kvHeads * headDim * seqLen * batch * bytesPerElement;
}

export function kvCacheGiB(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number {
  return kvCacheBytes(layers, kvHeads, headDim, seqLen, batch, bytesPerElement) / GIB;
}

export function kvCacheGB(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number {
  return kvCacheBytes(layers, kvHeads, headDim, seqLen, batch, bytesPerElement) / GB;
}
