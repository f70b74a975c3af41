/** Known-wrong variants of the GPTQ functions, each with the learner's signature. */

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  if (v - floor !== 0.5) return Math.round(v);
  return floor % 2 === 0 ? floor : floor + 1;
}

function quantize(x: number, scale: number, zero: number, maxq: number) {
  const code = Math.min(maxq, Math.max(0, roundHalfEven(x / scale) + zero));
  return { code, value: scale * (code - zero) };
}

interface Options {
  divide: boolean;
  sign: 1 | -1;
  downdate: boolean;
}

function gptq(w: number[], Hinv: number[][], scale: number, zero: number, maxq: number, o: Options) {
  const row = [...w];
  const h = Hinv.map((r) => [...r]);
  const codes: number[] = [];
  const wHat: number[] = [];
  for (let i = 0; i < row.length; i++) {
    const { code, value } = quantize(row[i], scale, zero, maxq);
    codes.push(code);
    wHat.push(value);
    const e = (row[i] - value) / (o.divide ? h[i][i] : 1);
    for (let j = i + 1; j < row.length; j++) row[j] -= o.sign * e * h[i][j];
    if (o.downdate) {
      const pivot = h[i][i];
      const hi = [...h[i]];
      for (let a = i + 1; a < row.length; a++) for (let b = i + 1; b < row.length; b++) h[a][b] -= (h[a][i] * hi[b]) / pivot;
    }
  }
  return { codes, wHat };
}

/** Round-to-nearest: every column on its own, no error feedback. */
export function rowRoundToNearest(w: number[], Hinv: number[][], scale: number, zero: number, maxq: number) {
  const q = w.map((v) => quantize(v, scale, zero, maxq));
  return { codes: q.map((x) => x.code), wHat: q.map((x) => x.value) };
}

/** The error fed forward without dividing by [H⁻¹]_ii. */
export function rowNoDiagonalDivision(w: number[], Hinv: number[][], scale: number, zero: number, maxq: number) {
  return gptq(w, Hinv, scale, zero, maxq, { divide: false, sign: 1, downdate: true });
}

/** The error added to the later columns instead of subtracted. */
export function rowFeedbackAdded(w: number[], Hinv: number[][], scale: number, zero: number, maxq: number) {
  return gptq(w, Hinv, scale, zero, maxq, { divide: true, sign: -1, downdate: true });
}

/** The original H⁻¹ used at every step: quantized columns never removed. */
export function rowNoDowndate(w: number[], Hinv: number[][], scale: number, zero: number, maxq: number) {
  return gptq(w, Hinv, scale, zero, maxq, { divide: true, sign: 1, downdate: false });
}

function right(w: number[], Hinv: number[][], scale: number, zero: number, maxq: number) {
  return gptq(w, Hinv, scale, zero, maxq, { divide: true, sign: 1, downdate: true }).wHat;
}

/** Errors measured on the weights, ‖w − ŵ‖², instead of on the outputs ‖X w − X ŵ‖². */
export function errorOnWeights(w: number[], X: number[][], Hinv: number[][], scale: number, zero: number, maxq: number) {
  const err = (wHat: number[]) => w.reduce((s, v, i) => s + (v - wHat[i]) ** 2, 0);
  return { gptqError: err(right(w, Hinv, scale, zero, maxq)), rtnError: err(w.map((v) => quantize(v, scale, zero, maxq).value)) };
}

/** GPTQ's output compared with the updated row it ended with instead of the original w. */
export function errorAgainstUpdatedRow(w: number[], X: number[][], Hinv: number[][], scale: number, zero: number, maxq: number) {
  const row = [...w];
  const h = Hinv.map((r) => [...r]);
  const wHat: number[] = [];
  for (let i = 0; i < row.length; i++) {
    const { value } = quantize(row[i], scale, zero, maxq);
    wHat.push(value);
    const e = (row[i] - value) / h[i][i];
    for (let j = i + 1; j < row.length; j++) row[j] -= e * h[i][j];
    const pivot = h[i][i];
    const hi = [...h[i]];
    for (let a = i + 1; a < row.length; a++) for (let b = i + 1; b < row.length; b++) h[a][b] -= (h[a][i] * hi[b]) / pivot;
  }
  const err = (target: number[], wq: number[]) => X.reduce((sum, x) => sum + x.reduce((s, v, i) => s + v * (target[i] - wq[i]), 0) ** 2, 0);
  return { gptqError: err(row, wHat), rtnError: err(w, w.map((v) => quantize(v, scale, zero, maxq).value)) };
}
