/** bitsandbytes' NF4 levels (get_4bit_type("nf4")), codes 0..15. Code 7 is exactly 0. */
export const NF4: number[] = [
  -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635, -0.18477343022823334,
  -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
  0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
];

const ZERO_CODE = 7;

/** Index of the nearest level; scanning upward with a strict `<` keeps the lower code on an exact tie. */
function nearestCode(v: number): number {
  let best = 0;
  for (let c = 1; c < NF4.length; c++) {
    if (Math.abs(v - NF4[c]) < Math.abs(v - NF4[best])) best = c;
  }
  return best;
}

export function nf4Quantize(block: number[]): { codes: number[]; absmax: number } {
  const absmax = block.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  // An all-zero block would divide 0 by 0; code 7 is the exact zero.
  if (absmax === 0) return { codes: block.map(() => ZERO_CODE), absmax: 0 };
  return { codes: block.map((v) => nearestCode(v / absmax)), absmax };
}

export function nf4Dequantize(codes: number[], absmax: number): number[] {
  return codes.map((c) => NF4[c] * absmax);
}

/** Hint 3 on the learner's own case: absmax, then the nearest level for the first values. */
export function explainNf4Quantize(block: number[]): string[] {
  const { codes, absmax } = nf4Quantize(block);
  const lines = [`absmax = max |x| = ${absmax}`];
  if (absmax === 0) return [...lines, "an all-zero block: every code is 7, the exact zero"];
  for (const j of [0, 1, 2].filter((j) => j < block.length)) lines.push(`x[${j}] / absmax = ${block[j] / absmax}: nearest level NF4[${codes[j]}] = ${NF4[codes[j]]}`);
  return lines;
}

/** Hint 3 on the learner's own case. */
export function explainNf4Dequantize(codes: number[], absmax: number): string[] {
  return codes.slice(0, 3).map((c) => `NF4[${c}] · ${absmax} = ${NF4[c]} · ${absmax} = ${NF4[c] * absmax}`);
}
