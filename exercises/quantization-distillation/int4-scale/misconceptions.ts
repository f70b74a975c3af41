/** Known-wrong variants of symmetricScale, each with the learner's signature. */

/** Divides by 2^(bits − 1) (8 for INT4), the size of the negative half, not the top code. */
export function symmetricScaleByPowerOfTwo(maxAbs: number, bits: number): number {
  return maxAbs / 2 ** (bits - 1);
}

/** Divides by 2^bits − 1 (15 for INT4), the unsigned range, as if the grid started at 0. */
export function symmetricScaleByUnsignedRange(maxAbs: number, bits: number): number {
  return maxAbs / (2 ** bits - 1);
}

/** Divides by (2^bits − 1) / 2 (7.5 for INT4, 127.5 for INT8): PyTorch's observer, not this convention. */
export function symmetricScaleByHalfWidth(maxAbs: number, bits: number): number {
  return maxAbs / ((2 ** bits - 1) / 2);
}

/** Multiplies instead of dividing. */
export function symmetricScaleMultiplied(maxAbs: number, bits: number): number {
  return maxAbs * (2 ** (bits - 1) - 1);
}
