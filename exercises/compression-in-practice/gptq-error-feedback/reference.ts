function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  if (v - floor !== 0.5) return Math.round(v);
  return floor % 2 === 0 ? floor : floor + 1;
}

function quantize(x: number, scale: number, zero: number, maxq: number): { code: number; value: number } {
  const code = Math.min(maxq, Math.max(0, roundHalfEven(x / scale) + zero));
  return { code, value: scale * (code - zero) };
}

export function gptqQuantizeRow(w: number[], Hinv: number[][], scale: number, zero: number, maxq: number) {
  const row = [...w];
  const h = Hinv.map((r) => [...r]);
  const d = row.length;
  const codes: number[] = [];
  const wHat: number[] = [];
  for (let i = 0; i < d; i++) {
    const { code, value } = quantize(row[i], scale, zero, maxq);
    codes.push(code);
    wHat.push(value);
    const e = (row[i] - value) / h[i][i];
    // Error feedback onto the columns not yet quantized.
    for (let j = i + 1; j < d; j++) row[j] -= e * h[i][j];
    // Remove column i from the inverse Hessian.
    const pivot = h[i][i];
    const hi = [...h[i]];
    for (let a = i + 1; a < d; a++) for (let b = i + 1; b < d; b++) h[a][b] -= (h[a][i] * hi[b]) / pivot;
  }
  return { codes, wHat };
}

export function gptqVsRtn(w: number[], X: number[][], Hinv: number[][], scale: number, zero: number, maxq: number) {
  const gptq = gptqQuantizeRow(w, Hinv, scale, zero, maxq).wHat;
  const rtn = w.map((v) => quantize(v, scale, zero, maxq).value);
  const outputError = (wHat: number[]) => X.reduce((sum, x) => sum + x.reduce((s, v, i) => s + v * (w[i] - wHat[i]), 0) ** 2, 0);
  return { gptqError: outputError(gptq), rtnError: outputError(rtn) };
}

/** Hint 3 on the learner's own case. */
export function explainGptqQuantizeRow(w: number[], Hinv: number[][], scale: number, zero: number, maxq: number): string[] {
  const { code, value } = quantize(w[0], scale, zero, maxq);
  const e = (w[0] - value) / Hinv[0][0];
  const lines = [`column 0: ${w[0]} → code ${code}, ŵ = ${value}; e = (${w[0]} − ${value}) / ${Hinv[0][0]} = ${e}`];
  if (w.length > 1) lines.push(`column 1 becomes ${w[1]} − ${e} · ${Hinv[0][1]} = ${w[1] - e * Hinv[0][1]} before it is rounded`);
  lines.push(`codes: ${gptqQuantizeRow(w, Hinv, scale, zero, maxq).codes.join(", ")}`);
  return lines;
}

/** Hint 3 on the learner's own case. */
export function explainGptqVsRtn(w: number[], X: number[][], Hinv: number[][], scale: number, zero: number, maxq: number): string[] {
  const r = gptqVsRtn(w, X, Hinv, scale, zero, maxq);
  return [`GPTQ's ŵ: ${gptqQuantizeRow(w, Hinv, scale, zero, maxq).wHat.join(", ")}`, `Σ_t (x_t · (w − ŵ))²: GPTQ ${r.gptqError}, round-to-nearest ${r.rtnError}`];
}
