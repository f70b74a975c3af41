/** The combined distillation loss: α · ce + (1 − α) · kd, where α weights the hard (cross-entropy) loss. */
export function combinedLoss(ce: number, kd: number, alpha: number): number {
  // TODO: weight the hard loss by alpha and the distillation loss by the rest.
  throw new Error("Not implemented yet: combinedLoss(ce, kd, alpha)");
}
