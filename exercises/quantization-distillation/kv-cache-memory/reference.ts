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

/** Hint 3 on the learner's own case: every factor, named. */
export function explainKvCacheBytes(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): string[] {
  const bytes = kvCacheBytes(layers, kvHeads, headDim, seqLen, batch, bytesPerElement);
  return [
    `2 (a key and a value) · ${layers} layers · ${kvHeads} KV heads · ${headDim} dims · ${seqLen} tokens · ${batch} sequences · ${bytesPerElement} bytes`,
    `= ${bytes} bytes = ${bytes / GIB} GiB = ${bytes / GB} GB`,
  ];
}

/** Hint 3 on the learner's own case. */
export function explainKvCacheGiB(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): string[] {
  return explainKvCacheBytes(layers, kvHeads, headDim, seqLen, batch, bytesPerElement);
}

/** Hint 3 on the learner's own case. */
export function explainKvCacheGB(layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): string[] {
  return explainKvCacheBytes(layers, kvHeads, headDim, seqLen, batch, bytesPerElement);
}
