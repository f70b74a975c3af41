/** Integer ranges of quantized types. */
import { fail, requireBits, requireBoolean } from "./validate";

export interface IntegerRange {
  qmin: number;
  qmax: number;
}

/**
 * The integer range of a `bits`-wide type.
 *
 *   signed: [−2^(b−1), 2^(b−1) − 1];  signed narrow: [−2^(b−1) + 1, 2^(b−1) − 1] (symmetric about 0)
 *   unsigned: [0, 2^b − 1];           unsigned narrow: [1, 2^b − 1] (TensorFlow's `narrow_range`)
 *
 * @param bits bit width, 1..32 (narrow needs ≥ 2)
 * @param signed two's-complement signed or unsigned
 * @param narrow drop the most negative (signed) or zero (unsigned) code; default false
 * @returns `{ qmin, qmax }`
 * @throws if `bits` is not an integer in 1..32, or `narrow` with 1 bit (the range would be a single value)
 * @example
 * integerRange(8, true)        // { qmin: -128, qmax: 127 }
 * integerRange(8, true, true)  // { qmin: -127, qmax: 127 }
 * integerRange(4, true)        // { qmin: -8, qmax: 7 }
 * integerRange(8, false)       // { qmin: 0, qmax: 255 }
 */
export function integerRange(bits: number, signed: boolean, narrow = false): IntegerRange {
  requireBits("integerRange", bits);
  requireBoolean("integerRange", "signed", signed);
  requireBoolean("integerRange", "narrow", narrow);
  if (narrow && bits < 2) fail("integerRange", "a narrow range needs bits ≥ 2 (1 bit would leave a single code)");
  if (signed) {
    const half = 2 ** (bits - 1);
    return { qmin: -half + (narrow ? 1 : 0), qmax: half - 1 };
  }
  return { qmin: narrow ? 1 : 0, qmax: 2 ** bits - 1 };
}

/** Validates an `{ qmin, qmax }` argument: integers with qmin < qmax. */
export function requireRange(fn: string, value: unknown, name = "range"): IntegerRange {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    fail(fn, `${name} must be an object { qmin, qmax } (see integerRange), got ${value === null ? "null" : typeof value}`);
  }
  const { qmin, qmax } = value as Partial<IntegerRange>;
  if (typeof qmin !== "number" || !Number.isSafeInteger(qmin)) fail(fn, `${name}.qmin must be an integer, got ${String(qmin)}`);
  if (typeof qmax !== "number" || !Number.isSafeInteger(qmax)) fail(fn, `${name}.qmax must be an integer, got ${String(qmax)}`);
  if (qmin >= qmax) fail(fn, `${name}.qmin (${qmin}) must be less than ${name}.qmax (${qmax})`);
  return { qmin, qmax };
}
