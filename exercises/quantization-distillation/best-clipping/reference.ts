/** clips[argmin(mse)], the first minimum winning ties (strict < keeps the earliest index). */
export function bestClip(clips: number[], mse: number[]): number {
  let bestIndex = 0;
  for (let i = 1; i < mse.length; i++) {
    if (mse[i] < mse[bestIndex]) bestIndex = i;
  }
  return clips[bestIndex];
}

/** Hint 3 on the learner's own case: the scan for the first smallest MSE. */
export function explainBestClip(clips: number[], mse: number[]): string[] {
  const lines = [`start at index 0: clip ${clips[0]}, MSE ${mse[0]}`];
  let best = 0;
  for (let i = 1; i < mse.length; i++) {
    const moves = mse[i] < mse[best];
    lines.push(`index ${i}: MSE ${mse[i]} ${moves ? `< ${mse[best]}: move` : mse[i] === mse[best] ? `= ${mse[best]}: a tie, the first stays` : `> ${mse[best]}: stay`}`);
    if (moves) best = i;
  }
  lines.push(`best index ${best}: return clips[${best}] = ${clips[best]}`);
  return lines;
}
