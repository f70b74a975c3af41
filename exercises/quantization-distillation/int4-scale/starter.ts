/**
 * The symmetric scale that maps maxAbs onto the largest positive code:
 * scale = maxAbs / (2^(bits − 1) − 1), e.g. symmetricScale(2.1, 4) = 0.3.
 */
export function symmetricScale(maxAbs: number, bits: number): number {
  // TODO: compute qmax for a signed `bits`-bit integer, then divide.
  throw new Error("Not implemented yet: symmetricScale(maxAbs, bits)");
}
