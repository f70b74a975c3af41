/** scale = maxAbs / (2^(bits − 1) − 1): maxAbs lands on the top code of the narrow signed range. */
export function symmetricScale(maxAbs: number, bits: number): number {
  const qmax = 2 ** (bits - 1) - 1;
  return maxAbs / qmax;
}
