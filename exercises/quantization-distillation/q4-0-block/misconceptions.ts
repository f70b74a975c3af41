/** Known-wrong variants of q4_0Quantize and q4_0Dequantize, each with the learner's signature. */

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const fraction = v - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

function signedExtreme(block: number[]): { amax: number; m: number } {
  let amax = 0;
  let m = 0;
  for (const x of block) {
    if (amax < Math.abs(x)) {
      amax = Math.abs(x);
      m = x;
    }
  }
  return { amax, m };
}

/** Symmetric int4 as in earlier exercises: d = max|x| / 7 and round(x / d) + 8, not llama.cpp's Q4_0. */
export function q4_0SymmetricAmaxOver7(block32: number[]): { d: number; q: number[] } {
  const { amax } = signedExtreme(block32);
  const d = amax / 7;
  if (d === 0) return { d, q: block32.map(() => 8) };
  return { d, q: block32.map((x) => Math.max(0, Math.min(15, roundHalfEven(x / d) + 8))) };
}

/** An unsigned scale d = max|x| / 8: right when the extreme is negative, mirrored and clamped when it is positive. */
export function q4_0UnsignedScale(block32: number[]): { d: number; q: number[] } {
  const { amax } = signedExtreme(block32);
  const d = amax / 8;
  if (d === 0) return { d, q: block32.map(() => 8) };
  return { d, q: block32.map((x) => Math.min(15, Math.trunc(x / d + 8.5))) };
}

/** Round half to even instead of trunc(v + 8.5), which rounds ties up (0.5 → 1, -1.5 → -1). */
export function q4_0HalfEven(block32: number[]): { d: number; q: number[] } {
  const { m } = signedExtreme(block32);
  const d = m / -8 + 0;
  if (d === 0) return { d, q: block32.map(() => 8) };
  return { d, q: block32.map((x) => Math.min(15, roundHalfEven(x / d) + 8)) };
}

/** No MIN(15, …): the value −m gets code 16, which does not fit in 4 bits. */
export function q4_0NoClamp(block32: number[]): { d: number; q: number[] } {
  const { m } = signedExtreme(block32);
  const d = m / -8 + 0;
  if (d === 0) return { d, q: block32.map(() => 8) };
  return { d, q: block32.map((x) => Math.trunc(x / d + 8.5)) };
}

/** The offset of 8 not removed: x_hat = q · d. */
export function q4_0DequantizeNoOffset(d: number, q: number[]): number[] {
  return q.map((code) => code * d);
}

/** The offset subtracted the wrong way round: x_hat = (8 − q) · d. */
export function q4_0DequantizeFlipped(d: number, q: number[]): number[] {
  return q.map((code) => (8 - code) * d);
}

/** `<=` instead of `<`: when two values share the largest magnitude the last one wins, and with it the scale's sign. */
export function q4_0LastExtremeOnTie(block32: number[]): { d: number; q: number[] } {
  let amax = 0;
  let m = 0;
  for (const x of block32) {
    if (amax <= Math.abs(x)) {
      amax = Math.abs(x);
      m = x;
    }
  }
  const d = m / -8 + 0;
  if (d === 0) return { d, q: block32.map(() => 8) };
  return { d, q: block32.map((x) => Math.min(15, Math.trunc(x / d + 8.5))) };
}
