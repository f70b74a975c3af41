const BYTES_PER_GB = 1e9;

/** GB = params · bitsPerParam / 8 / 1e9 (decimal gigabytes). */
export function memoryGB(params: number, bitsPerParam: number): number {
  const bytes = (params * bitsPerParam) / 8;
  return bytes / BYTES_PER_GB;
}

/** fromBits / toBits: 16 → 4 bits is a 4× reduction. */
export function reductionFactor(fromBits: number, toBits: number): number {
  return fromBits / toBits;
}
