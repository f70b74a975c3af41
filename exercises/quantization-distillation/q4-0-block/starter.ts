/**
 * llama.cpp Q4_0 for one block of 32 values: m = the value of largest magnitude (sign kept, first on ties),
 * d = m / −8, q_j = min(15, trunc(x_j / d + 8.5)); an all-zero block has d = 0 and every code 8.
 */
export function q4_0Quantize(block32: number[]): { d: number; q: number[] } {
  // TODO: this symmetric int4 version is not Q4_0: find the signed extreme, divide it by −8, and use trunc(v + 8.5).
  const amax = block32.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const d = amax / 7;
  return { d, q: block32.map((x) => Math.max(0, Math.min(15, Math.round(x / d) + 8))) };
}

/** x_hat_j = (q_j − 8) · d. */
export function q4_0Dequantize(d: number, q: number[]): number[] {
  // TODO: the codes are stored with an offset of 8.
  throw new Error("Not implemented yet: q4_0Dequantize(d, q)");
}
