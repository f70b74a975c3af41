/** Dynamic per-token int8 quantization of activations X (tokens × features): a scale, zero point and codes per row. */
export function quantizePerToken(X: number[][]): { scales: number[]; zeroPoints: number[]; q: number[][] } {
  // TODO
  throw new Error("Not implemented yet: quantizePerToken(X)");
}

/**
 * An int8 linear layer: X quantized per token, times the int8 weight codes Wq (K × N, one scale per output column),
 * summed in int32. Returns the raw accumulators and the dequantized output, both tokens × N.
 */
export function int8Linear(X: number[][], Wq: number[][], wScales: number[]): { acc: number[][]; y: number[][] } {
  // TODO
  throw new Error("Not implemented yet: int8Linear(X, Wq, wScales)");
}

/** The deepest dot product an int32 accumulator holds in the worst case, for codes bounded by maxAbsA and maxAbsB. */
export function int32SafeDepth(maxAbsA: number, maxAbsB: number): number {
  // TODO
  throw new Error("Not implemented yet: int32SafeDepth(maxAbsA, maxAbsB)");
}
