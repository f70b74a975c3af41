/**
 * safetensors: an 8-byte little-endian header length N, N bytes of JSON
 * `{ name: { dtype, shape, data_offsets: [begin, end] }, "__metadata__"?: { string: string } }`, then the data;
 * offsets are relative to the first byte after the header. Sharded checkpoints have a
 * `model.safetensors.index.json` whose `weight_map` names the shard of every tensor.
 */
import { ModelFile, ModelFileError, OpenSibling, readExactly } from "./file";
import { ModelIndex, TensorEntry, VALUE_DTYPE_BYTES, ValueDtype, elementCount, fileRange } from "./tensor";

/** A larger header is refused rather than read (real ones are a few hundred KiB). */
export const MAX_SAFETENSORS_HEADER_BYTES = 100 * 1024 * 1024;

/** Every dtype the format defines, with its size; only VALUE dtypes are decoded. */
const DTYPE_BYTES: Record<string, number> = {
  BOOL: 1, U8: 1, I8: 1, F8_E4M3: 1, F8_E5M2: 1, I16: 2, U16: 2, F16: 2, BF16: 2, I32: 4, U32: 4, F32: 4, F64: 8, I64: 8, U64: 8,
};

function isValueDtype(d: string): d is ValueDtype {
  return d in VALUE_DTYPE_BYTES;
}

function firstOffset(entry: unknown): number {
  const offsets = (entry as { data_offsets?: unknown } | null)?.data_offsets;
  return Array.isArray(offsets) && typeof offsets[0] === "number" ? offsets[0] : -1;
}

export async function readSafetensors(file: ModelFile): Promise<ModelIndex> {
  const lengthBytes = await readExactly(file, 0, 8, "the 8-byte header length");
  const headerLength = Number(new DataView(lengthBytes.buffer, lengthBytes.byteOffset, 8).getBigUint64(0, true));
  if (headerLength > MAX_SAFETENSORS_HEADER_BYTES) {
    throw new ModelFileError(file.name, 0, `header length ${headerLength} exceeds ${MAX_SAFETENSORS_HEADER_BYTES} bytes: not a safetensors file, or a corrupted one`);
  }
  const headerBytes = await readExactly(file, 8, headerLength, "the JSON header");
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(headerBytes));
  } catch (error) {
    throw new ModelFileError(file.name, 8, `the header is not valid UTF-8 JSON (${(error as Error).message})`);
  }
  if (header === null || typeof header !== "object" || Array.isArray(header)) throw new ModelFileError(file.name, 8, "the header is not a JSON object");
  const dataStart = 8 + headerLength;
  const dataLength = file.size - dataStart;
  const metadata: Record<string, unknown> = {};
  const tensors: TensorEntry[] = [];
  // In the order of the data, so the passes read the file front to back.
  const entries = Object.entries(header as Record<string, unknown>).sort(([, a], [, b]) => firstOffset(a) - firstOffset(b));
  for (const [name, raw] of entries) {
    if (name === "__metadata__") {
      if (raw && typeof raw === "object") Object.assign(metadata, raw);
      continue;
    }
    const where = (why: string) => new ModelFileError(file.name, 8, `tensor ${JSON.stringify(name)}: ${why}`);
    const t = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (!t || typeof t !== "object") throw where("its entry is not an object");
    if (typeof t.dtype !== "string" || !(t.dtype in DTYPE_BYTES)) throw where(`unknown dtype ${JSON.stringify(t.dtype)}`);
    if (!Array.isArray(t.shape) || !t.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) throw where("shape must be a list of non-negative integers");
    const offsets = t.data_offsets;
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isSafeInteger(o) && o >= 0) || offsets[1] < offsets[0]) {
      throw where("data_offsets must be [begin, end] with 0 ≤ begin ≤ end");
    }
    const shape = t.shape as number[];
    const params = elementCount(shape);
    const bytes = offsets[1] - offsets[0];
    if (bytes !== params * DTYPE_BYTES[t.dtype]) throw where(`holds ${bytes} bytes but ${t.dtype}${JSON.stringify(shape)} needs ${params * DTYPE_BYTES[t.dtype]}`);
    if (offsets[1] > dataLength) {
      throw new ModelFileError(file.name, dataStart + offsets[0], `truncated: tensor ${JSON.stringify(name)} ends at byte ${dataStart + offsets[1]} but the file has ${file.size}`);
    }
    const dtype = t.dtype;
    tensors.push({
      name,
      dtype,
      shape,
      params,
      bytes,
      data: isValueDtype(dtype) ? fileRange(file, dataStart + offsets[0], bytes, dtype) : undefined,
    });
  }
  return { format: "safetensors", tensors, metadata };
}

/** A sharded checkpoint: reads the index JSON, then every shard's header; tensors keep the index's order of shards. */
export async function readShardedSafetensors(indexFile: ModelFile, openSibling: OpenSibling): Promise<ModelIndex> {
  if (indexFile.size > MAX_SAFETENSORS_HEADER_BYTES) throw new ModelFileError(indexFile.name, 0, "the index is larger than any real one: refusing to read it");
  let index: { weight_map?: unknown; metadata?: unknown };
  try {
    index = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(await readExactly(indexFile, 0, indexFile.size, "the index")));
  } catch (error) {
    if (error instanceof ModelFileError) throw error;
    throw new ModelFileError(indexFile.name, 0, `not valid JSON (${(error as Error).message})`);
  }
  const map = index.weight_map;
  if (!map || typeof map !== "object" || Array.isArray(map)) throw new ModelFileError(indexFile.name, 0, "has no weight_map object");
  const shards = new Map<string, string[]>();
  for (const [tensor, shard] of Object.entries(map as Record<string, unknown>)) {
    if (typeof shard !== "string") throw new ModelFileError(indexFile.name, 0, `weight_map[${JSON.stringify(tensor)}] is not a file name`);
    shards.set(shard, [...(shards.get(shard) ?? []), tensor]);
  }
  const tensors: TensorEntry[] = [];
  for (const [shard, names] of shards) {
    const shardIndex = await readSafetensors(await openSibling(shard));
    const byName = new Map(shardIndex.tensors.map((t) => [t.name, t]));
    for (const name of names) {
      const t = byName.get(name);
      if (!t) throw new ModelFileError(indexFile.name, undefined, `weight_map puts ${JSON.stringify(name)} in ${shard}, which has no such tensor`);
      tensors.push(t);
    }
  }
  const metadata = index.metadata && typeof index.metadata === "object" ? { ...(index.metadata as object) } : {};
  return { format: "safetensors-sharded", tensors, metadata };
}
