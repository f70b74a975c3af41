/**
 * The WebAssembly SIMD kernels (AssemblyScript sources in ./assembly, built by scripts/build-kernels.mjs into
 * dist/kernels.wasm) behind a TypeScript face that takes ordinary typed arrays. Each method computes exactly
 * what the named src/core function computes for float32 input, bit for bit, and returns `false` (or a
 * non-finite number) where the core would throw, so a caller can fall back to the core for the error message.
 * This folder imports nothing: the bytes of the module are handed in, and the fallback lives with the callers.
 *
 * Arrays are streamed through the module's memory in chunks of CHUNK_VALUES (256 KiB of float32 per array),
 * small enough to stay in the CPU's cache between the copy in, the kernel and the copy out. Those two copies
 * cost about 1.6 × a plain copy of the array; arrays from `Kernels.arena` live in the memory of an instance of
 * their own and are worked on in place.
 */

/** Values per chunk copied into the module's memory (a multiple of 128, 64, 32 and 4). */
export const CHUNK_VALUES = 64 * 1024;

interface Exports {
  memory: WebAssembly.Memory;
  fakeQuantizeF32(x: number, out: number, n: number, scale: number, lo: number, hi: number): number;
  groupQuantizeSymF32(w: number, q: number, scales: number, n: number, groupSize: number, bits: number): number;
  mseF32(a: number, b: number, n: number, sums: number): number;
  softmaxRowsF32(x: number, out: number, n: number, rowLength: number, temperature: number): number;
  momentsF32(x: number, n: number, acc: number): number;
  histogramF32(x: number, n: number, lo: number, binScale: number, mean: number, limit: number, counts: number, scratch: number): number;
  int8ErrorF32(x: number, n: number, s: number, acc: number): void;
  q4_0ErrorF32(x: number, n: number, acc: number): void;
  q8_0ErrorF32(x: number, n: number, acc: number): void;
  fp8ErrorF32(x: number, n: number, s: number, acc: number): void;
  nf4ErrorF32(x: number, n: number, acc: number): void;
  int4ErrorF32(x: number, n: number, inRow: number, rowLength: number, acc: number): void;
}

/** Layout of the inspection loops' memory: accumulators, histogram counts, then the current chunk of values. */
const ACC = 0;
const COUNTS = 64;
const HISTOGRAM_SCRATCH = 1024;
const VALUES = 2048;

const PAGE = 65536;
/** The module's own data (none beyond the stack) stays below this offset; the arrays go above it. */
const BASE = 4 * PAGE;

export class Kernels {
  private readonly exports: Exports;

  /** `module` (the compiled kernels) lets `arena` start instances of its own. */
  constructor(
    instance: WebAssembly.Instance,
    private readonly module?: WebAssembly.Module,
  ) {
    this.exports = instance.exports as unknown as Exports;
  }

  /**
   * A fixed-size arena of typed arrays that live in the memory of a kernel instance of their own, so that
   * fakeQuantize and groupQuantize run on them in place, without copying in and out: the copies alone cost
   * about 1.6 × a plain copy of the array, more than the kernels. Its memory is sized once here and never grows,
   * so the arrays it hands out stay valid for the arena's life.
   * @param bytes the capacity (each array takes its size rounded up to 16 bytes)
   */
  arena(bytes: number): KernelArena {
    if (!this.module) throw new Error("Kernels.arena: these kernels were built without their module; use instantiateKernels");
    if (!Number.isSafeInteger(bytes) || bytes < 0) throw new RangeError(`Kernels.arena: bytes must be a non-negative integer, got ${bytes}`);
    return new KernelArena(new WebAssembly.Instance(this.module, {}).exports as unknown as Exports, bytes);
  }

  /** Byte offsets of `count` disjoint regions of at least `bytes` bytes each in the module's memory (grown when needed). */
  private regions(count: number, bytes: number): number[] {
    const size = Math.ceil(bytes / 16) * 16;
    const needed = BASE + count * size;
    const memory = this.exports.memory;
    if (memory.buffer.byteLength < needed) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
    return Array.from({ length: count }, (_, i) => BASE + i * size);
  }

  private f32(offset: number, length: number): Float32Array {
    return new Float32Array(this.exports.memory.buffer, offset, length);
  }

  /**
   * core fakeQuantize's float32 half-even path: out[i] = f32(scale · (min(hi, max(lo, x[i]/scale)) + M − M)).
   * @returns false when x holds NaN or ±Infinity (out is then partly written)
   */
  fakeQuantizeF32(x: Float32Array, scale: number, lo: number, hi: number, out: Float32Array): boolean {
    const [px, po] = this.regions(2, CHUNK_VALUES * 4);
    let ok = true;
    for (let start = 0; start < x.length; start += CHUNK_VALUES) {
      const end = Math.min(x.length, start + CHUNK_VALUES);
      this.f32(px, end - start).set(x.subarray(start, end));
      ok = this.exports.fakeQuantizeF32(px, po, end - start, scale, lo, hi) === 1 && ok;
      out.set(this.f32(po, end - start), start);
    }
    return ok;
  }

  /**
   * core groupQuantize's float32 symmetric half-even path (symmetricFloat32): codes into q, one scale per group.
   * @returns −1, or the first group the core's general loop must handle (non-finite or too wide a range)
   */
  groupQuantizeSymF32(w: Float32Array, groupSize: number, bits: number, q: Int32Array, scales: Float64Array): number {
    // A chunk holds whole groups, so each call starts at a group boundary.
    const groupsPerChunk = Math.max(1, Math.floor(CHUNK_VALUES / groupSize));
    const chunk = groupsPerChunk * groupSize;
    const [pw, pq, ps] = this.regions(3, chunk * 4 + 8 * groupsPerChunk);
    for (let start = 0, g0 = 0; start < w.length; start += chunk, g0 += groupsPerChunk) {
      const end = Math.min(w.length, start + chunk);
      const groups = Math.ceil((end - start) / groupSize);
      this.f32(pw, end - start).set(w.subarray(start, end));
      const bad = this.exports.groupQuantizeSymF32(pw, pq, ps, end - start, groupSize, bits);
      if (bad >= 0) return g0 + bad;
      q.set(new Int32Array(this.exports.memory.buffer, pq, end - start), start);
      scales.set(new Float64Array(this.exports.memory.buffer, ps, groups), g0);
    }
    return -1;
  }

  /** core mse for two float32 arrays of equal length: NaN or ±Infinity where the core would throw or overflow. */
  mseF32(a: Float32Array, b: Float32Array): number {
    const [pa, pb, ps] = this.regions(3, CHUNK_VALUES * 4);
    // The core's eight partial sums (index mod 8) carry from chunk to chunk (a chunk's length is a multiple of 8).
    new Float64Array(this.exports.memory.buffer, ps, 8).fill(0);
    for (let start = 0; start < a.length; start += CHUNK_VALUES) {
      const end = Math.min(a.length, start + CHUNK_VALUES);
      this.f32(pa, end - start).set(a.subarray(start, end));
      this.f32(pb, end - start).set(b.subarray(start, end));
      this.exports.mseF32(pa, pb, end - start, ps);
    }
    const s = new Float64Array(this.exports.memory.buffer, ps, 8);
    return (s[0] + s[1] + (s[2] + s[3]) + (s[4] + s[5] + (s[6] + s[7]))) / a.length;
  }

  /**
   * core softmaxRows for float32 logits and output.
   * @returns false when a row held a non-finite logit
   */
  softmaxRowsF32(x: Float32Array, rowLength: number, temperature: number, out: Float32Array): boolean {
    const rowsPerChunk = Math.max(1, Math.floor(CHUNK_VALUES / rowLength));
    const chunk = rowsPerChunk * rowLength;
    const [px, po] = this.regions(2, chunk * 4);
    let ok = true;
    for (let start = 0; start < x.length; start += chunk) {
      const end = Math.min(x.length, start + chunk);
      this.f32(px, end - start).set(x.subarray(start, end));
      ok = this.exports.softmaxRowsF32(px, po, end - start, rowLength, temperature) === 1 && ok;
      out.set(this.f32(po, end - start), start);
    }
    return ok;
  }

  private valuesLength = 0;

  /**
   * Copies a chunk of values into the module's memory for the inspection loops below, which then work on
   * [from, to) of it (src/models/valueOps.ts pairs each with its TypeScript twin).
   */
  loadValues(chunk: Float32Array): void {
    const [base] = this.regions(1, VALUES + chunk.length * 4);
    // Values a reader already put there (valuesBuffer) are not copied onto themselves.
    if (chunk.buffer !== this.exports.memory.buffer || chunk.byteOffset !== base + VALUES) this.f32(base + VALUES, chunk.length).set(chunk);
    this.valuesLength = chunk.length;
  }

  /**
   * The bytes where loadValues puts a chunk, for a reader to read float32 values into directly (a chunk read
   * there is then loaded without a copy). Valid until the module's memory grows: loading a chunk of at most
   * `bytes` bytes never grows it.
   */
  valuesBuffer(bytes: number): Uint8Array {
    const [base] = this.regions(1, VALUES + bytes);
    return new Uint8Array(this.exports.memory.buffer, base + VALUES, bytes);
  }

  private values(from: number, to: number): number {
    if (from < 0 || to > this.valuesLength || from > to) throw new RangeError(`values [${from}, ${to}) outside the loaded chunk of ${this.valuesLength}`);
    return BASE + VALUES + from * 4;
  }

  private withAcc<T>(acc: Float64Array, run: (p: number) => T): T {
    const view = new Float64Array(this.exports.memory.buffer, BASE + ACC, acc.length);
    view.set(acc);
    const result = run(BASE + ACC);
    acc.set(new Float64Array(this.exports.memory.buffer, BASE + ACC, acc.length));
    return result;
  }

  /** acc = [Σx, Σx², min, max] updated over [from, to); returns max |x| there. */
  moments(from: number, to: number, acc: Float64Array): number {
    const p = this.values(from, to);
    return this.withAcc(acc, (a) => this.exports.momentsF32(p, to - from, a));
  }

  /** Adds [from, to) to 64 counts; returns how many values lie farther than `limit` from `mean`. */
  histogram(from: number, to: number, lo: number, binScale: number, mean: number, limit: number, counts: Uint32Array): number {
    const p = this.values(from, to);
    const view = new Uint32Array(this.exports.memory.buffer, BASE + COUNTS, 64);
    view.set(counts);
    const outliers = this.exports.histogramF32(p, to - from, lo, binScale, mean, limit, BASE + COUNTS, BASE + HISTOGRAM_SCRATCH);
    counts.set(new Uint32Array(this.exports.memory.buffer, BASE + COUNTS, 64));
    return outliers;
  }

  /** acc = [Σ(w − x̂)², max |w − x̂|] of symmetric int8 with scale s over [from, to). */
  int8Error(from: number, to: number, s: number, acc: Float64Array): void {
    const p = this.values(from, to);
    this.withAcc(acc, (a) => this.exports.int8ErrorF32(p, to - from, s, a));
  }

  /** The same for llama.cpp's Q4_0 over the blocks of 32 starting at `from`. */
  q4_0Error(from: number, to: number, acc: Float64Array): void {
    const p = this.values(from, to);
    this.withAcc(acc, (a) => this.exports.q4_0ErrorF32(p, to - from, a));
  }

  /** The same for llama.cpp's Q8_0. */
  q8_0Error(from: number, to: number, acc: Float64Array): void {
    const p = this.values(from, to);
    this.withAcc(acc, (a) => this.exports.q8_0ErrorF32(p, to - from, a));
  }

  /** The same for FP8 E4M3 with per-tensor scale s (values in order). */
  fp8Error(from: number, to: number, s: number, acc: Float64Array): void {
    const p = this.values(from, to);
    this.withAcc(acc, (a) => this.exports.fp8ErrorF32(p, to - from, s, a));
  }

  /** The same for NF4 over the blocks of 64 starting at `from` (values in order). */
  nf4Error(from: number, to: number, acc: Float64Array): void {
    const p = this.values(from, to);
    this.withAcc(acc, (a) => this.exports.nf4ErrorF32(p, to - from, a));
  }

  /** The same for int4-g128 over whole groups from `from`, value `inRow` of a row of `rowLength` (values in order). */
  int4Error(from: number, to: number, inRow: number, rowLength: number, acc: Float64Array): void {
    const p = this.values(from, to);
    this.withAcc(acc, (a) => this.exports.int4ErrorF32(p, to - from, inRow, rowLength, a));
  }
}

/**
 * Typed arrays in a kernel instance's own memory (see `Kernels.arena`), and the kernels that run on them in place.
 * Each method computes what its `Kernels` namesake computes, bit for bit; its arrays must come from this arena.
 */
export class KernelArena {
  private next = BASE;
  /** 64 bytes of the arena's own, after the `bytes` it hands out: mse's eight partial sums. */
  private readonly scratch: number;

  constructor(
    private readonly exports: Exports,
    bytes: number,
  ) {
    this.scratch = BASE + Math.ceil(bytes / 16) * 16;
    const end = this.scratch + 64;
    const memory = exports.memory;
    if (memory.buffer.byteLength < end) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
  }

  private take(bytes: number, what: string): number {
    const offset = this.next;
    const size = Math.ceil(bytes / 16) * 16;
    if (offset + size > this.scratch) {
      throw new RangeError(`KernelArena: ${what} needs ${bytes} bytes, ${this.scratch - offset} of the arena's ${this.scratch - BASE} are left`);
    }
    this.next = offset + size;
    return offset;
  }

  float32(length: number): Float32Array {
    return new Float32Array(this.exports.memory.buffer, this.take(length * 4, `float32(${length})`), length);
  }

  int32(length: number): Int32Array {
    return new Int32Array(this.exports.memory.buffer, this.take(length * 4, `int32(${length})`), length);
  }

  float64(length: number): Float64Array {
    return new Float64Array(this.exports.memory.buffer, this.take(length * 8, `float64(${length})`), length);
  }

  /** The byte offset of an array of this arena (throws for any other array). */
  private at(array: ArrayBufferView, name: string): number {
    if (array.buffer !== this.exports.memory.buffer) throw new Error(`KernelArena: ${name} is not an array of this arena`);
    return array.byteOffset;
  }

  /**
   * `Kernels.fakeQuantizeF32` on arrays of this arena, x and out of equal length and apart (a block that fails
   * the fast path's tie test is recomputed from x after out was written).
   */
  fakeQuantizeF32(x: Float32Array, scale: number, lo: number, hi: number, out: Float32Array): boolean {
    if (out.length !== x.length) throw new RangeError(`KernelArena.fakeQuantizeF32: out has length ${out.length}, x ${x.length}`);
    const px = this.at(x, "x");
    const po = this.at(out, "out");
    if (px < po + out.byteLength && po < px + x.byteLength) throw new RangeError("KernelArena.fakeQuantizeF32: out overlaps x");
    return this.exports.fakeQuantizeF32(px, po, x.length, scale, lo, hi) === 1;
  }

  /** `Kernels.groupQuantizeSymF32` on arrays of this arena (q of w's length, scales one per group). */
  groupQuantizeSymF32(w: Float32Array, groupSize: number, bits: number, q: Int32Array, scales: Float64Array): number {
    if (q.length !== w.length || scales.length < Math.ceil(w.length / groupSize)) {
      throw new RangeError(`KernelArena.groupQuantizeSymF32: q has length ${q.length} (w ${w.length}), scales ${scales.length} (groups ${Math.ceil(w.length / groupSize)})`);
    }
    return this.exports.groupQuantizeSymF32(this.at(w, "w"), this.at(q, "q"), this.at(scales, "scales"), w.length, groupSize, bits);
  }

  /** `Kernels.mseF32` on two arrays of this arena of equal length. */
  mseF32(a: Float32Array, b: Float32Array): number {
    if (b.length !== a.length) throw new RangeError(`KernelArena.mseF32: b has length ${b.length}, a ${a.length}`);
    const sums = new Float64Array(this.exports.memory.buffer, this.scratch, 8);
    sums.fill(0);
    this.exports.mseF32(this.at(a, "a"), this.at(b, "b"), a.length, this.scratch);
    return (sums[0] + sums[1] + (sums[2] + sums[3]) + (sums[4] + sums[5] + (sums[6] + sums[7]))) / a.length;
  }

  /** `Kernels.softmaxRowsF32` on arrays of this arena: out is x itself (in place) or apart from it. */
  softmaxRowsF32(x: Float32Array, rowLength: number, temperature: number, out: Float32Array): boolean {
    if (out.length !== x.length) throw new RangeError(`KernelArena.softmaxRowsF32: out has length ${out.length}, x ${x.length}`);
    const px = this.at(x, "x");
    const po = this.at(out, "out");
    if (px !== po && px < po + out.byteLength && po < px + x.byteLength) throw new RangeError("KernelArena.softmaxRowsF32: out overlaps x without being x");
    return this.exports.softmaxRowsF32(px, po, x.length, rowLength, temperature) === 1;
  }
}

/** Compiles and instantiates the kernels from the bytes of dist/kernels.wasm. */
export function instantiateKernels(bytes: Uint8Array | ArrayBuffer): Kernels {
  const module = new WebAssembly.Module(bytes as BufferSource);
  return new Kernels(new WebAssembly.Instance(module, {}), module);
}
