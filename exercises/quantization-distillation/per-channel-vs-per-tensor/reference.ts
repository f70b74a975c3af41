const QMAX = 127; // narrow int8 range [-127, 127]: symmetric around 0

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const fraction = v - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

function maxAbs(values: number[]): number {
  let m = 0;
  for (const v of values) m = Math.max(m, Math.abs(v));
  return m;
}

/** Sum of (w − w_hat)² over one row quantized with the given scale; a zero scale means an all-zero row, stored exactly. */
function rowSquaredError(row: number[], scale: number): number {
  if (scale === 0) return 0;
  let sum = 0;
  for (const w of row) {
    const q = Math.min(QMAX, Math.max(-QMAX, roundHalfEven(w / scale)));
    const err = w - scale * q;
    sum += err * err;
  }
  return sum;
}

function elementCount(w: number[][]): number {
  return w.reduce((n, row) => n + row.length, 0);
}

export function perTensorMse(w: number[][]): number {
  const scale = maxAbs(w.flat()) / QMAX;
  let sum = 0;
  for (const row of w) sum += rowSquaredError(row, scale);
  return sum / elementCount(w);
}

export function perChannelMse(w: number[][]): number {
  let sum = 0;
  for (const row of w) sum += rowSquaredError(row, maxAbs(row) / QMAX);
  return sum / elementCount(w);
}

/** Hint 3 on the learner's own case: the one scale, and what it does to each row. */
export function explainPerTensorMse(w: number[][]): string[] {
  const scale = maxAbs(w.flat()) / QMAX;
  return [`one scale: max|w| / 127 = ${scale}`, ...w.slice(0, 4).map((row, i) => `row ${i}: squared error ${rowSquaredError(row, scale)}`), `MSE = sum / ${elementCount(w)} elements = ${perTensorMse(w)}`];
}

/** Hint 3 on the learner's own case: a scale per row. */
export function explainPerChannelMse(w: number[][]): string[] {
  return [...w.slice(0, 4).map((row, i) => `row ${i}: scale ${maxAbs(row) / QMAX}, squared error ${rowSquaredError(row, maxAbs(row) / QMAX)}`), `MSE = sum / ${elementCount(w)} elements = ${perChannelMse(w)}`];
}
