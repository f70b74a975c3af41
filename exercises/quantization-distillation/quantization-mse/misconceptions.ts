/** Known-wrong variants of mse, each with the learner's signature. */

/** The sum of squared errors, never divided by n. */
export function mseWithoutMean(w: number[], wHat: number[]): number {
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += (w[i] - wHat[i]) ** 2;
  return sum;
}

/** The root mean squared error (the square root of the answer). */
export function rootMeanSquaredError(w: number[], wHat: number[]): number {
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += (w[i] - wHat[i]) ** 2;
  return Math.sqrt(sum / w.length);
}

/** The mean absolute error: no squaring. */
export function meanAbsoluteError(w: number[], wHat: number[]): number {
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += Math.abs(w[i] - wHat[i]);
  return sum / w.length;
}

/** Divided by n − 1, as a sample variance would be. */
export function mseBesselCorrected(w: number[], wHat: number[]): number {
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += (w[i] - wHat[i]) ** 2;
  return sum / (w.length - 1);
}

/** The square of the mean error: positive and negative errors cancel before squaring. */
export function squaredMeanError(w: number[], wHat: number[]): number {
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += w[i] - wHat[i];
  return (sum / w.length) ** 2;
}
