/** scale = maxAbs / (2^(bits − 1) − 1): maxAbs lands on the top code of the narrow signed range. */
export function symmetricScale(maxAbs: number, bits: number): number {
  const qmax = 2 ** (bits - 1) - 1;
  return maxAbs / qmax;
}

/** Hint 3 on the learner's own case. */
export function explainSymmetricScale(maxAbs: number, bits: number): string[] {
  const qmax = 2 ** (bits - 1) - 1;
  return [`the largest positive code of a signed ${bits}-bit integer: 2^${bits - 1} − 1 = ${qmax}`, `scale = ${maxAbs} / ${qmax} = ${maxAbs / qmax}`];
}
