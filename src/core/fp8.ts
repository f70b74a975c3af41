/**
 * FP8 as in "FP8 Formats for Deep Learning" (Micikevicius et al., 2022), the OCP 8-bit float spec, and
 * PyTorch's `float8_e4m3fn` / `float8_e5m2`:
 *
 * | format | sign·exponent·mantissa | bias | max    | min normal | min subnormal | ±∞  | NaN                |
 * | e4m3   | 1·4·3                  | 7    | 448    | 2^−6       | 2^−9          | no  | S.1111.111          |
 * | e5m2   | 1·5·2                  | 15   | 57344  | 2^−14      | 2^−16         | yes | S.11111.{01,10,11}  |
 *
 * Rounding is to nearest, ties to even, subnormals included, computed directly from the double (no
 * intermediate float32). Out of range: `saturate` (the default, as ONNX `Cast(saturate=1)` and
 * inference kernels do) clamps to ±max; otherwise e4m3 gives NaN and e5m2 gives ±∞ (IEEE-style overflow).
 */
import { BinaryFloatFormat, exponentOf, roundToPrecision } from "./floatFormats";
import { fail, requireBoolean, requireIntegerIn, requireOneOf, requireOptions } from "./validate";

export type Fp8Format = "e4m3" | "e5m2";

export interface Fp8FormatInfo extends BinaryFloatFormat {
  exponentBits: number;
  bias: number;
  minSubnormal: number;
  hasInfinity: boolean;
}

export const FP8_FORMATS: Readonly<Record<Fp8Format, Fp8FormatInfo>> = Object.freeze({
  e4m3: Object.freeze({
    exponentBits: 4,
    mantissaBits: 3,
    bias: 7,
    minNormalExponent: -6,
    maxFinite: 448,
    minSubnormal: 2 ** -9,
    hasInfinity: false,
  }),
  e5m2: Object.freeze({
    exponentBits: 5,
    mantissaBits: 2,
    bias: 15,
    minNormalExponent: -14,
    maxFinite: 57344,
    minSubnormal: 2 ** -16,
    hasInfinity: true,
  }),
});

const FORMAT_NAMES: readonly Fp8Format[] = ["e4m3", "e5m2"];

export interface Fp8Options {
  /** Clamp out-of-range values to ±max (default true); false: NaN for e4m3, ±∞ for e5m2. */
  saturate?: boolean;
}

function resolve(fn: string, x: unknown, format: unknown, options: unknown): { info: Fp8FormatInfo; saturate: boolean } {
  if (typeof x !== "number") fail(fn, `x must be a number, got ${typeof x}`);
  const name = requireOneOf(fn, "format", format, FORMAT_NAMES);
  const o = requireOptions<Fp8Options>(fn, "options", options);
  const saturate = o.saturate === undefined ? true : requireBoolean(fn, "options.saturate", o.saturate);
  return { info: FP8_FORMATS[name], saturate };
}

function overflow(negative: boolean, info: Fp8FormatInfo, saturate: boolean): number {
  if (saturate) return negative ? -info.maxFinite : info.maxFinite;
  if (!info.hasInfinity) return NaN;
  return negative ? -Infinity : Infinity;
}

function roundFp8(x: number, info: Fp8FormatInfo, saturate: boolean): number {
  if (Number.isNaN(x)) return NaN;
  if (!Number.isFinite(x)) return overflow(x < 0, info, saturate);
  const r = roundToPrecision(x, info);
  if (Math.abs(r) > info.maxFinite) return overflow(x < 0, info, saturate);
  return r;
}

/**
 * Rounds x to the nearest FP8 value (ties to even, subnormals included); see the module comment for the
 * formats and what happens out of range. NaN stays NaN and ±∞ is treated as out of range: these are the
 * only core functions that accept non-finite input, since representing them is part of the format.
 *
 * @param x any number
 * @param format `"e4m3"` (E4M3FN: max 448, no infinities) or `"e5m2"` (max 57344, has ±∞)
 * @param options `{ saturate = true }`
 * @returns the FP8 value as a number (−0 is kept)
 * @throws if format is unknown or the options are malformed
 * @example
 * fp8Round(0.3, "e4m3")                        // 0.3125
 * fp8Round(500, "e4m3")                        // 448
 * fp8Round(500, "e4m3", { saturate: false })   // NaN
 * fp8Round(70000, "e5m2", { saturate: false }) // Infinity
 * fp8Round(2 ** -10, "e4m3")                   // 0 (a tie between 0 and 2^-9; 0 is even)
 */
export function fp8Round(x: number, format: Fp8Format, options?: Fp8Options): number {
  const { info, saturate } = resolve("fp8Round", x, format, options);
  return roundFp8(x, info, saturate);
}

/**
 * Encodes x as an FP8 bit pattern (0..255; bit 7 is the sign): rounds as `fp8Round`, then packs
 * sign, biased exponent and mantissa. NaN encodes as 0x7F (0xFF when the overflow was negative).
 *
 * @param x any number
 * @param format `"e4m3"` or `"e5m2"`
 * @param options `{ saturate = true }`
 * @returns the bit pattern as an integer 0..255
 * @throws if format is unknown or the options are malformed
 * @example
 * fp8Encode(1, "e4m3")                  // 56 (0x38: exponent 7 = bias, mantissa 0)
 * fp8Encode(-448, "e4m3")               // 254 (0xFE)
 * fp8Encode(Infinity, "e5m2", { saturate: false })  // 124 (0x7C)
 */
export function fp8Encode(x: number, format: Fp8Format, options?: Fp8Options): number {
  const { info, saturate } = resolve("fp8Encode", x, format, options);
  const r = roundFp8(x, info, saturate);
  const sign = r < 0 || Object.is(r, -0) || (Number.isNaN(r) && x < 0) ? 0x80 : 0;
  const expMask = (1 << info.exponentBits) - 1;
  if (Number.isNaN(r)) return sign | 0x7f;
  if (!Number.isFinite(r)) return sign | (expMask << info.mantissaBits);
  const a = Math.abs(r);
  if (a === 0) return sign;
  const minNormal = 2 ** info.minNormalExponent;
  if (a < minNormal) return sign | (a / info.minSubnormal); // subnormal: exponent field 0
  const e = exponentOf(a);
  const mantissa = (a / 2 ** e - 1) * 2 ** info.mantissaBits;
  return sign | ((e + info.bias) << info.mantissaBits) | mantissa;
}

/**
 * Decodes an FP8 bit pattern:
 *   exponent field E = 0:  (−1)^S · (M / 2^m) · 2^(1 − bias)           (subnormal)
 *   otherwise:             (−1)^S · (1 + M / 2^m) · 2^(E − bias)
 *   e4m3: E = 15 and M = 7 is NaN;  e5m2: E = 31 is ±∞ (M = 0) or NaN.
 *
 * @param bits an integer 0..255
 * @param format `"e4m3"` or `"e5m2"`
 * @returns the value (NaN, ±∞ and −0 included)
 * @throws if bits is not an integer 0..255 or format is unknown
 * @example
 * fp8Decode(0x38, "e4m3")  // 1
 * fp8Decode(0x7e, "e4m3")  // 448
 * fp8Decode(0x7f, "e4m3")  // NaN
 * fp8Decode(0x01, "e5m2")  // 0.0000152587890625 (2^-16)
 */
export function fp8Decode(bits: number, format: Fp8Format): number {
  const fn = "fp8Decode";
  requireIntegerIn(fn, "bits", bits, 0, 255);
  const info = FP8_FORMATS[requireOneOf(fn, "format", format, FORMAT_NAMES)];
  const m = info.mantissaBits;
  const sign = bits & 0x80 ? -1 : 1;
  const exponentField = (bits >> m) & ((1 << info.exponentBits) - 1);
  const mantissa = bits & ((1 << m) - 1);
  const maxField = (1 << info.exponentBits) - 1;
  if (info.hasInfinity && exponentField === maxField) return mantissa === 0 ? sign * Infinity : NaN;
  if (!info.hasInfinity && exponentField === maxField && mantissa === (1 << m) - 1) return NaN;
  if (exponentField === 0) return sign * mantissa * info.minSubnormal;
  return sign * (1 + mantissa / 2 ** m) * 2 ** (exponentField - info.bias);
}
