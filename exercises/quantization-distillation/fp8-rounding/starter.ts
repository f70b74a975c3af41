/**
 * x rounded to the nearest FP8 E4M3FN value (3 mantissa bits, bias 7, subnormals, no infinity), ties to the even
 * mantissa, saturating at ±448.
 */
export function fp8E4M3(x: number): number {
  throw new Error("Not implemented yet: fp8E4M3");
}

/** x rounded to the nearest FP8 E5M2 value (2 mantissa bits, bias 15, subnormals), ties to even, saturating at ±57344. */
export function fp8E5M2(x: number): number {
  throw new Error("Not implemented yet: fp8E5M2");
}
