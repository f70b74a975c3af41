/**
 * Int8 symmetric quantization (narrow range [-127, 127], round half to even) of the whole matrix with ONE scale,
 * s = max|w| / 127; return the mean over all elements of (w − s·q)².
 */
export function perTensorMse(w: number[][]): number {
  // TODO: one scale from the largest magnitude in the matrix; quantize, dequantize, average the squared error.
  throw new Error("Not implemented yet: perTensorMse(w)");
}

/**
 * The same, but with one scale per row (output channel): s_i = max|w[i]| / 127.
 * A row of zeros quantizes exactly (no error).
 */
export function perChannelMse(w: number[][]): number {
  // TODO: a scale per row; average the squared error over all elements of the matrix.
  throw new Error("Not implemented yet: perChannelMse(w)");
}
