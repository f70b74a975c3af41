/** SmoothQuant's smoothing scale for each input channel j (a column of X, a row of W), with migration strength alpha. */
export function smoothingScales(X: number[][], W: number[][], alpha: number): number[] {
  // TODO
  throw new Error("Not implemented yet: smoothingScales(X, W, alpha)");
}

/** The smoothed activations and weights, whose product equals X · W. */
export function migrate(X: number[][], W: number[][], scales: number[]): { X: number[][]; W: number[][] } {
  // TODO
  throw new Error("Not implemented yet: migrate(X, W, scales)");
}

/** The output error of per-tensor int8 activation quantization, before and after smoothing (weights in float). */
export function activationQuantError(X: number[][], W: number[][], alpha: number): { scales: number[]; before: number; after: number } {
  // TODO
  throw new Error("Not implemented yet: activationQuantError(X, W, alpha)");
}
