/**
 * p_i = exp(a_i − max a) / Σ_j exp(a_j − max a) with a = logits / temperature.
 * Subtracting the maximum changes nothing mathematically and keeps every exponent ≤ 0, so nothing overflows.
 */
export function softmax(logits: number[], temperature: number): number[] {
  const scaled = logits.map((z) => z / temperature);
  const max = Math.max(...scaled);
  const exponentials = scaled.map((a) => Math.exp(a - max));
  const sum = exponentials.reduce((total, e) => total + e, 0);
  return exponentials.map((e) => e / sum);
}

/** Hint 3 on the learner's own case: the same computation, step by step. */
export function explainSoftmax(logits: number[], temperature: number): string[] {
  const show = (v: number): string => String(Number(v.toPrecision(7)));
  const list = (xs: number[]): string => `[${xs.map(show).join(", ")}]`;
  const scaled = logits.map((z) => z / temperature);
  const max = Math.max(...scaled);
  const exponentials = scaled.map((a) => Math.exp(a - max));
  const sum = exponentials.reduce((total, e) => total + e, 0);
  return [
    `a = logits / T = ${list(scaled)}`,
    `m = max(a) = ${show(max)}`,
    `exp(a − m) = ${list(exponentials)}   (every exponent ≤ 0, so nothing overflows)`,
    `sum = ${show(sum)}`,
    `p = exp(a − m) / sum = ${list(exponentials.map((e) => e / sum))}`,
  ];
}
