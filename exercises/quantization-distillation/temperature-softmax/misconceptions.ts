/** Known-wrong variants of softmax, each with the learner's signature. */

function stableSoftmax(values: number[]): number[] {
  const max = Math.max(...values);
  const exponentials = values.map((v) => Math.exp(v - max));
  const sum = exponentials.reduce((total, e) => total + e, 0);
  return exponentials.map((e) => e / sum);
}

/** The temperature is ignored: softmax(logits) at T = 1. */
export function softmaxIgnoringTemperature(logits: number[], temperature: number): number[] {
  return stableSoftmax(logits);
}

/** Multiplies the logits by the temperature instead of dividing: a high T sharpens instead of flattening. */
export function softmaxMultipliedByTemperature(logits: number[], temperature: number): number[] {
  return stableSoftmax(logits.map((z) => z * temperature));
}

/** No maximum subtracted: exp(1000) overflows to Infinity and the result is NaN. */
export function softmaxUnstable(logits: number[], temperature: number): number[] {
  const exponentials = logits.map((z) => Math.exp(z / temperature));
  const sum = exponentials.reduce((total, e) => total + e, 0);
  return exponentials.map((e) => e / sum);
}

/** Divides the probabilities by T after an ordinary softmax, so they no longer sum to 1. */
export function softmaxProbabilitiesDividedByTemperature(logits: number[], temperature: number): number[] {
  return stableSoftmax(logits).map((p) => p / temperature);
}

/** Subtracts the mean of the scaled logits instead of their maximum: for [1000, −1000] the mean is 0 and exp(1000) still overflows. */
export function softmaxMeanSubtracted(logits: number[], temperature: number): number[] {
  const scaled = logits.map((z) => z / temperature);
  const mean = scaled.reduce((total, a) => total + a, 0) / scaled.length;
  const exponentials = scaled.map((a) => Math.exp(a - mean));
  const sum = exponentials.reduce((total, e) => total + e, 0);
  return exponentials.map((e) => e / sum);
}
