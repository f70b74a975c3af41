const MOMENTS_PER_PARAM = 2;
const BYTES_PER_FP32 = 4;
const BYTES_PER_GB = 1e9;

/** GB = trainableParams · 2 moments · 4 bytes / 1e9. */
export function adamMomentsGB(trainableParams: number): number {
  return (trainableParams * MOMENTS_PER_PARAM * BYTES_PER_FP32) / BYTES_PER_GB;
}

/** Hint 3 on the learner's own case. */
export function explainAdamMomentsGB(trainableParams: number): string[] {
  const bytes = trainableParams * MOMENTS_PER_PARAM * BYTES_PER_FP32;
  return [`2 moments · 4 bytes (fp32) = 8 bytes per trainable parameter`, `bytes = ${trainableParams} · 8 = ${bytes}`, `GB = bytes / 1e9 = ${bytes / BYTES_PER_GB}`];
}
