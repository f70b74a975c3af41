function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const fraction = v - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

export function sqnrDb(x: number[], xHat: number[]): number {
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < x.length; i++) {
    const err = x[i] - xHat[i];
    signal += x[i] * x[i];
    noise += err * err;
  }
  // Both are powers (sums of squares), hence 10·log10; an exact reconstruction gives +Infinity.
  return 10 * Math.log10(signal / noise);
}

export function quantizationSqnrDb(x: number[], bits: number): number {
  const maxAbs = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const scale = maxAbs / (2 ** (bits - 1) - 1);
  const xHat = x.map((v) => scale * roundHalfEven(v / scale));
  return sqnrDb(x, xHat);
}

/** Hint 3 on the learner's own case. */
export function explainSqnrDb(x: number[], xHat: number[]): string[] {
  const signal = x.reduce((s, v) => s + v * v, 0);
  const noise = x.reduce((s, v, i) => s + (v - xHat[i]) ** 2, 0);
  return [`signal power Σ x² = ${signal}`, `noise power Σ (x − xHat)² = ${noise}`, `ratio = ${signal / noise}; in dB, 10 · log10(ratio) = ${sqnrDb(x, xHat)}   (powers: 10, not 20)`];
}

/** Hint 3 on the learner's own case: the absmax scale, the reconstruction, then the SQNR. */
export function explainQuantizationSqnrDb(x: number[], bits: number): string[] {
  const qmax = 2 ** (bits - 1) - 1;
  const maxAbs = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const scale = maxAbs / qmax;
  const first = x.slice(0, 3).map((v) => `${v} → code ${roundHalfEven(v / scale)} → ${scale * roundHalfEven(v / scale)}`);
  return [`scale = max|x| / ${qmax} = ${maxAbs} / ${qmax} = ${scale}`, ...first, `SQNR of x against its reconstruction = ${quantizationSqnrDb(x, bits)} dB`];
}
