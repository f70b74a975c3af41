/** The p-th percentile (0..100) of the magnitudes |x|: a clipping threshold that clips a fixed fraction. */
export function percentileThreshold(x: number[], p: number): number {
  // TODO
  throw new Error("Not implemented yet: percentileThreshold(x, p)");
}

/**
 * TensorRT-style entropy calibration on a histogram of |x| (counts[b] counts the |x| in the b-th interval of width
 * binWidth, starting at 0): the divergence of every candidate, in order, and the threshold of the least.
 */
export function entropyThreshold(counts: number[], binWidth: number, levels: number): { threshold: number; bins: number; divergences: number[] } {
  // TODO
  throw new Error("Not implemented yet: entropyThreshold(counts, binWidth, levels)");
}

/** The mean squared error of symmetric `bits`-bit quantization of x clipped at the threshold. */
export function calibrationMse(x: number[], threshold: number, bits: number): number {
  // TODO
  throw new Error("Not implemented yet: calibrationMse(x, threshold, bits)");
}
