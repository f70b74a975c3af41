/**
 * The mean squared error over the whole matrix after int8 symmetric quantization with ONE scale for the matrix
 * (narrow range [−127, 127], half to even), dequantized back.
 */
export function perTensorMse(w: number[][]): number {
  throw new Error("Not implemented yet: perTensorMse");
}

/** The same error with one scale per row (output channel). A row of zeros quantizes exactly. */
export function perChannelMse(w: number[][]): number {
  throw new Error("Not implemented yet: perChannelMse");
}
