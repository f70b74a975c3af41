/**
 * Softmax of logits at a temperature: p_i = exp(z_i / T) / Σ_j exp(z_j / T).
 * Must stay finite for logits near 1000 (subtract the maximum before exponentiating).
 */
export function softmax(logits: number[], temperature: number): number[] {
  // TODO: scale by the temperature, subtract the maximum, exponentiate, normalise.
  throw new Error("Not implemented yet: softmax(logits, temperature)");
}
