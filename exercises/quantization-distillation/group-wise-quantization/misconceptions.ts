/** Known-wrong variants of groupQuantize and bitsPerWeight, each with the learner's signature. */

const MIN_SCALE = 2 ** -23;

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const fraction = v - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

function quantizeGroups(w: number[], groupSize: number, bits: number, divisor: number, round: (v: number) => number): { q: number[]; scales: number[] } {
  const qpos = 2 ** (bits - 1) - 1;
  const q: number[] = [];
  const scales: number[] = [];
  for (let start = 0; start < w.length; start += groupSize) {
    const group = w.slice(start, start + groupSize);
    const scale = Math.max(group.reduce((m, v) => Math.max(m, Math.abs(v)), 0) / divisor, MIN_SCALE);
    scales.push(scale);
    for (const v of group) q.push(Math.min(qpos, Math.max(-qpos - 1, round(v / scale))) + 0);
  }
  return { q, scales };
}

/** One scale for the whole vector: per-tensor quantization, not group-wise. */
export function groupQuantizeOneScale(w: number[], groupSize: number, bits: number): { q: number[]; scales: number[] } {
  return quantizeGroups(w, Math.max(1, w.length), bits, 2 ** (bits - 1) - 1, roundHalfEven);
}

/** Divided by 2^(bits−1) (8 for 4 bits) instead of 2^(bits−1) − 1 (7): the largest weight lands on code 8 and is clamped. */
export function groupQuantizeDivideByPowerOfTwo(w: number[], groupSize: number, bits: number): { q: number[]; scales: number[] } {
  return quantizeGroups(w, groupSize, bits, 2 ** (bits - 1), roundHalfEven);
}

/** Math.round: ties toward +∞ (0.5 → 1) instead of to even (0.5 → 0). */
export function groupQuantizeMathRound(w: number[], groupSize: number, bits: number): { q: number[]; scales: number[] } {
  return quantizeGroups(w, groupSize, bits, 2 ** (bits - 1) - 1, Math.round);
}

/** The scale's storage ignored: exactly the code's bits. */
export function bitsPerWeightNoOverhead(bits: number, groupSize: number, scaleBits: number): number {
  return bits;
}

/** The scale counted in bytes instead of bits: 16 / 8 / 128 = 0.015625 instead of 0.125. */
export function bitsPerWeightScaleInBytes(bits: number, groupSize: number, scaleBits: number): number {
  return bits + scaleBits / 8 / groupSize;
}

/** Bits per group, not per weight: bits · groupSize + scaleBits, without dividing by the group size. */
export function bitsPerWeightPerGroup(bits: number, groupSize: number, scaleBits: number): number {
  return bits * groupSize + scaleBits;
}

/** Only whole groups: a last group shorter than groupSize is dropped (its weights get no codes and no scale). */
export function groupQuantizeDropsShortLastGroup(w: number[], groupSize: number, bits: number): { q: number[]; scales: number[] } {
  const whole = w.slice(0, Math.floor(w.length / groupSize) * groupSize);
  return quantizeGroups(whole, groupSize, bits, 2 ** (bits - 1) - 1, roundHalfEven);
}
