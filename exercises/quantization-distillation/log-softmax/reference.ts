/**
 * z_i − (m + log Σ_j exp(z_j − m)) with m = max(z): the log-sum-exp trick.
 * Every exponent is ≤ 0 and the largest term is exactly 1, so nothing overflows and the log never sees 0.
 */
export function logSoftmax(logits: number[]): number[] {
  const max = Math.max(...logits);
  let sumOfShiftedExponentials = 0;
  for (const z of logits) sumOfShiftedExponentials += Math.exp(z - max);
  const logSumExpMinusMax = Math.log(sumOfShiftedExponentials);
  return logits.map((z) => z - max - logSumExpMinusMax);
}
