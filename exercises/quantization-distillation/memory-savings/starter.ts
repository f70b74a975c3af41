/** Memory of `params` weights stored at `bitsPerParam` bits each, in decimal GB (1 GB = 1e9 bytes). */
export function memoryGB(params: number, bitsPerParam: number): number {
  // TODO: bits → bytes → GB.
  throw new Error("Not implemented yet: memoryGB(params, bitsPerParam)");
}

/** How many times smaller the weights get going from `fromBits` to `toBits` per parameter. */
export function reductionFactor(fromBits: number, toBits: number): number {
  // TODO: the ratio of the two widths.
  throw new Error("Not implemented yet: reductionFactor(fromBits, toBits)");
}
