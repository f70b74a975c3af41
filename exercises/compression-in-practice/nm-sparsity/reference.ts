/** Indices from..to−1 by descending |w|, the lower index first among equal magnitudes. */
function byMagnitude(w: number[], from: number, to: number): number[] {
  const idx: number[] = [];
  for (let i = from; i < to; i++) idx.push(i);
  return idx.sort((a, b) => Math.abs(w[b]) - Math.abs(w[a]) || a - b);
}

export function nmMask(w: number[], n: number, m: number): number[] {
  const mask = w.map(() => 0);
  for (let start = 0; start < w.length; start += m) {
    for (const i of byMagnitude(w, start, start + m).slice(0, n)) mask[i] = 1;
  }
  return mask;
}

function prunedEnergy(w: number[], mask: number[]): number {
  return w.reduce((sum, x, i) => (mask[i] === 0 ? sum + x * x : sum), 0);
}

export function pruningReport(w: number[], n: number, m: number, valueBits: number) {
  const unstructured = w.map(() => 0);
  for (const i of byMagnitude(w, 0, w.length).slice(0, (w.length / m) * n)) unstructured[i] = 1;
  // One position index of ⌈log₂ M⌉ bits per kept value.
  const metadataBitsPerWeight = (n * Math.ceil(Math.log2(m))) / m;
  return {
    keptFraction: n / m,
    metadataBitsPerWeight,
    storedBitsPerWeight: (valueBits * n) / m + metadataBitsPerWeight,
    nmError: prunedEnergy(w, nmMask(w, n, m)),
    unstructuredError: prunedEnergy(w, unstructured),
  };
}

/** Hint 3 on the learner's own case. */
export function explainNmMask(w: number[], n: number, m: number): string[] {
  const group = w.slice(0, m);
  const kept = byMagnitude(w, 0, m).slice(0, n);
  return [`first group: ${group.join(", ")}; magnitudes ${group.map(Math.abs).join(", ")}`, `keep the ${n} largest magnitudes (lower index on ties): indices ${kept.join(", ")}`, `mask of the group: ${nmMask(w, n, m).slice(0, m).join(", ")}`];
}

/** Hint 3 on the learner's own case. */
export function explainPruningReport(w: number[], n: number, m: number, valueBits: number): string[] {
  const r = pruningReport(w, n, m, valueBits);
  return [
    `kept fraction ${n} / ${m} = ${r.keptFraction}; metadata ${n} · ⌈log₂ ${m}⌉ / ${m} = ${r.metadataBitsPerWeight} bits per weight`,
    `stored: ${valueBits} · ${n} / ${m} + ${r.metadataBitsPerWeight} = ${r.storedBitsPerWeight} bits per weight`,
    `N:M error (Σ of the pruned w²) ${r.nmError}; unstructured, keeping ${(w.length / m) * n} anywhere: ${r.unstructuredError}`,
  ];
}
