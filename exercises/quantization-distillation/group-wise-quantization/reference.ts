/** float32 epsilon: the smallest scale, so an all-zero group does not divide by zero. */
const MIN_SCALE = 2 ** -23;

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const fraction = v - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

export function groupQuantize(w: number[], groupSize: number, bits: number): { q: number[]; scales: number[] } {
  const qpos = 2 ** (bits - 1) - 1;
  const qneg = -(2 ** (bits - 1));
  const q: number[] = [];
  const scales: number[] = [];
  for (let start = 0; start < w.length; start += groupSize) {
    const group = w.slice(start, start + groupSize); // the last group may be shorter
    const maxAbs = group.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    const scale = Math.max(maxAbs / qpos, MIN_SCALE);
    scales.push(scale);
    for (const v of group) q.push(Math.min(qpos, Math.max(qneg, roundHalfEven(v / scale))) + 0);
  }
  return { q, scales };
}

export function bitsPerWeight(bits: number, groupSize: number, scaleBits: number): number {
  // Each group stores its scale once; spread over the group's weights.
  return bits + scaleBits / groupSize;
}

/** Hint 3 on the learner's own case: one line per group. */
export function explainGroupQuantize(w: number[], groupSize: number, bits: number): string[] {
  const qpos = 2 ** (bits - 1) - 1;
  const lines = [`${w.length} weights in groups of ${groupSize}: ${Math.ceil(w.length / groupSize)} groups (the last has ${w.length - (Math.ceil(w.length / groupSize) - 1) * groupSize})`];
  const { q, scales } = groupQuantize(w, groupSize, bits);
  scales.slice(0, 6).forEach((scale, g) => {
    const codes = q.slice(g * groupSize, Math.min(w.length, (g + 1) * groupSize));
    lines.push(`group ${g}: scale = max|w| / ${qpos} = ${scale}; codes ${codes.length > 8 ? `${codes.slice(0, 8).join(", ")}, …` : codes.join(", ")}`);
  });
  if (scales.length > 6) lines.push(`… ${scales.length - 6} more groups`);
  return lines;
}

/** Hint 3 on the learner's own case. */
export function explainBitsPerWeight(bits: number, groupSize: number, scaleBits: number): string[] {
  return [`each weight: ${bits} bits; each group's ${scaleBits}-bit scale is shared by ${groupSize} weights: ${scaleBits} / ${groupSize} = ${scaleBits / groupSize}`, `total ${bits + scaleBits / groupSize} bits per weight`];
}
