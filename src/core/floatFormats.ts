/**
 * Rounding a double to a narrower binary floating-point format (fp16, bf16, and the FP8 formats in fp8.ts).
 * A format with m mantissa bits and minimum normal exponent e_min represents, near |x| ∈ [2^e, 2^(e+1)),
 * multiples of 2^(max(e, e_min) − m); below 2^e_min the spacing stays 2^(e_min − m) (subnormals).
 */
import { HALF_EVEN_MAGIC } from "./rounding";
import { requireFinite } from "./validate";

export interface BinaryFloatFormat {
  /** Stored mantissa (fraction) bits. */
  mantissaBits: number;
  /** Exponent of the smallest normal number, 1 − bias. */
  minNormalExponent: number;
  /** Largest finite value. */
  maxFinite: number;
}

export const FLOAT16_FORMAT: BinaryFloatFormat = Object.freeze({ mantissaBits: 10, minNormalExponent: -14, maxFinite: 65504 });
export const BFLOAT16_FORMAT: BinaryFloatFormat = Object.freeze({
  mantissaBits: 7,
  minNormalExponent: -126,
  maxFinite: 3.3895313892515355e38,
});

/** floor(log2(a)) for a > 0, exact (Math.log2 can be off by one next to powers of two). */
export function exponentOf(a: number): number {
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e -= 1;
  else if (2 ** (e + 1) <= a) e += 1;
  return e;
}

/**
 * Rounds a finite x to the nearest value with `mantissaBits` of precision and the format's subnormal spacing,
 * ties to even, with no upper limit on the exponent (callers decide what overflow means). Keeps the sign of 0.
 */
export function roundToPrecision(x: number, format: BinaryFloatFormat): number {
  if (x === 0) return x;
  const a = Math.abs(x);
  const e = Math.max(exponentOf(a), format.minNormalExponent);
  const ulp = 2 ** (e - format.mantissaBits);
  // a / ulp < 2^(mantissaBits + 1), well inside the magic-number trick's exact range.
  const r = (a / ulp + HALF_EVEN_MAGIC - HALF_EVEN_MAGIC) * ulp;
  return x < 0 ? -r : r;
}

/**
 * Rounds to IEEE 754 half precision (float16), nearest even; values that round beyond 65504 become ±Infinity,
 * as a hardware conversion does. This is how llama.cpp stores its block scales (`GGML_FP32_TO_FP16`).
 *
 * @param x a finite number
 * @returns the nearest float16 value, as a number
 * @throws if x is not finite
 * @example
 * float16Round(0.1)     // 0.0999755859375
 * float16Round(65519)   // 65504
 * float16Round(65520)   // Infinity
 * float16Round(1e-8)    // 0 (below half the smallest subnormal, 2^-25)
 */
export function float16Round(x: number): number {
  requireFinite("float16Round", "x", x);
  const r = roundToPrecision(x, FLOAT16_FORMAT);
  if (Math.abs(r) > FLOAT16_FORMAT.maxFinite) return r < 0 ? -Infinity : Infinity;
  return r;
}

/**
 * Rounds to bfloat16 (8 exponent bits like float32, 7 mantissa bits), nearest even; overflow gives ±Infinity.
 *
 * @param x a finite number
 * @returns the nearest bfloat16 value, as a number
 * @throws if x is not finite
 * @example
 * bfloat16Round(0.1)   // 0.10009765625
 * bfloat16Round(257)   // 256
 */
export function bfloat16Round(x: number): number {
  requireFinite("bfloat16Round", "x", x);
  const r = roundToPrecision(x, BFLOAT16_FORMAT);
  if (Math.abs(r) > BFLOAT16_FORMAT.maxFinite) return r < 0 ? -Infinity : Infinity;
  return r;
}
