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

/** Hint 3 on the learner's own case: the log-sum-exp trick, step by step. */
export function explainLogSoftmax(logits: number[]): string[] {
  const show = (v: number): string => String(Number(v.toPrecision(7)));
  const list = (xs: number[]): string => `[${xs.map(show).join(", ")}]`;
  const max = Math.max(...logits);
  const shifted = logits.map((z) => Math.exp(z - max));
  const sum = shifted.reduce((total, e) => total + e, 0);
  return [
    `m = max(z) = ${show(max)}`,
    `exp(z − m) = ${list(shifted)}   (the largest is exactly 1)`,
    `log Σ exp(z − m) = log ${show(sum)} = ${show(Math.log(sum))}`,
    `z − m − log Σ exp(z − m) = ${list(logits.map((z) => z - max - Math.log(sum)))}   (no probability is formed, so none underflows to 0)`,
  ];
}
