/**
 * Affine quantization parameters for the integer range [qmin, qmax], as PyTorch's MinMaxObserver computes them:
 * widen [min, max] to include 0, scale = max((max − min) / (qmax − qmin), 2^-23),
 * zeroPoint = qmin − round_half_even(min / scale), clamped to [qmin, qmax].
 */
export function affineQParams(min: number, max: number, qmin: number, qmax: number): { scale: number; zeroPoint: number } {
  // TODO: widen the range to include 0, floor the scale at 2^-23, round min / scale half to even.
  throw new Error("Not implemented yet: affineQParams(min, max, qmin, qmax)");
}

/**
 * Symmetric quantization parameters: scale = max(maxAbs / ((qmax − qmin) / 2), 2^-23) with maxAbs taken over the
 * range widened to include 0; zeroPoint = 0 for a signed range, (qmin + qmax + 1) / 2 for an unsigned one.
 */
export function symmetricQParams(min: number, max: number, qmin: number, qmax: number): { scale: number; zeroPoint: number } {
  // TODO: note the divisor (qmax − qmin) / 2, which is 127.5 for int8.
  throw new Error("Not implemented yet: symmetricQParams(min, max, qmin, qmax)");
}
