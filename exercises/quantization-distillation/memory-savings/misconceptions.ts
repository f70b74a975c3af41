/** Known-wrong variants of memoryGB and reductionFactor, each with the learner's signature. */

/** Binary gibibytes (2^30 bytes) instead of decimal gigabytes. */
export function memoryGiB(params: number, bitsPerParam: number): number {
  return (params * bitsPerParam) / 8 / 2 ** 30;
}

/** Bits treated as bytes: the division by 8 is missing. */
export function memoryGBWithoutBitsToBytes(params: number, bitsPerParam: number): number {
  return (params * bitsPerParam) / 1e9;
}

/** Megabytes instead of gigabytes (divided by 1e6). */
export function memoryMB(params: number, bitsPerParam: number): number {
  return (params * bitsPerParam) / 8 / 1e6;
}

/** The ratio upside down: toBits / fromBits (0.25 instead of 4). */
export function reductionFactorInverted(fromBits: number, toBits: number): number {
  return toBits / fromBits;
}

/** The difference in bits instead of the ratio. */
export function reductionFactorDifference(fromBits: number, toBits: number): number {
  return fromBits - toBits;
}
