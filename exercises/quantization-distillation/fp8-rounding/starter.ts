/**
 * Round x to the nearest FP8 E4M3FN value (3 mantissa bits, bias 7, subnormals down to 2^-9), ties to the even
 * mantissa, saturating at ±448.
 */
export function fp8E4M3(x: number): number {
  // TODO: find the binade of |x| (never below 2^-6), the spacing 2^(e − 3) there, and round |x| to a multiple of it.
  throw new Error("Not implemented yet: fp8E4M3(x)");
}

/** Round x to the nearest FP8 E5M2 value (2 mantissa bits, bias 15, subnormals down to 2^-16), ties to even, saturating at ±57344. */
export function fp8E5M2(x: number): number {
  // TODO: the same with 2 mantissa bits, smallest normal 2^-14 and largest finite 57344.
  throw new Error("Not implemented yet: fp8E5M2(x)");
}
