/** The N:M mask of one row: 1 for each kept weight, 0 for each pruned one, as long as w. */
export function nmMask(w: number[], n: number, m: number): number[] {
  // TODO
  throw new Error("Not implemented yet: nmMask(w, n, m)");
}

/** What N:M sparsity keeps, stores and loses on one row, against unstructured pruning at the same density. */
export function pruningReport(
  w: number[],
  n: number,
  m: number,
  valueBits: number,
): { keptFraction: number; metadataBitsPerWeight: number; storedBitsPerWeight: number; nmError: number; unstructuredError: number } {
  // TODO
  throw new Error("Not implemented yet: pruningReport(w, n, m, valueBits)");
}
