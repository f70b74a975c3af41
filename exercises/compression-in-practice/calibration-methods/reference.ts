export function percentileThreshold(x: number[], p: number): number {
  const a = x.map(Math.abs).sort((u, v) => u - v);
  const h = ((a.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(a.length - 1, lo + 1);
  return a[lo] + (a[hi] - a[lo]) * (h - lo);
}

function divergence(counts: number[], i: number, levels: number): number {
  // P: the first i bins, the clipped tail folded into the last.
  const p = counts.slice(0, i);
  for (let b = i; b < counts.length; b++) p[i - 1] += counts[b];
  // Q: each chunk's original total spread over its bins where P > 0.
  const q = new Array<number>(i).fill(0);
  const size = Math.floor(i / levels);
  for (let j = 0; j < levels; j++) {
    const start = j * size;
    const stop = j === levels - 1 ? i : start + size;
    let total = 0;
    let nonzero = 0;
    for (let b = start; b < stop; b++) {
      total += counts[b];
      if (p[b] > 0) nonzero++;
    }
    for (let b = start; b < stop; b++) if (p[b] > 0 && nonzero > 0) q[b] = total / nonzero;
  }
  const pSum = p.reduce((s, v) => s + v, 0);
  const qSum = q.reduce((s, v) => s + v, 0);
  let kl = 0;
  for (let b = 0; b < i; b++) {
    if (p[b] === 0) continue;
    if (q[b] === 0) return Infinity;
    kl += (p[b] / pSum) * Math.log(p[b] / pSum / (q[b] / qSum));
  }
  return kl;
}

export function entropyThreshold(counts: number[], binWidth: number, levels: number) {
  const divergences: number[] = [];
  let bins = levels;
  for (let i = levels; i <= counts.length; i++) {
    divergences.push(divergence(counts, i, levels));
    // Strictly less: the first candidate of least divergence wins.
    if (divergences[i - levels] < divergences[bins - levels]) bins = i;
  }
  return { threshold: bins * binWidth, bins, divergences };
}

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  if (v - floor !== 0.5) return Math.round(v);
  return floor % 2 === 0 ? floor : floor + 1;
}

export function calibrationMse(x: number[], threshold: number, bits: number): number {
  const qmax = 2 ** (bits - 1) - 1;
  const scale = threshold / qmax;
  const squared = x.map((v) => (v - Math.min(qmax, Math.max(-qmax, roundHalfEven(v / scale))) * scale) ** 2);
  return squared.reduce((s, v) => s + v, 0) / x.length;
}

/** Hint 3 on the learner's own case. */
export function explainPercentileThreshold(x: number[], p: number): string[] {
  const a = x.map(Math.abs).sort((u, v) => u - v);
  const h = ((a.length - 1) * p) / 100;
  const lo = Math.floor(h);
  return [`${a.length} values; h = (${a.length} − 1) · ${p} / 100 = ${h}`, `between a[${lo}] = ${a[lo]} and a[${Math.min(a.length - 1, lo + 1)}] = ${a[Math.min(a.length - 1, lo + 1)]}: ${percentileThreshold(x, p)}`];
}

/** Hint 3 on the learner's own case. */
export function explainEntropyThreshold(counts: number[], binWidth: number, levels: number): string[] {
  const r = entropyThreshold(counts, binWidth, levels);
  const p = counts.slice(0, levels);
  for (let b = levels; b < counts.length; b++) p[levels - 1] += counts[b];
  return [`candidate i = ${levels}: P = ${p.join(", ")} (the tail folded into the last bin), KL = ${r.divergences[0]}`, `least KL ${Math.min(...r.divergences)} at i = ${r.bins}: threshold ${r.bins} · ${binWidth} = ${r.threshold}`];
}

/** Hint 3 on the learner's own case. */
export function explainCalibrationMse(x: number[], threshold: number, bits: number): string[] {
  const qmax = 2 ** (bits - 1) - 1;
  const scale = threshold / qmax;
  const code = Math.min(qmax, Math.max(-qmax, roundHalfEven(x[0] / scale)));
  return [`scale = ${threshold} / ${qmax} = ${scale}`, `x[0] = ${x[0]}: code ${code}, x̂ = ${code * scale}, squared error ${(x[0] - code * scale) ** 2}`, `mean over ${x.length} values: ${calibrationMse(x, threshold, bits)}`];
}
