/**
 * The clipping value with the lowest quantization MSE: clips[argmin(mse)].
 * When several share the minimum, the first (lowest index) wins, as numpy.argmin does.
 */
export function bestClip(clips: number[], mse: number[]): number {
  // TODO: find the index of the smallest MSE, then return the clip at that index.
  throw new Error("Not implemented yet: bestClip(clips, mse)");
}
