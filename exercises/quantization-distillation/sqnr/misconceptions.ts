/** Known-wrong variants of sqnrDb and quantizationSqnrDb, each with the learner's signature. */

function powers(x: number[], xHat: number[]): { signal: number; noise: number } {
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < x.length; i++) {
    signal += x[i] * x[i];
    noise += (x[i] - xHat[i]) ** 2;
  }
  return { signal, noise };
}

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const fraction = v - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** 20·log10 of a power ratio: the amplitude formula, twice the right answer. */
export function sqnrDb20(x: number[], xHat: number[]): number {
  const { signal, noise } = powers(x, xHat);
  return 20 * Math.log10(signal / noise);
}

/** The plain power ratio, not converted to decibels. */
export function sqnrNoLog(x: number[], xHat: number[]): number {
  const { signal, noise } = powers(x, xHat);
  return signal / noise;
}

/** The natural log instead of log10. */
export function sqnrNaturalLog(x: number[], xHat: number[]): number {
  const { signal, noise } = powers(x, xHat);
  return 10 * Math.log(signal / noise);
}

/** Noise over signal: the sign of the answer flipped. */
export function sqnrInverted(x: number[], xHat: number[]): number {
  const { signal, noise } = powers(x, xHat);
  return 10 * Math.log10(noise / signal);
}

/** Quantized with scale max|x| / 2^(bits−1) and no clamp, so the largest value lands on a code the range does not have. */
export function quantizationSqnrDivideByPowerOfTwo(x: number[], bits: number): number {
  const scale = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0) / 2 ** (bits - 1);
  const { signal, noise } = powers(x, x.map((v) => scale * roundHalfEven(v / scale)));
  return 10 * Math.log10(signal / noise);
}

/** Correct quantization, but the SQNR taken with 20·log10. */
export function quantizationSqnr20(x: number[], bits: number): number {
  const scale = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0) / (2 ** (bits - 1) - 1);
  const { signal, noise } = powers(x, x.map((v) => scale * roundHalfEven(v / scale)));
  return 20 * Math.log10(signal / noise);
}
