/**
 * What the readers need from a file, injected so src/models stays free of node:* (src/models/node/nodeFile.ts
 * implements it over node:fs; tests can hand in bytes). Every read is bounded by its caller.
 */
export interface ModelFile {
  /** The name errors cite (the path as the user gave it). */
  readonly name: string;
  readonly size: number;
  /**
   * Reads exactly `length` bytes at `position` (fewer only at the end of the file), into `into` when given (a
   * buffer of at least `length` bytes the caller reuses between reads) or a new buffer.
   */
  read(position: number, length: number, into?: Uint8Array): Promise<Uint8Array>;
}

/** Opens another file next to this one (the shards of a sharded safetensors checkpoint). */
export type OpenSibling = (relativePath: string) => Promise<ModelFile>;

/** A malformed, truncated or unsupported model file: the message names the file and the byte offset. */
export class ModelFileError extends Error {
  constructor(
    readonly file: string,
    readonly offset: number | undefined,
    readonly reason: string,
  ) {
    super(offset === undefined ? `${file}: ${reason}` : `${file}: at byte ${offset}: ${reason}`);
  }
}

/** Reads exactly `length` bytes or throws a ModelFileError saying the file is truncated there. */
export async function readExactly(file: ModelFile, position: number, length: number, what: string): Promise<Uint8Array> {
  if (position + length > file.size) {
    throw new ModelFileError(file.name, position, `truncated: ${what} needs ${length} bytes but the file ends after ${Math.max(0, file.size - position)}`);
  }
  const bytes = await file.read(position, length);
  if (bytes.length < length) throw new ModelFileError(file.name, position + bytes.length, `truncated: ${what} ends early`);
  return bytes;
}

/** An in-memory ModelFile (tests, and members of small archives). */
export function bytesFile(name: string, bytes: Uint8Array): ModelFile {
  return {
    name,
    size: bytes.length,
    read: async (position, length, into) => {
      const part = bytes.subarray(position, Math.min(bytes.length, position + length));
      if (!into) return part;
      into.set(part);
      return into.subarray(0, part.length);
    },
  };
}
