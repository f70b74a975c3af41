/**
 * GPTQ on one weight row: quantize the columns in order on the grid (scale, zero, maxq), feeding each column's
 * error forward through the given inverse Hessian. Returns the codes and the dequantized row.
 */
export function gptqQuantizeRow(w: number[], Hinv: number[][], scale: number, zero: number, maxq: number): { codes: number[]; wHat: number[] } {
  // TODO
  throw new Error("Not implemented yet: gptqQuantizeRow(w, Hinv, scale, zero, maxq)");
}

/** The squared output error on the calibration inputs X of GPTQ's row and of round-to-nearest's. */
export function gptqVsRtn(w: number[], X: number[][], Hinv: number[][], scale: number, zero: number, maxq: number): { gptqError: number; rtnError: number } {
  // TODO
  throw new Error("Not implemented yet: gptqVsRtn(w, X, Hinv, scale, zero, maxq)");
}
