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
