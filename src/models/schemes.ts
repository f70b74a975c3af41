/**
 * What each quantization scheme would do to a tensor: the error it adds and the bytes it stores. Definitions
 * (n values, x̂ the dequantized value, all arithmetic in float64 unless said otherwise):
 *
 * - int8-per-tensor: s = max|w| / 127, x̂ = s · clamp(round_half_even(w / s), −127, 127); n + 4 bytes.
 * - int8-per-channel: the same with one s per slice along the first dimension (1-D and 0-D tensors are one
 *   channel); n + 4·channels bytes.
 * - int4-g128: groups of 128 consecutive values along the last dimension (a row's last group may be shorter),
 *   s = max|w| / 7, x̂ = s · clamp(round_half_even(w / s), −8, 7); ⌈n/2⌉ + 2·groups bytes (fp16 scales; the
 *   error uses the unrounded scale, as core groupQuantize does).
 * - nf4-b64: bitsandbytes NF4, blocks of 64 along the flattened tensor: x̂ = NF4[c]·absmax with c the nearest
 *   code (the lower one on a tie, as core nf4); ⌈n/2⌉ + 4·blocks bytes.
 * - fp8-e4m3: s = max|w| / 448, x̂ = s · e4m3fn(w / s) rounded to nearest even, saturating (core fp8Round);
 *   n + 4 bytes.
 * - q4_0, q8_0: llama.cpp's reference quantizers (core ggml.ts: float32 arithmetic, fp16 block scale) on blocks
 *   of 32 along the flattened tensor, a last partial block padded with zeros; 18 and 34 bytes per block.
 * A group or block whose values are all 0 dequantizes to 0 (no error).
 * Per tensor and scheme: MSE = Σ(w − x̂)²/n, SQNR = 10·log10(Σw² / Σ(w − x̂)²) dB (null when there is no
 * error or no signal), max |w − x̂|, bytes.
 */
import { ValueOps, int4Blocks, nf4Blocks, q4_0Blocks, q8_0Blocks } from "./valueOps";

export { e4m3RoundNonNegative, nf4Code } from "./valueOps";

export const SCHEMES = ["int8-per-tensor", "int8-per-channel", "int4-g128", "nf4-b64", "fp8-e4m3", "q4_0", "q8_0"] as const;
export type SchemeName = (typeof SCHEMES)[number];

export function isScheme(name: string): name is SchemeName {
  return (SCHEMES as readonly string[]).includes(name);
}

/** Slices along the first dimension: shape[0] for 2-D and more, one for 1-D and scalars. */
export function channelsOf(shape: readonly number[]): number {
  return shape.length >= 2 ? shape[0] : 1;
}

/** The length of the last dimension (1 for a scalar). */
export function rowLengthOf(shape: readonly number[]): number {
  return shape.length ? shape[shape.length - 1] : 1;
}

/** Bytes the scheme stores for a tensor of this shape, scales included. */
export function schemeBytes(scheme: SchemeName, shape: readonly number[]): number {
  const n = shape.reduce((a, b) => a * b, 1);
  const blocks = (size: number) => Math.ceil(n / size);
  switch (scheme) {
    case "int8-per-tensor":
    case "fp8-e4m3":
      return n + 4;
    case "int8-per-channel":
      return n + 4 * channelsOf(shape);
    case "int4-g128": {
      const L = rowLengthOf(shape);
      const groups = L === 0 ? 0 : (n / L) * Math.ceil(L / 128);
      return Math.ceil(n / 2) + 2 * groups;
    }
    case "nf4-b64":
      return Math.ceil(n / 2) + 4 * blocks(64);
    case "q4_0":
      return 18 * blocks(32);
    case "q8_0":
      return 34 * blocks(32);
  }
}

/** Error sums of one scheme over one tensor: [Σ(w − x̂)², max |w − x̂|]. */
export class ErrorSum {
  readonly acc = new Float64Array(2);
  get sumSq(): number {
    return this.acc[0];
  }
  get maxAbs(): number {
    return this.acc[1];
  }
  add(w: number, xHat: number): void {
    const d = w - xHat;
    this.acc[0] += d * d;
    const a = Math.abs(d);
    if (a > this.acc[1]) this.acc[1] = a;
  }
}

/** The elementwise schemes need one scale known before the pass; the block schemes find theirs per block. */
export interface TensorScales {
  absmax: number;
  /** max |w| of every channel (slice along the first dimension). */
  channelAbsmax: Float64Array;
  channelLength: number;
}

/**
 * A scheme fed consecutive values of one tensor, chunk by chunk; `start` is the index of chunk[0] in the tensor,
 * and `ops` has been given the chunk (ops.begin) by the caller.
 */
export interface SchemeAccumulator {
  push(chunk: Float32Array, start: number, ops: ValueOps): void;
  readonly error: ErrorSum;
}

class Int8PerTensor implements SchemeAccumulator {
  readonly error = new ErrorSum();
  private readonly s: number;
  constructor(absmax: number) {
    this.s = absmax / 127;
  }
  push(chunk: Float32Array, _start: number, ops: ValueOps): void {
    if (this.s !== 0) ops.int8Error(0, chunk.length, this.s, this.error.acc); // s = 0: all zeros, exact
  }
}

class Int8PerChannel implements SchemeAccumulator {
  readonly error = new ErrorSum();
  constructor(private readonly scales: TensorScales) {}
  push(chunk: Float32Array, start: number, ops: ValueOps): void {
    const L = this.scales.channelLength;
    for (let i = 0; i < chunk.length; ) {
      const channel = Math.floor((start + i) / L);
      const end = Math.min(chunk.length, (channel + 1) * L - start);
      const s = this.scales.channelAbsmax[channel] / 127;
      if (s !== 0) ops.int8Error(i, end, s, this.error.acc);
      i = end;
    }
  }
}

class Fp8E4m3 implements SchemeAccumulator {
  readonly error = new ErrorSum();
  private readonly s: number;
  constructor(absmax: number) {
    this.s = absmax / 448;
  }
  push(chunk: Float32Array, _start: number, ops: ValueOps): void {
    if (this.s !== 0) ops.fp8Error(0, chunk.length, this.s, this.error.acc); // s = 0: all zeros, exact
  }
}

/**
 * Schemes that work block by block. Blocks may straddle the chunks the reader hands over, so a block's head
 * waits in a carry buffer (at most one block: 128 values) until its tail arrives.
 */
abstract class BlockScheme implements SchemeAccumulator {
  readonly error = new ErrorSum();
  private readonly carry: Float32Array;
  private carryStart = 0;
  private carryLength = 0;
  constructor(maxBlock: number) {
    this.carry = new Float32Array(maxBlock);
  }
  /** The end (exclusive) of the block holding value `index` of the tensor. */
  protected abstract blockEnd(index: number): number;
  /** Adds the error of the block x[from, to), whose first value is value `index` of the tensor. */
  protected abstract block(x: Float32Array, from: number, to: number, index: number): void;
  /**
   * Adds the errors of consecutive whole blocks chunk[from, to), chunk[0] being value `start` of the tensor; a
   * scheme with a faster loop overrides it.
   */
  protected run(chunk: Float32Array, from: number, to: number, start: number, _ops: ValueOps): void {
    for (let i = from; i < to; ) {
      const end = this.blockEnd(start + i) - start;
      this.block(chunk, i, end, start + i);
      i = end;
    }
  }

  push(chunk: Float32Array, start: number, ops: ValueOps): void {
    let i = 0;
    if (this.carryLength > 0) {
      const end = this.blockEnd(this.carryStart);
      const take = Math.min(end - (this.carryStart + this.carryLength), chunk.length);
      this.carry.set(chunk.subarray(0, take), this.carryLength);
      this.carryLength += take;
      i = take;
      if (this.carryStart + this.carryLength < end) return;
      this.block(this.carry, 0, this.carryLength, this.carryStart);
      this.carryLength = 0;
    }
    // Whole blocks in one run (block ends are found in tensor coordinates), the head of a split one carried.
    const runEnd = this.wholeBlocksEnd(start, i, chunk.length);
    if (runEnd > i) this.run(chunk, i, runEnd, start, ops);
    if (runEnd < chunk.length) {
      this.carry.set(chunk.subarray(runEnd), 0);
      this.carryStart = start + runEnd;
      this.carryLength = chunk.length - runEnd;
    }
  }

  /**
   * The end (chunk-local) of the whole blocks from `from`, which is at a block boundary, to at most `length`:
   * where the next block would pass the chunk's end.
   */
  protected wholeBlocksEnd(start: number, from: number, length: number): number {
    let runEnd = from;
    while (runEnd < length) {
      const end = this.blockEnd(start + runEnd) - start;
      if (end > length) break;
      runEnd = end;
    }
    return runEnd;
  }
}

class Int4G128 extends BlockScheme {
  constructor(
    private readonly rowLength: number,
    private readonly n: number,
  ) {
    super(128);
  }
  protected blockEnd(index: number): number {
    const rowStart = index - (index % this.rowLength);
    const inRow = index - rowStart;
    return rowStart + Math.min(this.rowLength, inRow - (inRow % 128) + 128);
  }
  protected override wholeBlocksEnd(start: number, from: number, length: number): number {
    const end = start + length;
    if (end >= this.n) return length; // the tensor's last group ends with the chunk
    // Groups never cross a row: the last group boundary at or before `end` is its row's multiple of 128.
    return Math.max(from, end - ((end % this.rowLength) % 128) - start);
  }
  protected block(x: Float32Array, from: number, to: number, index: number): void {
    int4Blocks(x, from, to, index % this.rowLength, this.rowLength, this.error.acc);
  }
  protected override run(chunk: Float32Array, from: number, to: number, start: number, ops: ValueOps): void {
    ops.int4Error(from, to, (start + from) % this.rowLength, this.rowLength, this.error.acc);
  }
}

/**
 * Blocks of `size` along the flattened tensor of n values, the last one short when size does not divide n:
 * block ends follow from arithmetic instead of a walk over the blocks.
 */
abstract class FlatBlocks extends BlockScheme {
  constructor(
    private readonly size: number,
    private readonly n: number,
  ) {
    super(size);
  }
  protected blockEnd(index: number): number {
    return Math.min(this.n, index - (index % this.size) + this.size);
  }
  protected override wholeBlocksEnd(start: number, from: number, length: number): number {
    if (start + length >= this.n) return length; // the tensor's last block ends with the chunk
    const end = Math.floor((start + length) / this.size) * this.size - start;
    return Math.max(from, end);
  }
}

class Nf4B64 extends FlatBlocks {
  constructor(n: number) {
    super(64, n);
  }
  protected block(x: Float32Array, from: number, to: number): void {
    nf4Blocks(x, from, to, this.error.acc);
  }
  protected override run(chunk: Float32Array, from: number, to: number, _start: number, ops: ValueOps): void {
    ops.nf4Error(from, to, this.error.acc);
  }
}

/** llama.cpp's block of 32, flattened; the last block of a tensor whose size is not a multiple of 32 is short (zero-padded). */
abstract class GgmlBlock extends FlatBlocks {
  constructor(n: number) {
    super(32, n);
  }
}

class Q4_0 extends GgmlBlock {
  protected block(x: Float32Array, from: number, to: number): void {
    q4_0Blocks(x, from, to, this.error.acc);
  }
  protected override run(chunk: Float32Array, from: number, to: number, _start: number, ops: ValueOps): void {
    ops.q4_0Error(from, to, this.error.acc);
  }
}

class Q8_0 extends GgmlBlock {
  protected block(x: Float32Array, from: number, to: number): void {
    q8_0Blocks(x, from, to, this.error.acc);
  }
  protected override run(chunk: Float32Array, from: number, to: number, _start: number, ops: ValueOps): void {
    ops.q8_0Error(from, to, this.error.acc);
  }
}

/** A fresh accumulator of `scheme` for a tensor of `shape` whose scales the first pass found. */
export function schemeAccumulator(scheme: SchemeName, shape: readonly number[], scales: TensorScales): SchemeAccumulator {
  const n = shape.reduce((a, b) => a * b, 1);
  switch (scheme) {
    case "int8-per-tensor":
      return new Int8PerTensor(scales.absmax);
    case "int8-per-channel":
      return new Int8PerChannel(scales);
    case "fp8-e4m3":
      return new Fp8E4m3(scales.absmax);
    case "int4-g128":
      return new Int4G128(rowLengthOf(shape), n);
    case "nf4-b64":
      return new Nf4B64(n);
    case "q4_0":
      return new Q4_0(n);
    case "q8_0":
      return new Q8_0(n);
  }
}
