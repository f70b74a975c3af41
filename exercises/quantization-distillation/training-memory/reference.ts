/** Bytes per parameter under mixed-precision Adam (ZeRO's accounting). */
const FP16_WEIGHTS = 2;
const FP16_GRADIENTS = 2;
const FP32_MASTER_WEIGHTS = 4; // updates too small for fp16 are applied to this copy
const ADAM_MOMENTS = 8; // first and second moments, fp32 each

export function trainingMemoryBreakdown(params: number): {
  weights: number;
  gradients: number;
  masterWeights: number;
  optimizerStates: number;
  total: number;
} {
  const weights = FP16_WEIGHTS * params;
  const gradients = FP16_GRADIENTS * params;
  const masterWeights = FP32_MASTER_WEIGHTS * params;
  const optimizerStates = ADAM_MOMENTS * params;
  return { weights, gradients, masterWeights, optimizerStates, total: weights + gradients + masterWeights + optimizerStates };
}

export function trainingMemoryBytes(params: number): number {
  return trainingMemoryBreakdown(params).total;
}

/** Hint 3 on the learner's own case. */
export function explainTrainingMemoryBreakdown(params: number): string[] {
  const b = trainingMemoryBreakdown(params);
  return [`fp16 weights 2 · ${params} = ${b.weights}`, `fp16 gradients 2 · ${params} = ${b.gradients}`, `fp32 master weights 4 · ${params} = ${b.masterWeights}`, `Adam's two fp32 moments 8 · ${params} = ${b.optimizerStates}`, `total 16 bytes per parameter = ${b.total}`];
}

/** Hint 3 on the learner's own case. */
export function explainTrainingMemoryBytes(params: number): string[] {
  return explainTrainingMemoryBreakdown(params);
}
