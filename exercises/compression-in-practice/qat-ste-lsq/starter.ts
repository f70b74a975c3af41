/** LSQ fake quantization of the weights v with step size s on signed `bits`-bit levels: the values the forward pass uses. */
export function fakeQuantize(v: number[], s: number, bits: number): number[] {
  // TODO
  throw new Error("Not implemented yet: fakeQuantize(v, s, bits)");
}

/** The gradients of the loss with respect to the weights (STE) and the step size (LSQ), given dL/dv̂. */
export function lsqGradients(v: number[], s: number, bits: number, gradOut: number[]): { gradV: number[]; gradS: number; gScale: number } {
  // TODO
  throw new Error("Not implemented yet: lsqGradients(v, s, bits, gradOut)");
}

/** One plain SGD step on both the weights and the step size. */
export function qatStep(v: number[], s: number, bits: number, gradOut: number[], lr: number): { v: number[]; s: number } {
  // TODO
  throw new Error("Not implemented yet: qatStep(v, s, bits, gradOut, lr)");
}
