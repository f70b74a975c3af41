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

/** Hint 3 on the learner's own case. */
export function explainMemoryGB(params: number, bitsPerParam: number): string[] {
  const bytes = (params * bitsPerParam) / 8;
  return [`bits = ${params} · ${bitsPerParam} = ${params * bitsPerParam}`, `bytes = bits / 8 = ${bytes}`, `GB = bytes / 1e9 = ${bytes / BYTES_PER_GB}   (GiB would divide by 2^30)`];
}

/** Hint 3 on the learner's own case. */
export function explainReductionFactor(fromBits: number, toBits: number): string[] {
  return [`each parameter shrinks from ${fromBits} to ${toBits} bits: ${fromBits} / ${toBits} = ${fromBits / toBits} times smaller`];
}
