/** Known-wrong variants of adamMomentsGB, each with the learner's signature. */

/** Only one fp32 moment (4 bytes per parameter): Adam keeps two. */
export function adamOneMomentGB(trainableParams: number): number {
  return (trainableParams * 4) / 1e9;
}

/** Binary GiB (2^30 bytes) instead of decimal GB. */
export function adamMomentsGiB(trainableParams: number): number {
  return (trainableParams * 8) / 2 ** 30;
}

/** Everything mixed-precision Adam keeps (16 bytes per parameter), not just the moments. */
export function adamFullTrainingStateGB(trainableParams: number): number {
  return (trainableParams * 16) / 1e9;
}

/** 8 bits per parameter instead of 8 bytes. */
export function adamMomentsBitsAsBytesGB(trainableParams: number): number {
  return trainableParams / 1e9;
}
