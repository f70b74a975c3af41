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
