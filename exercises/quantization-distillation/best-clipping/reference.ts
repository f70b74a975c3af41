/** clips[argmin(mse)], the first minimum winning ties (strict < keeps the earliest index). */
export function bestClip(clips: number[], mse: number[]): number {
  let bestIndex = 0;
  for (let i = 1; i < mse.length; i++) {
    if (mse[i] < mse[bestIndex]) bestIndex = i;
  }
  return clips[bestIndex];
}
