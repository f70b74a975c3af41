/** Known-wrong variants of clipMse and clipSearch, each with the learner's signature. */

// Looked up once: the inner loops run (weights × clips) times.
const { floor, min, max } = Math;

function roundHalfEven(v: number): number {
  const f = floor(v);
  const fraction = v - f;
  if (fraction < 0.5) return f;
  if (fraction > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

function mseWith(w: number[], scale: number, lo: number, hi: number): number {
  let sum = 0;
  for (const v of w) {
    const err = v - scale * min(hi, max(lo, roundHalfEven(v / scale)));
    sum += err * err;
  }
  return sum / w.length;
}

const qposOf = (bits: number) => 2 ** (bits - 1) - 1;

/** No clamp: clipped weights keep codes outside the range, so only rounding error is measured. */
export function clipMseNoClamp(w: number[], clip: number, bits: number): number {
  return mseWith(w, clip / qposOf(bits), -Infinity, Infinity);
}

/** Narrow clamp [−qpos, qpos] (e.g. [-7, 7]): the extra negative code of a signed range is lost. */
export function clipMseNarrowRange(w: number[], clip: number, bits: number): number {
  return mseWith(w, clip / qposOf(bits), -qposOf(bits), qposOf(bits));
}

/** Scale clip / 2^(bits−1) (8 for 4 bits) instead of clip / (2^(bits−1) − 1). */
export function clipMseDivideByPowerOfTwo(w: number[], clip: number, bits: number): number {
  return mseWith(w, clip / 2 ** (bits - 1), -qposOf(bits) - 1, qposOf(bits));
}

function search(w: number[], clips: number[], bits: number, mse: (w: number[], c: number, b: number) => number, better: (m: number, best: number) => boolean): number {
  let best = 0;
  let bestMse = mse(w, clips[0], bits);
  for (let i = 1; i < clips.length; i++) {
    const m = mse(w, clips[i], bits);
    if (better(m, bestMse)) {
      best = i;
      bestMse = m;
    }
  }
  return clips[best];
}

const correctMse = (w: number[], c: number, bits: number) => mseWith(w, c / qposOf(bits), -qposOf(bits) - 1, qposOf(bits));

/** `<=` instead of `<`: the last of several equal minima wins instead of the first. */
export function clipSearchLastMinimum(w: number[], clips: number[], bits: number): number {
  return search(w, clips, bits, correctMse, (m, best) => m <= best);
}

/** Returns the index of the best clip instead of its value. */
export function clipSearchReturnsIndex(w: number[], clips: number[], bits: number): number {
  return clips.indexOf(search(w, clips, bits, correctMse, (m, best) => m < best));
}

/** No clamp inside the MSE: the smallest clip always looks best because clipping error is never counted. */
export function clipSearchNoClamp(w: number[], clips: number[], bits: number): number {
  return search(w, clips, bits, clipMseNoClamp, (m, best) => m < best);
}

/** The largest clip that still covers max |w|, i.e. no clipping: the rounding error of the outliers' range is ignored. */
export function clipSearchCoverMax(w: number[], clips: number[], bits: number): number {
  const maxAbs = w.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const covering = clips.filter((c) => c >= maxAbs);
  return covering.length ? Math.min(...covering) : Math.max(...clips);
}
