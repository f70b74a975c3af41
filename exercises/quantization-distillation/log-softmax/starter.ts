/**
 * The log-probabilities of the logits (natural log): a plain array of the same length.
 * It must stay finite for logits of ±1000 (no Infinity, no NaN).
 */
export function logSoftmax(logits: number[]): number[] {
  throw new Error("Not implemented yet: logSoftmax");
}
