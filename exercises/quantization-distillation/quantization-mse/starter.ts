/**
 * The mean squared error between the weights w and their dequantized values wHat (same length, at least 1).
 * Divide by n, as numpy.mean and F.mse_loss do.
 */
export function mse(w: number[], wHat: number[]): number {
  throw new Error("Not implemented yet: mse");
}
