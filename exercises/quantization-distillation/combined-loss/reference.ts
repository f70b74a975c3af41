/** α · ce + (1 − α) · kd: α weights the hard loss, 1 − α the distillation loss. */
export function combinedLoss(ce: number, kd: number, alpha: number): number {
  return alpha * ce + (1 - alpha) * kd;
}
