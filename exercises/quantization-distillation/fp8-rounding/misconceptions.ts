/** Known-wrong variants of fp8E4M3 and fp8E5M2, each with the learner's signature. */

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const fraction = v - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

function binade(a: number): number {
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e -= 1;
  if (2 ** (e + 1) <= a) e += 1;
  return e;
}

interface Variant {
  round: (v: number) => number;
  flushSubnormals: boolean;
}

function roundTo(x: number, mantissaBits: number, minNormalExponent: number, maxFinite: number, variant: Variant): number {
  const a = Math.abs(x);
  if (a === 0) return 0;
  if (variant.flushSubnormals && a < 2 ** minNormalExponent) return 0;
  const e = Math.max(binade(a), minNormalExponent);
  const step = 2 ** (e - mantissaBits);
  const r = Math.min(variant.round(a / step) * step, maxFinite);
  return x < 0 ? -r : r;
}

const correct: Variant = { round: roundHalfEven, flushSubnormals: false };
/** On |x| the tie rule "half up" is the same as half away from zero. */
const halfAway: Variant = { round: (v) => Math.floor(v + 0.5), flushSubnormals: false };
const flush: Variant = { round: roundHalfEven, flushSubnormals: true };

/** Values below the smallest normal 2^-6 flushed to zero: E4M3 has subnormals down to 2^-9. */
export function e4m3FlushSubnormals(x: number): number {
  return roundTo(x, 3, -6, 448, flush);
}

/** Ties rounded away from zero instead of to the even mantissa (1.0625 → 1.125 instead of 1). */
export function e4m3TiesAway(x: number): number {
  return roundTo(x, 3, -6, 448, halfAway);
}

/** IEEE-style E4M3 with infinities, whose largest finite value is 240, instead of E4M3FN's 448. */
export function e4m3Max240(x: number): number {
  return roundTo(x, 3, -6, 240, correct);
}

/** Truncated toward zero instead of rounded to nearest. */
export function e4m3Truncate(x: number): number {
  return roundTo(x, 3, -6, 448, { round: Math.floor, flushSubnormals: false });
}

/** Values below the smallest normal 2^-14 flushed to zero: E5M2 has subnormals down to 2^-16. */
export function e5m2FlushSubnormals(x: number): number {
  return roundTo(x, 2, -14, 57344, flush);
}

/** Ties rounded away from zero instead of to the even mantissa (1.125 → 1.25 instead of 1). */
export function e5m2TiesAway(x: number): number {
  return roundTo(x, 2, -14, 57344, halfAway);
}

/** E4M3's grid (3 mantissa bits, max 448) used for E5M2. */
export function e5m2WithE4M3Grid(x: number): number {
  return roundTo(x, 3, -6, 448, correct);
}

/** A bare, non-saturating cast: E4M3FN has no infinity, so what rounds above 448 becomes NaN (as torch's `.to(torch.float8_e4m3fn)` does). */
export function e4m3NotSaturating(x: number): number {
  const r = roundTo(x, 3, -6, Infinity, { round: roundHalfEven, flushSubnormals: false });
  return Math.abs(r) > 448 ? NaN : r;
}

/** A bare, non-saturating cast: what rounds above 57344 becomes ±Infinity, as an IEEE-style E5M2 does. */
export function e5m2NotSaturating(x: number): number {
  const r = roundTo(x, 2, -14, Infinity, { round: roundHalfEven, flushSubnormals: false });
  return Math.abs(r) > 57344 ? (x < 0 ? -Infinity : Infinity) : r;
}
