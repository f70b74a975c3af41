/** Known-wrong variants of the Q4_0 packing functions, each with the learner's signature. */

/** Neighbours share a byte (q_{2j} low, q_{2j+1} high), as many 4-bit formats do, but not Q4_0. */
export function packAdjacentPairs(dBits: number, q: number[]): number[] {
  const bytes = [dBits & 0xff, dBits >> 8];
  for (let j = 0; j < 16; j++) bytes.push(q[2 * j] | (q[2 * j + 1] << 4));
  return bytes;
}

/** The right pairs in the wrong nibbles: code j high, code j + 16 low. */
export function packSwappedNibbles(dBits: number, q: number[]): number[] {
  const bytes = [dBits & 0xff, dBits >> 8];
  for (let j = 0; j < 16; j++) bytes.push((q[j] << 4) | q[j + 16]);
  return bytes;
}

/** The scale written high byte first (big-endian). */
export function packBigEndianScale(dBits: number, q: number[]): number[] {
  const bytes = [dBits >> 8, dBits & 0xff];
  for (let j = 0; j < 16; j++) bytes.push(q[j] | (q[j + 16] << 4));
  return bytes;
}

export function unpackAdjacentPairs(bytes: number[]): { dBits: number; q: number[] } {
  const q: number[] = [];
  for (let j = 0; j < 16; j++) q.push(bytes[2 + j] & 0x0f, bytes[2 + j] >> 4);
  return { dBits: bytes[0] | (bytes[1] << 8), q };
}

export function unpackSwappedNibbles(bytes: number[]): { dBits: number; q: number[] } {
  const q = new Array<number>(32);
  for (let j = 0; j < 16; j++) {
    q[j] = bytes[2 + j] >> 4;
    q[j + 16] = bytes[2 + j] & 0x0f;
  }
  return { dBits: bytes[0] | (bytes[1] << 8), q };
}

export function unpackBigEndianScale(bytes: number[]): { dBits: number; q: number[] } {
  const q = new Array<number>(32);
  for (let j = 0; j < 16; j++) {
    q[j] = bytes[2 + j] & 0x0f;
    q[j + 16] = bytes[2 + j] >> 4;
  }
  return { dBits: (bytes[0] << 8) | bytes[1], q };
}

/** The low nibble taken without masking off the high one: codes above 15. */
export function unpackNoMask(bytes: number[]): { dBits: number; q: number[] } {
  const q = new Array<number>(32);
  for (let j = 0; j < 16; j++) {
    q[j] = bytes[2 + j];
    q[j + 16] = bytes[2 + j] >> 4;
  }
  return { dBits: bytes[0] | (bytes[1] << 8), q };
}

/** Only the codes counted: 16 bytes per block, 4 bits per weight. */
export function sizeWithoutScale(rows: number, cols: number): { blocks: number; bytes: number; bitsPerWeight: number } {
  const blocks = (rows * cols) / 32;
  return { blocks, bytes: blocks * 16, bitsPerWeight: 4 };
}

/** The scale counted as float32: 20 bytes per block, 5 bits per weight. */
export function sizeFloat32Scale(rows: number, cols: number): { blocks: number; bytes: number; bitsPerWeight: number } {
  const blocks = (rows * cols) / 32;
  return { blocks, bytes: blocks * 20, bitsPerWeight: 5 };
}
