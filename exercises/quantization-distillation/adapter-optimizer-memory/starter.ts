/** Memory of Adam's optimizer state for `trainableParams` parameters, its two moments in fp32, in decimal GB (10^9 bytes). */
export function adamMomentsGB(trainableParams: number): number {
  throw new Error("Not implemented yet: adamMomentsGB");
}
