/** MSE = (1/n) · Σ (w[i] − wHat[i])², dividing by n as numpy.mean and F.mse_loss do. */
export function mse(w: number[], wHat: number[]): number {
  let sumOfSquares = 0;
  for (let i = 0; i < w.length; i++) {
    const difference = w[i] - wHat[i];
    sumOfSquares += difference * difference;
  }
  return sumOfSquares / w.length;
}

/** Hint 3 on the learner's own case: the squared differences, then their mean. */
export function explainMse(w: number[], wHat: number[]): string[] {
  const show = (v: number): string => String(Number(v.toPrecision(7)));
  const squares = w.map((v, i) => (v - wHat[i]) ** 2);
  const shown = squares.length > 8 ? `${squares.slice(0, 8).map(show).join(", ")}, … (${squares.length} in all)` : squares.map(show).join(", ");
  return [`(w − wHat)² = ${shown}`, `sum = ${show(squares.reduce((a, b) => a + b, 0))}, n = ${w.length}`, `MSE = sum / n = ${show(mse(w, wHat))}`];
}
