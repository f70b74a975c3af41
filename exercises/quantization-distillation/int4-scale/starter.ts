/**
 * The symmetric scale for a signed `bits`-bit integer that puts maxAbs on the largest positive code.
 * symmetricScale(2.1, 4) is the seed's answer, 0.3.
 */
export function symmetricScale(maxAbs: number, bits: number): number {
  throw new Error("Not implemented yet: symmetricScale");
}
