/** Mean squared error between weights and their dequantized values: (1/n) · Σ (w[i] − wHat[i])². */
export function mse(w: number[], wHat: number[]): number {
  // TODO: accumulate the squared differences, then take their mean.
  return 0;
}
