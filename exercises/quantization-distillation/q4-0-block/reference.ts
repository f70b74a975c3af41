export function q4_0Quantize(block32: number[]): { d: number; q: number[] } {
  // The signed value of largest magnitude; a strict `<` keeps the first one when magnitudes tie, as llama.cpp does.
  let amax = 0;
  let m = 0;
  for (const x of block32) {
    if (amax < Math.abs(x)) {
      amax = Math.abs(x);
      m = x;
    }
  }
  // m / −8 sends m to code 0 (level −8), the level that only the negative side has. `+ 0` turns −0 into 0.
  const d = m / -8 + 0;
  if (d === 0) return { d, q: block32.map(() => 8) };
  // x / d ∈ [−8, 8], so x / d + 8.5 > 0 and trunc is floor: round half up, then offset by 8.
  return { d, q: block32.map((x) => Math.min(15, Math.trunc(x / d + 8.5))) };
}

export function q4_0Dequantize(d: number, q: number[]): number[] {
  return q.map((code) => (code - 8) * d);
}

/** Hint 3 on the learner's own case: the signed extreme, the scale, the first codes. */
export function explainQ4_0Quantize(block32: number[]): string[] {
  const { d, q } = q4_0Quantize(block32);
  const first = block32.findIndex((x) => Math.abs(x) === Math.max(...block32.map(Math.abs)));
  const lines = [`largest magnitude: x[${first}] = ${block32[first]} (the first of equal magnitudes, sign kept)`, `d = ${block32[first]} / −8 = ${d}`];
  if (d !== 0) for (const j of [0, 1, 2]) lines.push(`x[${j}] = ${block32[j]}: x / d + 8.5 = ${block32[j] / d + 8.5} → trunc, at most 15: ${q[j]}`);
  return lines;
}

/** Hint 3 on the learner's own case. */
export function explainQ4_0Dequantize(d: number, q: number[]): string[] {
  return [0, 1, 2].map((j) => `(${q[j]} − 8) · ${d} = ${(q[j] - 8) * d}`);
}
