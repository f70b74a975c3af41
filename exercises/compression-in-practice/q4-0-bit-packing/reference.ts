export function packQ4_0Block(dBits: number, q: number[]): number[] {
  // ggml_half little-endian: low byte first.
  const bytes = [dBits & 0xff, dBits >> 8];
  // Byte j: code j in the low nibble, code j + 16 in the high nibble.
  for (let j = 0; j < 16; j++) bytes.push(q[j] | (q[j + 16] << 4));
  return bytes;
}

export function unpackQ4_0Block(bytes: number[]): { dBits: number; q: number[] } {
  const q = new Array<number>(32);
  for (let j = 0; j < 16; j++) {
    q[j] = bytes[2 + j] & 0x0f;
    q[j + 16] = bytes[2 + j] >> 4;
  }
  return { dBits: bytes[0] | (bytes[1] << 8), q };
}

export function q4_0TensorBytes(rows: number, cols: number): { blocks: number; bytes: number; bitsPerWeight: number } {
  const blocks = (rows * cols) / 32;
  const bytes = blocks * 18; // 2 bytes of float16 scale + 16 bytes of codes
  return { blocks, bytes, bitsPerWeight: (bytes * 8) / (rows * cols) };
}

/** Hint 3 on the learner's own case. */
export function explainPackQ4_0Block(dBits: number, q: number[]): string[] {
  const bytes = packQ4_0Block(dBits, q);
  return [
    `dBits = ${dBits} = 0x${dBits.toString(16)}: low byte ${bytes[0]} first, then ${bytes[1]}`,
    ...[0, 1, 15].map((j) => `byte ${2 + j}: q[${j}] = ${q[j]} in the low nibble, q[${j + 16}] = ${q[j + 16]} in the high one: ${q[j]} | ${q[j + 16]} << 4 = ${bytes[2 + j]}`),
  ];
}

/** Hint 3 on the learner's own case. */
export function explainUnpackQ4_0Block(bytes: number[]): string[] {
  return [
    `dBits = ${bytes[0]} | ${bytes[1]} << 8 = ${bytes[0] | (bytes[1] << 8)}`,
    ...[0, 1].map((j) => `byte ${2 + j} = ${bytes[2 + j]}: q[${j}] = ${bytes[2 + j]} & 0x0F = ${bytes[2 + j] & 0x0f}, q[${j + 16}] = ${bytes[2 + j]} >> 4 = ${bytes[2 + j] >> 4}`),
  ];
}
