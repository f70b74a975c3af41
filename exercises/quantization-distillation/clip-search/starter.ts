/**
 * The MSE of symmetric `bits`-bit fake quantization of w when the range is clipped at ±clip
 * (half to even; codes clamped to the signed range).
 */
export function clipMse(w: number[], clip: number, bits: number): number {
  throw new Error("Not implemented yet: clipMse");
}

/** The clip value, one of `clips`, whose clipMse is the smallest; the first of equal minima wins. */
export function clipSearch(w: number[], clips: number[], bits: number): number {
  throw new Error("Not implemented yet: clipSearch");
}
