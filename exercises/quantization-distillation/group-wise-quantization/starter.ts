/**
 * Symmetric group-wise quantization of w to `bits` bits: one scale for each run of groupSize consecutive weights
 * (the last run may be shorter), half to even, codes clamped to the signed range, a scale never below 2^-23.
 * Returns every code, in the order of w, and one scale per group.
 */
export function groupQuantize(w: number[], groupSize: number, bits: number): { q: number[]; scales: number[] } {
  throw new Error("Not implemented yet: groupQuantize");
}

/** The storage cost per weight in bits, including each group's `scaleBits`-bit scale (4, 128, 16 → 4.125). */
export function bitsPerWeight(bits: number, groupSize: number, scaleBits: number): number {
  throw new Error("Not implemented yet: bitsPerWeight");
}
