/** Memory of Adam's two fp32 moments (8 bytes per trainable parameter), in decimal GB (1e9 bytes). */
export function adamMomentsGB(trainableParams: number): number {
  // TODO: bytes per parameter for two fp32 moments, times the parameters, in GB.
  throw new Error("Not implemented yet: adamMomentsGB(trainableParams)");
}
