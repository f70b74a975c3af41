/** Known-wrong variants of combinedLoss, each with the learner's signature. */

/** α on the distillation loss instead of the hard loss. */
export function combinedLossSwappedWeights(ce: number, kd: number, alpha: number): number {
  return (1 - alpha) * ce + alpha * kd;
}

/** A plain average that ignores α. */
export function combinedLossAverage(ce: number, kd: number, alpha: number): number {
  return (ce + kd) / 2;
}

/** Both terms weighted by α: α · (ce + kd). */
export function combinedLossBothTimesAlpha(ce: number, kd: number, alpha: number): number {
  return alpha * (ce + kd);
}

/** The two losses added with no weights. */
export function combinedLossUnweightedSum(ce: number, kd: number, alpha: number): number {
  return ce + kd;
}
