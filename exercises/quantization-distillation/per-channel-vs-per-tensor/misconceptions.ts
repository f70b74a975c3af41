/** Known-wrong variants of perTensorMse and perChannelMse, each with the learner's signature. */

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const fraction = v - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

function squaredError(values: number[], scale: number, qmax: number): number {
  if (scale === 0) return 0;
  let sum = 0;
  for (const w of values) {
    const err = w - scale * Math.min(qmax, Math.max(-qmax, roundHalfEven(w / scale)));
    sum += err * err;
  }
  return sum;
}

const count = (w: number[][]) => w.reduce((n, row) => n + row.length, 0);
const maxAbs = (values: number[]) => values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const maxValue = (values: number[]) => values.reduce((m, v) => Math.max(m, v), 0);

/** The scale taken from the largest value, not the largest magnitude: a negative outlier is clamped. */
export function perTensorMaxNotMaxAbs(w: number[][]): number {
  return squaredError(w.flat(), maxValue(w.flat()) / 127, 127) / count(w);
}

/** Divided by 128 (2^7) instead of 127: the largest weight lands on code 128, outside the range, and is clamped. */
export function perTensorDivideBy128(w: number[][]): number {
  return squaredError(w.flat(), maxAbs(w.flat()) / 128, 127) / count(w);
}

/** The sum of squared errors instead of their mean. */
export function perTensorSumNotMean(w: number[][]): number {
  return squaredError(w.flat(), maxAbs(w.flat()) / 127, 127);
}

/** One scale per column instead of per row: rows are the output channels. */
export function perChannelByColumn(w: number[][]): number {
  let sum = 0;
  for (let j = 0; j < w[0].length; j++) {
    const column = w.map((row) => row[j]);
    sum += squaredError(column, maxAbs(column) / 127, 127);
  }
  return sum / count(w);
}

/** The scale of each row taken from its largest value, not its largest magnitude. */
export function perChannelMaxNotMaxAbs(w: number[][]): number {
  return w.reduce((sum, row) => sum + squaredError(row, maxValue(row) / 127, 127), 0) / count(w);
}

/** One scale for the whole matrix: this is per-tensor, not per-channel. */
export function perChannelOneScale(w: number[][]): number {
  return squaredError(w.flat(), maxAbs(w.flat()) / 127, 127) / count(w);
}
