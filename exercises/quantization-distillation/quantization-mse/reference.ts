/** MSE = (1/n) · Σ (w[i] − wHat[i])², dividing by n as numpy.mean and F.mse_loss do. */
export function mse(w: number[], wHat: number[]): number {
  let sumOfSquares = 0;
  for (let i = 0; i < w.length; i++) {
    const difference = w[i] - wHat[i];
    sumOfSquares += difference * difference;
  }
  return sumOfSquares / w.length;
}
