/** α · ce + (1 − α) · kd: α weights the hard loss, 1 − α the distillation loss. */
export function combinedLoss(ce: number, kd: number, alpha: number): number {
  return alpha * ce + (1 - alpha) * kd;
}

/** Hint 3 on the learner's own case. */
export function explainCombinedLoss(ce: number, kd: number, alpha: number): string[] {
  return [`α · ce = ${alpha} · ${ce} = ${alpha * ce}`, `(1 − α) · kd = ${1 - alpha} · ${kd} = ${(1 - alpha) * kd}`, `total = ${combinedLoss(ce, kd, alpha)}`];
}
