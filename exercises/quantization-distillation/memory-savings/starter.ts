/** Memory of `params` weights stored at `bitsPerParam` bits each, in decimal GB (1 GB is 10^9 bytes). */
export function memoryGB(params: number, bitsPerParam: number): number {
  throw new Error("Not implemented yet: memoryGB");
}

/** How many times smaller the weights get going from `fromBits` to `toBits` per parameter (16 → 4 is 4). */
export function reductionFactor(fromBits: number, toBits: number): number {
  throw new Error("Not implemented yet: reductionFactor");
}
