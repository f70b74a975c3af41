/** Known-wrong variants of nmMask and pruningReport, each with the learner's signature. */

function rankedIndices(w: number[], from: number, to: number, key: (x: number) => number, lowerFirst = true): number[] {
  const idx: number[] = [];
  for (let i = from; i < to; i++) idx.push(i);
  return idx.sort((a, b) => key(w[b]) - key(w[a]) || (lowerFirst ? a - b : b - a));
}

function groupMask(w: number[], n: number, m: number, key: (x: number) => number, lowerFirst = true): number[] {
  const mask = w.map(() => 0);
  for (let start = 0; start < w.length; start += m) {
    for (const i of rankedIndices(w, start, start + m, key, lowerFirst).slice(0, n)) mask[i] = 1;
  }
  return mask;
}

const magnitude = (x: number) => Math.abs(x);

/** Keeps the largest signed values: large negative weights are pruned. */
export function nmMaskSigned(w: number[], n: number, m: number): number[] {
  return groupMask(w, n, m, (x) => x);
}

/** Among equal magnitudes keeps the higher index. */
export function nmMaskTieLast(w: number[], n: number, m: number): number[] {
  return groupMask(w, n, m, magnitude, false);
}

/** Keeps the len · n / m largest magnitudes of the whole row: unstructured, not N:M. */
export function nmMaskGlobal(w: number[], n: number, m: number): number[] {
  const mask = w.map(() => 0);
  for (const i of rankedIndices(w, 0, w.length, magnitude).slice(0, (w.length / m) * n)) mask[i] = 1;
  return mask;
}

/** Marks the pruned weights with 1 instead of the kept ones. */
export function nmMaskInverted(w: number[], n: number, m: number): number[] {
  return groupMask(w, n, m, magnitude).map((k) => 1 - k);
}

/** Groups taken with a stride (i, i + len/m, i + 2·len/m, …) instead of m consecutive weights. */
export function nmMaskStrided(w: number[], n: number, m: number): number[] {
  const groups = w.length / m;
  const mask = w.map(() => 0);
  for (let g = 0; g < groups; g++) {
    const members = Array.from({ length: m }, (_, k) => g + k * groups);
    members.sort((a, b) => Math.abs(w[b]) - Math.abs(w[a]) || a - b);
    for (const i of members.slice(0, n)) mask[i] = 1;
  }
  return mask;
}

function report(w: number[], n: number, m: number, valueBits: number, metadata: number, mean: boolean) {
  const nm = groupMask(w, n, m, magnitude);
  const un = nmMaskGlobal(w, n, m);
  const energy = (mask: number[]) => w.reduce((s, x, i) => (mask[i] === 0 ? s + x * x : s), 0) / (mean ? w.length : 1);
  return { keptFraction: n / m, metadataBitsPerWeight: metadata, storedBitsPerWeight: (valueBits * n) / m + metadata, nmError: energy(nm), unstructuredError: energy(un) };
}

/** One index of ⌈log₂ M⌉ bits per group instead of one per kept value. */
export function reportIndexPerGroup(w: number[], n: number, m: number, valueBits: number) {
  return report(w, n, m, valueBits, Math.ceil(Math.log2(m)) / m, false);
}

/** The kept values counted, their positions forgotten: no metadata. */
export function reportNoMetadata(w: number[], n: number, m: number, valueBits: number) {
  return report(w, n, m, valueBits, 0, false);
}

/** Errors as a mean over the row (an MSE) instead of the squared error. */
export function reportMeanError(w: number[], n: number, m: number, valueBits: number) {
  return report(w, n, m, valueBits, (n * Math.ceil(Math.log2(m))) / m, true);
}

/** The unstructured error computed with the N:M mask again. */
export function reportUnstructuredPerGroup(w: number[], n: number, m: number, valueBits: number) {
  const r = report(w, n, m, valueBits, (n * Math.ceil(Math.log2(m))) / m, false);
  return { ...r, unstructuredError: r.nmError };
}
