/**
 * log_softmax(z)_i = z_i − m − log Σ_j exp(z_j − m), with m = max(z).
 * Must give finite answers for logits of ±1000 (no Infinity, no NaN).
 */
export function logSoftmax(logits: number[]): number[] {
  // TODO: find the maximum, compute log-sum-exp with it, subtract from every logit.
  throw new Error("Not implemented yet: logSoftmax(logits)");
}
