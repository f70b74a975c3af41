/** Known-wrong variants of trainingMemoryBytes and trainingMemoryBreakdown, each with the learner's signature. */

interface Breakdown {
  weights: number;
  gradients: number;
  masterWeights: number;
  optimizerStates: number;
  total: number;
}

function breakdown(params: number, bytes: { weights: number; gradients: number; master: number; states: number }): Breakdown {
  const weights = bytes.weights * params;
  const gradients = bytes.gradients * params;
  const masterWeights = bytes.master * params;
  const optimizerStates = bytes.states * params;
  return { weights, gradients, masterWeights, optimizerStates, total: weights + gradients + masterWeights + optimizerStates };
}

/** The fp32 master copy forgotten: 12 bytes per parameter. */
export function trainingBytesNoMaster(params: number): number {
  return 12 * params;
}

/** Only the optimizer states (Adam's moments) counted: 8 bytes per parameter. */
export function trainingBytesMomentsOnly(params: number): number {
  return 8 * params;
}

/** Weights alone in fp16: 2 bytes per parameter, the inference footprint. */
export function trainingBytesWeightsOnly(params: number): number {
  return 2 * params;
}

/** The master copy forgotten in the breakdown. */
export function breakdownNoMaster(params: number): Breakdown {
  return breakdown(params, { weights: 2, gradients: 2, master: 0, states: 8 });
}

/** Adam's moments kept in fp16 (4 bytes) instead of fp32 (8 bytes). */
export function breakdownFp16Moments(params: number): Breakdown {
  return breakdown(params, { weights: 2, gradients: 2, master: 4, states: 4 });
}

/** Everything in fp32 (weights 4, gradients 4, no separate master copy): the same 16-byte total, a different split. */
export function breakdownAllFp32(params: number): Breakdown {
  return breakdown(params, { weights: 4, gradients: 4, master: 0, states: 8 });
}
