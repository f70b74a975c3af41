/**
 * Symmetric group-wise quantization: each run of groupSize consecutive weights (the last run may be shorter) gets
 * scale = max(maxAbs(group) / (2^(bits−1) − 1), 2^-23); q = clamp(round_half_even(w / scale), −2^(bits−1), 2^(bits−1) − 1).
 * Returns every code (in the order of w) and one scale per group.
 */
export function groupQuantize(w: number[], groupSize: number, bits: number): { q: number[]; scales: number[] } {
  // TODO: loop over groups; one scale per group, then the codes of that group.
  throw new Error("Not implemented yet: groupQuantize(w, groupSize, bits)");
}

/** Storage cost per weight, including each group's scale: bits + scaleBits / groupSize (4, 128, 16 → 4.125). */
export function bitsPerWeight(bits: number, groupSize: number, scaleBits: number): number {
  // TODO: the scale of every group is stored too.
  return bits;
}
