/**
 * MSE of symmetric fake quantization at one clip value: scale = clip / (2^(bits−1) − 1),
 * w_hat = scale · clamp(round_half_even(w / scale), −2^(bits−1), 2^(bits−1) − 1), MSE = mean((w − w_hat)²).
 */
export function clipMse(w: number[], clip: number, bits: number): number {
  // TODO: quantize, clamp, dequantize, and average the squared error.
  throw new Error("Not implemented yet: clipMse(w, clip, bits)");
}

/** The clip value (one of clips) with the smallest clipMse; the first minimum wins ties. */
export function clipSearch(w: number[], clips: number[], bits: number): number {
  // TODO: try every clip; keep the first one with the smallest MSE.
  return clips[clips.length - 1];
}
