/** Known-wrong variants of bestClip, each with the learner's signature. */

/** Returns the smallest MSE itself instead of the clip that produced it. */
export function bestClipReturnsMse(clips: number[], mse: number[]): number {
  return Math.min(...mse);
}

/** Returns the index of the smallest MSE instead of the clip at that index. */
export function bestClipReturnsIndex(clips: number[], mse: number[]): number {
  let bestIndex = 0;
  for (let i = 1; i < mse.length; i++) if (mse[i] < mse[bestIndex]) bestIndex = i;
  return bestIndex;
}

/** On a tie the last minimum wins (<= instead of <). */
export function bestClipLastMinimum(clips: number[], mse: number[]): number {
  let bestIndex = 0;
  for (let i = 1; i < mse.length; i++) if (mse[i] <= mse[bestIndex]) bestIndex = i;
  return clips[bestIndex];
}

/** Picks the largest MSE instead of the smallest. */
export function bestClipLargestMse(clips: number[], mse: number[]): number {
  let worstIndex = 0;
  for (let i = 1; i < mse.length; i++) if (mse[i] > mse[worstIndex]) worstIndex = i;
  return clips[worstIndex];
}

/** Returns the smallest clip, ignoring the MSE curve. */
export function bestClipSmallestClip(clips: number[], mse: number[]): number {
  return Math.min(...clips);
}

/** The lowest MSE, but equal MSEs broken by the smallest clip instead of the first one. */
export function bestClipSmallestClipAmongTies(clips: number[], mse: number[]): number {
  let best = 0;
  for (let i = 1; i < mse.length; i++) if (mse[i] < mse[best] || (mse[i] === mse[best] && clips[i] < clips[best])) best = i;
  return clips[best];
}
