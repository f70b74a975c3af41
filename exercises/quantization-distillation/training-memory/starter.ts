/**
 * Bytes of model state (weights, gradients, master weights, optimizer state) for mixed-precision Adam training
 * of `params` parameters.
 */
export function trainingMemoryBytes(params: number): number {
  throw new Error("Not implemented yet: trainingMemoryBytes");
}

/** The same, itemised in bytes: fp16 weights, fp16 gradients, fp32 master weights, Adam's fp32 moments, and the total. */
export function trainingMemoryBreakdown(params: number): {
  weights: number;
  gradients: number;
  masterWeights: number;
  optimizerStates: number;
  total: number;
} {
  throw new Error("Not implemented yet: trainingMemoryBreakdown");
}
