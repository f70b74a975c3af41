/**
 * One Q4_0 block as llama.cpp stores it (block_q4_0): the scale's float16 bit pattern, then the 32 codes
 * two to a byte. Returns 18 integers 0..255 in file order.
 */
export function packQ4_0Block(dBits: number, q: number[]): number[] {
  // TODO: which two codes share a byte, and which byte of dBits comes first?
  throw new Error("Not implemented yet: packQ4_0Block(dBits, q)");
}

/** The inverse of packQ4_0Block: 18 bytes back to the scale's bit pattern and the 32 codes 0..15. */
export function unpackQ4_0Block(bytes: number[]): { dBits: number; q: number[] } {
  // TODO
  throw new Error("Not implemented yet: unpackQ4_0Block(bytes)");
}

/** Storage in Q4_0 of a matrix with `rows` rows and `cols` columns: how many blocks, how many bytes, how many bits per weight. */
export function q4_0TensorBytes(rows: number, cols: number): { blocks: number; bytes: number; bitsPerWeight: number } {
  // TODO
  throw new Error("Not implemented yet: q4_0TensorBytes(rows, cols)");
}
