/**
 * The clip value whose quantization MSE is lowest (mse[i] belongs to clips[i]).
 * When several share the lowest MSE, the first of them wins, as numpy.argmin does.
 */
export function bestClip(clips: number[], mse: number[]): number {
  throw new Error("Not implemented yet: bestClip");
}
