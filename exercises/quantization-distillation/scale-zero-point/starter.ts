/**
 * The scale and zero point PyTorch's MinMaxObserver (per_tensor_affine) returns for an observed range
 * [min, max] (min ≤ max) and the integer range [qmin, qmax], e.g. [0, 255] for quint8.
 * Returns { scale, zeroPoint }: scale a positive number, zeroPoint an integer in [qmin, qmax].
 */
export function affineQParams(min: number, max: number, qmin: number, qmax: number): { scale: number; zeroPoint: number } {
  throw new Error("Not implemented yet: affineQParams(min, max, qmin, qmax)");
}

/**
 * The scale and zero point PyTorch's MinMaxObserver (per_tensor_symmetric) returns for the same inputs.
 * Returns { scale, zeroPoint }: the zero point depends only on the integer range.
 */
export function symmetricQParams(min: number, max: number, qmin: number, qmax: number): { scale: number; zeroPoint: number } {
  throw new Error("Not implemented yet: symmetricQParams(min, max, qmin, qmax)");
}
