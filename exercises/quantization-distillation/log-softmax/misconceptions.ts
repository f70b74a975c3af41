/** Known-wrong variants of logSoftmax, each with the learner's signature. */

/** log(exp(z) / Σ exp(z)) with no shift: exp(1000) is Infinity, and the result NaN. */
export function logSoftmaxNaive(logits: number[]): number[] {
  const exponentials = logits.map((z) => Math.exp(z));
  const sum = exponentials.reduce((total, e) => total + e, 0);
  return exponentials.map((e) => Math.log(e / sum));
}

/** The log of a stable softmax: probabilities below 5e-324 (such as exp(−1000)) underflow to 0 and their log is −Infinity. */
export function logOfStableSoftmax(logits: number[]): number[] {
  const max = Math.max(...logits);
  const exponentials = logits.map((z) => Math.exp(z - max));
  const sum = exponentials.reduce((total, e) => total + e, 0);
  return exponentials.map((e) => Math.log(e / sum));
}

/** Subtracts only the maximum, forgetting the log-sum-exp term: the results are not log-probabilities. */
export function logSoftmaxMissingLogSumExp(logits: number[]): number[] {
  const max = Math.max(...logits);
  return logits.map((z) => z - max);
}

/** Shifts by m inside the log-sum-exp but forgets to add m back: z − log Σ exp(z − m). */
export function logSoftmaxShiftNotAddedBack(logits: number[]): number[] {
  const max = Math.max(...logits);
  let sum = 0;
  for (const z of logits) sum += Math.exp(z - max);
  return logits.map((z) => z - Math.log(sum));
}
