/**
 * The combined distillation loss from the hard (cross-entropy) loss ce and the distillation loss kd.
 * alpha, in [0, 1], is the weight of the hard loss.
 */
export function combinedLoss(ce: number, kd: number, alpha: number): number {
  throw new Error("Not implemented yet: combinedLoss");
}
