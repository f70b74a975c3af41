/**
 * GGUF (llama.cpp), versions 2 and 3: "GGUF", version u32, tensor count u64, key/value count u64, the key/values
 * (typed, arrays included), the tensor infos (name, dims, ggml type, offset), then the data at the next multiple
 * of `general.alignment` (default 32). All little-endian. GGUF lists dimensions fastest-varying first (ne[0] is
 * the row length): shapes are reversed here into row-major order, as numpy and PyTorch write them.
 * F32, F16, BF16 and I8 tensors are decoded; every other type is listed (type, shape, stored bytes) only.
 */
import { ModelFile, ModelFileError } from "./file";
import { ModelIndex, TensorEntry, ValueDtype, fileRange } from "./tensor";

/** ggml type id → name, values per block, bytes per block (ggml.h / gguf-py GGML_QUANT_SIZES). */
export const GGML_TYPES: Record<number, { name: string; blockValues: number; blockBytes: number; dtype?: ValueDtype }> = {
  0: { name: "F32", blockValues: 1, blockBytes: 4, dtype: "F32" },
  1: { name: "F16", blockValues: 1, blockBytes: 2, dtype: "F16" },
  2: { name: "Q4_0", blockValues: 32, blockBytes: 18 },
  3: { name: "Q4_1", blockValues: 32, blockBytes: 20 },
  6: { name: "Q5_0", blockValues: 32, blockBytes: 22 },
  7: { name: "Q5_1", blockValues: 32, blockBytes: 24 },
  8: { name: "Q8_0", blockValues: 32, blockBytes: 34 },
  9: { name: "Q8_1", blockValues: 32, blockBytes: 40 },
  10: { name: "Q2_K", blockValues: 256, blockBytes: 84 },
  11: { name: "Q3_K", blockValues: 256, blockBytes: 110 },
  12: { name: "Q4_K", blockValues: 256, blockBytes: 144 },
  13: { name: "Q5_K", blockValues: 256, blockBytes: 176 },
  14: { name: "Q6_K", blockValues: 256, blockBytes: 210 },
  15: { name: "Q8_K", blockValues: 256, blockBytes: 292 },
  16: { name: "IQ2_XXS", blockValues: 256, blockBytes: 66 },
  17: { name: "IQ2_XS", blockValues: 256, blockBytes: 74 },
  18: { name: "IQ3_XXS", blockValues: 256, blockBytes: 98 },
  19: { name: "IQ1_S", blockValues: 256, blockBytes: 50 },
  20: { name: "IQ4_NL", blockValues: 32, blockBytes: 18 },
  21: { name: "IQ3_S", blockValues: 256, blockBytes: 110 },
  22: { name: "IQ2_S", blockValues: 256, blockBytes: 82 },
  23: { name: "IQ4_XS", blockValues: 256, blockBytes: 136 },
  24: { name: "I8", blockValues: 1, blockBytes: 1, dtype: "I8" },
  25: { name: "I16", blockValues: 1, blockBytes: 2 },
  26: { name: "I32", blockValues: 1, blockBytes: 4 },
  27: { name: "I64", blockValues: 1, blockBytes: 8 },
  28: { name: "F64", blockValues: 1, blockBytes: 8 },
  29: { name: "IQ1_M", blockValues: 256, blockBytes: 56 },
  30: { name: "BF16", blockValues: 1, blockBytes: 2, dtype: "BF16" },
  34: { name: "TQ1_0", blockValues: 256, blockBytes: 54 },
  35: { name: "TQ2_0", blockValues: 256, blockBytes: 66 },
  39: { name: "MXFP4", blockValues: 32, blockBytes: 17 },
};

/** Arrays longer than this are summarised in the metadata (a tokenizer's vocabulary is 100k+ strings). */
const MAX_ARRAY_ITEMS_KEPT = 64;
const MAX_STRING_BYTES = 16 * 1024 * 1024;
const WINDOW = 1024 * 1024;

/** Sequential little-endian reads over the file through a bounded window. */
class Cursor {
  private window: Uint8Array = new Uint8Array(0);
  private windowStart = 0;
  constructor(
    private readonly file: ModelFile,
    public position: number,
  ) {}

  private async ensure(n: number, what: string): Promise<DataView> {
    const end = this.position + n;
    if (end > this.file.size) throw new ModelFileError(this.file.name, this.position, `truncated: ${what} needs ${n} bytes, the file ends after ${this.file.size - this.position}`);
    if (this.position < this.windowStart || end > this.windowStart + this.window.length) {
      this.windowStart = this.position;
      this.window = await this.file.read(this.position, Math.min(this.file.size - this.position, Math.max(WINDOW, n)));
    }
    const at = this.position - this.windowStart;
    this.position = end;
    return new DataView(this.window.buffer, this.window.byteOffset + at, n);
  }

  async u8(what: string) { return (await this.ensure(1, what)).getUint8(0); }
  async u32(what: string) { return (await this.ensure(4, what)).getUint32(0, true); }
  async u64(what: string): Promise<number> {
    const at = this.position;
    const v = (await this.ensure(8, what)).getBigUint64(0, true);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ModelFileError(this.file.name, at, `${what} (${v}) is beyond 2^53: corrupted`);
    return Number(v);
  }
  async string(what: string): Promise<string> {
    const at = this.position;
    const length = await this.u64(`${what} length`);
    if (length > MAX_STRING_BYTES) throw new ModelFileError(this.file.name, at, `${what} claims ${length} bytes: corrupted`);
    const v = await this.ensure(length, what);
    return new TextDecoder().decode(new Uint8Array(v.buffer, v.byteOffset, length));
  }
  async scalar(type: number, what: string): Promise<unknown> {
    switch (type) {
      case 0: return (await this.ensure(1, what)).getUint8(0);
      case 1: return (await this.ensure(1, what)).getInt8(0);
      case 2: return (await this.ensure(2, what)).getUint16(0, true);
      case 3: return (await this.ensure(2, what)).getInt16(0, true);
      case 4: return (await this.ensure(4, what)).getUint32(0, true);
      case 5: return (await this.ensure(4, what)).getInt32(0, true);
      case 6: return (await this.ensure(4, what)).getFloat32(0, true);
      case 7: return (await this.ensure(1, what)).getUint8(0) !== 0;
      case 8: return this.string(what);
      case 10: return Number((await this.ensure(8, what)).getBigUint64(0, true));
      case 11: return Number((await this.ensure(8, what)).getBigInt64(0, true));
      case 12: return (await this.ensure(8, what)).getFloat64(0, true);
      default: throw new ModelFileError(this.file.name, this.position, `${what} has unknown value type ${type}`);
    }
  }
  async value(type: number, what: string): Promise<unknown> {
    if (type !== 9) return this.scalar(type, what);
    const itemType = await this.u32(`${what} item type`);
    const at = this.position;
    const length = await this.u64(`${what} length`);
    if (itemType === 9) throw new ModelFileError(this.file.name, at, `${what}: nested arrays are not supported`);
    if (length > this.file.size) throw new ModelFileError(this.file.name, at, `${what} claims ${length} items: corrupted`);
    const kept: unknown[] = [];
    for (let i = 0; i < length; i++) {
      const v = await this.scalar(itemType, `${what}[${i}]`);
      if (i < MAX_ARRAY_ITEMS_KEPT) kept.push(v);
    }
    return length <= MAX_ARRAY_ITEMS_KEPT ? kept : { items: length, first: kept };
  }
}

export async function readGguf(file: ModelFile): Promise<ModelIndex> {
  const c = new Cursor(file, 0);
  const magic = await c.u32("the magic");
  if (magic !== 0x46554747) throw new ModelFileError(file.name, 0, "not a GGUF file (no GGUF magic)");
  const version = await c.u32("the version");
  if (version < 2 || version > 3) throw new ModelFileError(file.name, 4, `GGUF version ${version} is not supported (2 and 3 are)`);
  const tensorCount = await c.u64("the tensor count");
  const kvCount = await c.u64("the key/value count");
  if (tensorCount > file.size / 24 || kvCount > file.size / 12) throw new ModelFileError(file.name, 8, `implausible counts (${tensorCount} tensors, ${kvCount} keys): corrupted`);
  const metadata: Record<string, unknown> = { "gguf.version": version };
  for (let i = 0; i < kvCount; i++) {
    const key = await c.string(`key ${i}`);
    const type = await c.u32(`the type of ${key}`);
    metadata[key] = await c.value(type, key);
  }
  const alignment = metadata["general.alignment"] ?? 32;
  if (typeof alignment !== "number" || !Number.isInteger(alignment) || alignment <= 0) throw new ModelFileError(file.name, undefined, `general.alignment ${String(alignment)} is not a positive integer`);
  const infos: { name: string; dims: number[]; type: number; offset: number; at: number }[] = [];
  for (let i = 0; i < tensorCount; i++) {
    const at = c.position;
    const name = await c.string(`tensor ${i} name`);
    const nDims = await c.u32(`${name} dimension count`);
    if (nDims > 8) throw new ModelFileError(file.name, at, `tensor ${name} claims ${nDims} dimensions: corrupted`);
    const dims: number[] = [];
    for (let d = 0; d < nDims; d++) dims.push(await c.u64(`${name} dimension ${d}`));
    const type = await c.u32(`${name} type`);
    const offset = await c.u64(`${name} offset`);
    infos.push({ name, dims, type, offset, at });
  }
  const dataStart = Math.ceil(c.position / alignment) * alignment;
  const tensors: TensorEntry[] = infos.map((t) => {
    const info = GGML_TYPES[t.type];
    if (!info) throw new ModelFileError(file.name, t.at, `tensor ${t.name} has unknown ggml type ${t.type}`);
    const shape = [...t.dims].reverse();
    const params = t.dims.reduce((a, b) => a * b, 1);
    if (t.dims.length > 0 && t.dims[0] % info.blockValues !== 0) throw new ModelFileError(file.name, t.at, `tensor ${t.name}: row length ${t.dims[0]} is not a multiple of ${info.name}'s block of ${info.blockValues}`);
    const bytes = (params / info.blockValues) * info.blockBytes;
    const start = dataStart + t.offset;
    if (start + bytes > file.size) throw new ModelFileError(file.name, start, `truncated: tensor ${t.name} (${bytes} bytes) runs past the end of the file (${file.size} bytes)`);
    return { name: t.name, dtype: info.name, shape, params, bytes, data: info.dtype ? fileRange(file, start, bytes, info.dtype) : undefined };
  });
  return { format: "gguf", tensors, metadata };
}
