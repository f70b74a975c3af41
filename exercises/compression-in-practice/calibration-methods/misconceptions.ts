/** Known-wrong variants of the calibration functions, each with the learner's signature. */

/** The nearest-rank percentile a[⌈p/100 · n⌉ − 1], not numpy's linear interpolation. */
export function percentileNearestRank(x: number[], p: number): number {
  const a = x.map(Math.abs).sort((u, v) => u - v);
  return a[Math.max(0, Math.ceil((p / 100) * a.length) - 1)];
}

/** The percentile of the signed values, not of |x|: the negative tail is ignored. */
export function percentileSigned(x: number[], p: number): number {
  const a = [...x].sort((u, v) => u - v);
  const h = ((a.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(a.length - 1, lo + 1);
  return a[lo] + (a[hi] - a[lo]) * (h - lo);
}

/** The position n · p / 100 instead of (n − 1) · p / 100. */
export function percentilePositionTimesN(x: number[], p: number): number {
  const a = x.map(Math.abs).sort((u, v) => u - v);
  const h = Math.min(a.length - 1, (a.length * p) / 100);
  const lo = Math.floor(h);
  const hi = Math.min(a.length - 1, lo + 1);
  return a[lo] + (a[hi] - a[lo]) * (h - lo);
}

interface Variant {
  foldTail: boolean;
  qFromP: boolean;
  spreadOverAll: boolean;
  edge: (i: number, w: number) => number;
}

function kl(counts: number[], i: number, levels: number, o: Variant): number {
  const p = counts.slice(0, i);
  if (o.foldTail) for (let b = i; b < counts.length; b++) p[i - 1] += counts[b];
  const source = o.qFromP ? p : counts;
  const q = new Array<number>(i).fill(0);
  const size = Math.floor(i / levels);
  for (let j = 0; j < levels; j++) {
    const start = j * size;
    const stop = j === levels - 1 ? i : start + size;
    let total = 0;
    let nonzero = 0;
    for (let b = start; b < stop; b++) {
      total += source[b];
      if (o.spreadOverAll || p[b] > 0) nonzero++;
    }
    for (let b = start; b < stop; b++) if ((o.spreadOverAll || p[b] > 0) && nonzero > 0) q[b] = total / nonzero;
  }
  const pSum = p.reduce((s, v) => s + v, 0);
  const qSum = q.reduce((s, v) => s + v, 0);
  if (pSum === 0) return Infinity;
  let d = 0;
  for (let b = 0; b < i; b++) {
    if (p[b] === 0) continue;
    if (q[b] === 0) return Infinity;
    d += (p[b] / pSum) * Math.log(p[b] / pSum / (q[b] / qSum));
  }
  return d;
}

function search(counts: number[], binWidth: number, levels: number, o: Variant) {
  const divergences: number[] = [];
  let bins = levels;
  for (let i = levels; i <= counts.length; i++) {
    divergences.push(kl(counts, i, levels, o));
    if (divergences[i - levels] < divergences[bins - levels]) bins = i;
  }
  return { threshold: o.edge(bins, binWidth), bins, divergences };
}

const right: Variant = { foldTail: true, qFromP: false, spreadOverAll: false, edge: (i, w) => i * w };

/** Q built from P, the folded tail included: the quantizer is credited with mass it clips. */
export function entropyQWithTail(counts: number[], binWidth: number, levels: number) {
  return search(counts, binWidth, levels, { ...right, qFromP: true });
}

/** The tail beyond the candidate dropped instead of folded into P's last bin. */
export function entropyTailDropped(counts: number[], binWidth: number, levels: number) {
  return search(counts, binWidth, levels, { ...right, foldTail: false });
}

/** Each chunk's total spread over all its bins, empty ones included. */
export function entropySpreadOverAll(counts: number[], binWidth: number, levels: number) {
  return search(counts, binWidth, levels, { ...right, spreadOverAll: true });
}

/** The threshold at the centre of the last kept bin, (i − ½) · w, instead of its upper edge i · w. */
export function entropyBinCentre(counts: number[], binWidth: number, levels: number) {
  return search(counts, binWidth, levels, { ...right, edge: (i, w) => (i - 0.5) * w });
}

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  if (v - floor !== 0.5) return Math.round(v);
  return floor % 2 === 0 ? floor : floor + 1;
}

function mse(x: number[], scale: number, qmax: number, clamp: boolean): number {
  const sq = x.map((v) => {
    const code = roundHalfEven(v / scale);
    return (v - (clamp ? Math.min(qmax, Math.max(-qmax, code)) : code) * scale) ** 2;
  });
  return sq.reduce((s, v) => s + v, 0) / x.length;
}

/** The scale T / 2^(b−1) (128 for int8): the threshold lands between codes. */
export function mseScaleOver128(x: number[], threshold: number, bits: number): number {
  return mse(x, threshold / 2 ** (bits - 1), 2 ** (bits - 1) - 1, true);
}

/** No clamp: values beyond the threshold keep codes beyond ±127, so clipping costs nothing. */
export function mseNoClamp(x: number[], threshold: number, bits: number): number {
  return mse(x, threshold / (2 ** (bits - 1) - 1), 2 ** (bits - 1) - 1, false);
}

/** The root of the mean squared error. */
export function mseRoot(x: number[], threshold: number, bits: number): number {
  return Math.sqrt(mse(x, threshold / (2 ** (bits - 1) - 1), 2 ** (bits - 1) - 1, true));
}
