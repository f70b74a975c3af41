function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const fraction = v - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** The exponent e with 2^e ≤ a < 2^(e+1); Math.log2 can be off by one just below a power of two, so correct it. */
function binade(a: number): number {
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e -= 1;
  if (2 ** (e + 1) <= a) e += 1;
  return e;
}

/**
 * Nearest value with `mantissaBits` bits of mantissa, subnormals below 2^minNormalExponent, ties to even
 * (a / step counts levels from 0, so an even count is an even mantissa), saturating at ±maxFinite.
 */
function roundToFloat(x: number, mantissaBits: number, minNormalExponent: number, maxFinite: number): number {
  const a = Math.abs(x);
  if (a === 0) return 0;
  const e = Math.max(binade(a), minNormalExponent);
  const step = 2 ** (e - mantissaBits);
  const r = Math.min(roundHalfEven(a / step) * step, maxFinite);
  return x < 0 ? -r : r;
}

export function fp8E4M3(x: number): number {
  return roundToFloat(x, 3, -6, 448);
}

export function fp8E5M2(x: number): number {
  return roundToFloat(x, 2, -14, 57344);
}

function explainFloat(x: number, mantissaBits: number, minNormalExponent: number, maxFinite: number, result: number): string[] {
  const a = Math.abs(x);
  if (a === 0) return ["0 is exact"];
  const e = Math.max(binade(a), minNormalExponent);
  const step = 2 ** (e - mantissaBits);
  return [
    `|x| = ${a} lies in [2^${binade(a)}, 2^${binade(a) + 1})${e > binade(a) ? `, below the smallest normal: use 2^${e} (subnormal spacing)` : ""}`,
    `spacing there: 2^(${e} − ${mantissaBits}) = ${step}; |x| / spacing = ${a / step}, half to even: ${roundHalfEven(a / step)}`,
    `${roundHalfEven(a / step)} · ${step} = ${roundHalfEven(a / step) * step}${roundHalfEven(a / step) * step > maxFinite ? `, above the largest finite: saturate to ${maxFinite}` : ""}; with the sign: ${result}`,
  ];
}

/** Hint 3 on the learner's own case. */
export function explainFp8E4M3(x: number): string[] {
  return explainFloat(x, 3, -6, 448, fp8E4M3(x));
}

/** Hint 3 on the learner's own case. */
export function explainFp8E5M2(x: number): string[] {
  return explainFloat(x, 2, -14, 57344, fp8E5M2(x));
}
