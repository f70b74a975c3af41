/**
 * The probabilities the logits give at this temperature: a plain array of the same length, summing to 1.
 * It must stay finite for logits near ±1000. temperature > 0; logits is never empty.
 */
export function softmax(logits: number[], temperature: number): number[] {
  throw new Error("Not implemented yet: softmax");
}
