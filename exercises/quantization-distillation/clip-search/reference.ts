// Looked up once: the inner loop below runs (weights × clips) times, 81,920 for the 4096-weight case.
const { floor, min, max } = Math;

function roundHalfEven(v: number): number {
  const f = floor(v);
  const fraction = v - f;
  if (fraction < 0.5) return f;
  if (fraction > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

export function clipMse(w: number[], clip: number, bits: number): number {
  const qpos = 2 ** (bits - 1) - 1;
  const qneg = -qpos - 1; // a signed range has one more negative code: [-8, 7] for 4 bits
  const scale = clip / qpos;
  let sum = 0;
  for (const v of w) {
    const q = min(qpos, max(qneg, roundHalfEven(v / scale)));
    const err = v - scale * q;
    sum += err * err;
  }
  return sum / w.length;
}

export function clipSearch(w: number[], clips: number[], bits: number): number {
  let best = 0;
  let bestMse = clipMse(w, clips[0], bits);
  for (let i = 1; i < clips.length; i++) {
    const m = clipMse(w, clips[i], bits);
    if (m < bestMse) {
      // strict: an equal MSE later in the list does not replace the first minimum
      best = i;
      bestMse = m;
    }
  }
  return clips[best];
}

/** Hint 3 on the learner's own case. */
export function explainClipMse(w: number[], clip: number, bits: number): string[] {
  const qpos = 2 ** (bits - 1) - 1;
  const scale = clip / qpos;
  const lines = [`scale = clip / ${qpos} = ${scale}; codes are clamped to [${-qpos - 1}, ${qpos}]`];
  for (const v of w.slice(0, 3)) {
    const q = min(qpos, max(-qpos - 1, roundHalfEven(v / scale)));
    lines.push(`w = ${v}: w / scale = ${v / scale} → code ${q} → ${q * scale}, squared error ${(v - q * scale) ** 2}`);
  }
  return [...lines, `MSE over all ${w.length} weights = ${clipMse(w, clip, bits)}`];
}

/** Hint 3 on the learner's own case. */
export function explainClipSearch(w: number[], clips: number[], bits: number): string[] {
  return [...clips.map((c) => `clipMse at ${c} = ${clipMse(w, c, bits)}`), `the first smallest: ${clipSearch(w, clips, bits)}`];
}
