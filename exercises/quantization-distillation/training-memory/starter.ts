/** Bytes of model state for mixed-precision Adam training: 16 per parameter. */
export function trainingMemoryBytes(params: number): number {
  // TODO: fp16 weights and gradients, an fp32 master copy, and two fp32 moments. What is missing here?
  return params * (2 + 2 + 8);
}

/** The same, itemised: fp16 weights 2P, fp16 gradients 2P, fp32 master weights 4P, Adam's fp32 moments 8P, and the total. */
export function trainingMemoryBreakdown(params: number): {
  weights: number;
  gradients: number;
  masterWeights: number;
  optimizerStates: number;
  total: number;
} {
  // TODO: fill in each part, in bytes.
  throw new Error("Not implemented yet: trainingMemoryBreakdown(params)");
}
