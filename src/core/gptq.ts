/**
 * GPTQ / OBQ error feedback on one weight row (Frantar et al. 2022, "GPTQ", Eqs. 2–3 and Algorithm 1; Frantar &
 * Alistarh 2022, "Optimal Brain Compression"). The layer's output for this row is y = X w (X tokens × d); the
 * proxy Hessian of ‖X w − X ŵ‖² is H = 2 XᵀX, and H⁻¹ is given.
 *
 * Columns are quantized in order i = 0, 1, …, d − 1 with GPTQ's grid (its `quantize` in quant.py):
 *
 *   code_i = clamp(round(w_i / scale) + zero, 0, maxq),   ŵ_i = scale · (code_i − zero)      (ties to even)
 *   e_i = (w_i − ŵ_i) / [H⁻¹]_ii
 *   w_j ← w_j − e_i · [H⁻¹]_ij   for every j > i          (the error pushed onto the columns not yet quantized)
 *   H⁻¹ ← H⁻¹ − H⁻¹_{:,i} H⁻¹_{i,:} / [H⁻¹]_ii            (column i removed: the inverse Hessian of the rest)
 *
 * GPTQ's reference code does the same through the upper Cholesky factor of H⁻¹ (row i of the factor, divided
 * by its diagonal, is row i of the downdated H⁻¹ divided by its diagonal); this file follows the OBQ form.
 * Round-to-nearest (RTN) quantizes every column of the original w with the same grid and no feedback.
 */
import { round } from "./rounding";
import { asCaller, fail, requireFiniteArray, requireIntegerIn, requirePositive } from "./validate";

function requireSquare(fn: string, name: string, m: unknown, d: number): number[][] {
  if (!Array.isArray(m) || m.length !== d) fail(fn, `${name} must be a ${d} × ${d} matrix (one row and column per weight), got ${Array.isArray(m) ? m.length : 0} rows`);
  return m.map((row, i) => {
    const r = Array.from(requireFiniteArray(fn, `${name}[${i}]`, row));
    if (r.length !== d) fail(fn, `${name}[${i}] has ${r.length} entries, expected ${d}`);
    return r;
  });
}

function grid(fn: string, scale: unknown, zero: unknown, maxq: unknown): (x: number) => { code: number; value: number } {
  const s = requirePositive(fn, "scale", scale);
  const q = requireIntegerIn(fn, "maxq", maxq, 1, 2 ** 16 - 1);
  const z = requireIntegerIn(fn, "zero", zero, 0, q);
  return (x) => {
    const code = Math.min(q, Math.max(0, round(x / s, "half-even") + z));
    return { code, value: s * (code - z) };
  };
}

/**
 * GPTQ's quantization of one weight row with error feedback through a given inverse Hessian: see the module comment.
 *
 * @param w the weight row (d values)
 * @param Hinv the d × d inverse Hessian (symmetric positive definite, e.g. (2XᵀX + λI)⁻¹)
 * @param scale the grid's step, > 0
 * @param zero the grid's zero point, an integer 0..maxq
 * @param maxq the largest code (15 for 4 bits)
 * @returns `{ codes, wHat }`: the codes 0..maxq and the dequantized row
 * @throws if w is not finite, Hinv is not d × d and finite, a diagonal entry of the downdated H⁻¹ is not positive,
 *   or the grid is invalid
 * @example
 * gptqQuantizeRow([0.3, 0.13], [[1, 0.5], [0.5, 1]], 0.25, 8, 15)
 * // { codes: [9, 8], wHat: [0.25, 0] }  (e_0 = 0.05, so w_1 becomes 0.13 − 0.05·0.5 = 0.105 and rounds down;
 * //                                       round-to-nearest would give [0.25, 0.25])
 */
export function gptqQuantizeRow(w: number[], Hinv: number[][], scale: number, zero: number, maxq: number): { codes: number[]; wHat: number[] } {
  const fn = "gptqQuantizeRow";
  const row = Array.from(requireFiniteArray(fn, "w", w));
  const d = row.length;
  const h = requireSquare(fn, "Hinv", Hinv, d);
  const quant = grid(fn, scale, zero, maxq);
  const codes: number[] = [];
  const wHat: number[] = [];
  for (let i = 0; i < d; i++) {
    const pivot = h[i][i];
    if (!(pivot > 0)) fail(fn, `the inverse Hessian's diagonal at column ${i} is ${pivot} after removing the earlier columns; Hinv must be positive definite (add damping to H)`);
    const { code, value } = quant(row[i]);
    codes.push(code);
    wHat.push(value);
    const e = (row[i] - value) / pivot;
    for (let j = i + 1; j < d; j++) row[j] -= e * h[i][j];
    // Downdate: the inverse Hessian of the columns that are left.
    const hi = h[i].slice();
    for (let a = i + 1; a < d; a++) {
      for (let b = i + 1; b < d; b++) h[a][b] -= (h[a][i] * hi[b]) / pivot;
    }
  }
  return { codes, wHat };
}

/**
 * GPTQ against round-to-nearest on one row: the squared output errors ‖X w − X ŵ‖² of both.
 *
 * @param w the weight row (d values)
 * @param X calibration inputs, tokens × d
 * @param Hinv the d × d inverse Hessian used by GPTQ (from X, with damping)
 * @param scale the grid's step, > 0
 * @param zero the grid's zero point, an integer 0..maxq
 * @param maxq the largest code
 * @returns `{ gptqError, rtnError }`
 * @throws as gptqQuantizeRow, or if X's rows are not d long
 * @example
 * gptqVsRtn([0.3, 0.2], [[1, 1], [1, -1]], [[1, 0.5], [0.5, 1]], 0.25, 8, 15)
 * // { gptqError: 0.009999999999999995, rtnError: 0.009999999999999995 }  (this row rounds the same both ways)
 */
export function gptqVsRtn(w: number[], X: number[][], Hinv: number[][], scale: number, zero: number, maxq: number): { gptqError: number; rtnError: number } {
  const fn = "gptqVsRtn";
  const row = Array.from(requireFiniteArray(fn, "w", w));
  if (!Array.isArray(X) || X.length === 0) fail(fn, "X must be a non-empty array of rows");
  const x = X.map((r, t) => {
    const v = Array.from(requireFiniteArray(fn, `X[${t}]`, r));
    if (v.length !== row.length) fail(fn, `X[${t}] has ${v.length} entries, expected ${row.length} (one per weight)`);
    return v;
  });
  const gptq = asCaller(fn, () => gptqQuantizeRow(row, Hinv, scale, zero, maxq).wHat);
  const quant = grid(fn, scale, zero, maxq);
  const rtn = row.map((v) => quant(v).value);
  const outputError = (wHat: number[]) => x.reduce((sum, xt) => sum + xt.reduce((s, v, i) => s + v * (row[i] - wHat[i]), 0) ** 2, 0);
  return { gptqError: outputError(gptq), rtnError: outputError(rtn) };
}
