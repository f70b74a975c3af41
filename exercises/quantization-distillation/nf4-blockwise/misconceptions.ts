/** Known-wrong variants of nf4Quantize and nf4Dequantize, each with the learner's signature. */

const NF4: number[] = [
  -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635, -0.18477343022823334,
  -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
  0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
];

function nearest(v: number, keepUpperOnTie: boolean): number {
  let best = 0;
  for (let c = 1; c < NF4.length; c++) {
    const d = Math.abs(v - NF4[c]);
    const b = Math.abs(v - NF4[best]);
    if (d < b || (keepUpperOnTie && d === b)) best = c;
  }
  return best;
}

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const fraction = v - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

const absmaxOf = (block: number[]) => block.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

/** 16 evenly spaced levels over [-1, 1] (plain int4) instead of NF4's normal quantiles. */
export function nf4UniformGrid(block: number[]): { codes: number[]; absmax: number } {
  const absmax = absmaxOf(block);
  if (absmax === 0) return { codes: block.map(() => 7), absmax: 0 };
  return { codes: block.map((v) => roundHalfEven((v / absmax + 1) * 7.5)), absmax };
}

/** The block's largest value instead of its largest magnitude: a negative extreme falls below -1 and every level shifts. */
export function nf4MaxNotAbsmax(block: number[]): { codes: number[]; absmax: number } {
  const max = block.reduce((m, v) => Math.max(m, v), -Infinity);
  if (max <= 0) return { codes: block.map(() => 7), absmax: max };
  return { codes: block.map((v) => nearest(v / max, false)), absmax: max };
}

/** The upper code wins an exact tie (`<=`); bitsandbytes keeps the lower one. */
export function nf4UpperOnTie(block: number[]): { codes: number[]; absmax: number } {
  const absmax = absmaxOf(block);
  if (absmax === 0) return { codes: block.map(() => 7), absmax: 0 };
  return { codes: block.map((v) => nearest(v / absmax, true)), absmax };
}

/** The NF4 level values returned as codes, instead of their indices 0..15. */
export function nf4LevelsNotIndices(block: number[]): { codes: number[]; absmax: number } {
  const absmax = absmaxOf(block);
  if (absmax === 0) return { codes: block.map(() => 0), absmax: 0 };
  return { codes: block.map((v) => NF4[nearest(v / absmax, false)]), absmax };
}

/** The levels returned without scaling back by absmax. */
export function nf4DequantizeNotScaled(codes: number[], absmax: number): number[] {
  return codes.map((c) => NF4[c]);
}

/** Divided by absmax instead of multiplied. */
export function nf4DequantizeDivided(codes: number[], absmax: number): number[] {
  return codes.map((c) => NF4[c] / absmax);
}
