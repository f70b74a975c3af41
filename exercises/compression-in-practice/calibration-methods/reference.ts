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
