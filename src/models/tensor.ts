/** What a reader tells about a tensor, whatever the format: row-major shape, dtype, bytes, where the values are. */
import { ModelFile, ModelFileError } from "./file";

/** Element types whose values the readers decode (every one converts to float32 exactly). */
export type ValueDtype = "F32" | "F16" | "BF16" | "I8" | "U8";

export const VALUE_DTYPE_BYTES: Readonly<Record<ValueDtype, number>> = { F32: 4, F16: 2, BF16: 2, I8: 1, U8: 1 };

/**
 * The values of a tensor as a sequence of byte chunks, in order; `open` starts a fresh pass each time. A reader
 * that reads the file directly may read into `into` (at least READ_CHUNK_BYTES long) instead of a buffer of its own.
 */
export interface TensorData {
  dtype: ValueDtype;
  bigEndian: boolean;
  open(into?: Uint8Array): AsyncIterable<Uint8Array>;
}

export interface TensorEntry {
  name: string;
  /** The type as the file names it: F32, F16, BF16, I8, U8, or a GGUF type such as Q4_0. */
  dtype: string;
  /** Row-major (numpy, PyTorch) order for every format: GGUF's reversed dimensions are put back. */
  shape: number[];
  params: number;
  /** Bytes the file stores for this tensor. */
  bytes: number;
  /** Undefined for types whose values are not decoded (GGUF's quantized types: table and metadata only). */
  data?: TensorData;
}

export type ModelFormat = "safetensors" | "safetensors-sharded" | "gguf" | "npy" | "npz";

export interface ModelIndex {
  format: ModelFormat;
  tensors: TensorEntry[];
  /** Header metadata where the format has it (safetensors __metadata__, GGUF key/values). */
  metadata: Record<string, unknown>;
}

/** Largest read the readers make at once: the bound on file bytes held in memory while streaming. */
export const READ_CHUNK_BYTES = 8 * 1024 * 1024;

/** Streams bytes [offset, offset + length) of a file in reads of at most READ_CHUNK_BYTES. */
export function fileRange(file: ModelFile, offset: number, length: number, dtype: ValueDtype, bigEndian = false): TensorData {
  return {
    dtype,
    bigEndian,
    async *open(into?: Uint8Array) {
      // One buffer per pass, reused by every read: a yielded chunk is valid until the next one is asked for.
      const buffer = into && into.length >= READ_CHUNK_BYTES ? into : new Uint8Array(Math.min(READ_CHUNK_BYTES, length));
      for (let at = 0; at < length; at += READ_CHUNK_BYTES) {
        const n = Math.min(READ_CHUNK_BYTES, length - at);
        const bytes = await file.read(offset + at, n, buffer);
        if (bytes.length < n) throw new ModelFileError(file.name, offset + at + bytes.length, "truncated: tensor data ends early");
        yield bytes;
      }
    },
  };
}

/** The product of a shape's dimensions (1 for a scalar), refusing what is not a safe integer. */
export function elementCount(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
