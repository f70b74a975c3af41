/**
 * .npz: a zip archive of .npy members (np.savez stores them, np.savez_compressed deflates them). The central
 * directory is read from the end of the file (zip64 included); stored members are read in place, deflated ones
 * are inflated as a stream (fflate), each pass from the start of the member, never whole.
 */
import { Inflate } from "fflate";
import { ModelFile, ModelFileError, bytesFile, readExactly } from "./file";
import { parseNpyHeader } from "./npy";
import { READ_CHUNK_BYTES, TensorData, TensorEntry, ValueDtype, fileRange } from "./tensor";

interface ZipMember {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(v: DataView, at: number): number {
  const n = v.getBigUint64(at, true);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("a 64-bit size beyond 2^53");
  return Number(n);
}

async function centralDirectory(file: ModelFile): Promise<ZipMember[]> {
  const tailLength = Math.min(file.size, 65535 + 22);
  const tail = await readExactly(file, file.size - tailLength, tailLength, "the zip end record");
  const tv = view(tail);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ModelFileError(file.name, file.size, "not a zip archive (no end-of-central-directory record): .npz files are zip archives");
  let count = tv.getUint16(at + 10, true);
  let cdSize = tv.getUint32(at + 12, true);
  let cdOffset = tv.getUint32(at + 16, true);
  const eocdOffset = file.size - tailLength + at;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = await readExactly(file, eocdOffset - 20, 20, "the zip64 locator");
    if (view(locator).getUint32(0, true) !== ZIP64_LOCATOR) throw new ModelFileError(file.name, eocdOffset - 20, "zip64 sizes without a zip64 locator");
    const recordOffset = u64(view(locator), 8);
    const record = view(await readExactly(file, recordOffset, 56, "the zip64 end record"));
    if (record.getUint32(0, true) !== ZIP64_EOCD) throw new ModelFileError(file.name, recordOffset, "bad zip64 end record signature");
    count = u64(record, 32);
    cdSize = u64(record, 40);
    cdOffset = u64(record, 48);
  }
  if (cdOffset + cdSize > file.size) throw new ModelFileError(file.name, cdOffset, "truncated: the central directory lies beyond the end of the file");
  if (cdSize > 64 * 1024 * 1024) throw new ModelFileError(file.name, cdOffset, "central directory larger than 64 MiB: refusing");
  const cd = await readExactly(file, cdOffset, cdSize, "the central directory");
  const cv = view(cd);
  const members: ZipMember[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cv.getUint32(p, true) !== CENTRAL) throw new ModelFileError(file.name, cdOffset + p, `bad central directory entry ${i}`);
    const method = cv.getUint16(p + 10, true);
    let compressedSize = cv.getUint32(p + 20, true);
    let size = cv.getUint32(p + 24, true);
    const nameLength = cv.getUint16(p + 28, true);
    const extraLength = cv.getUint16(p + 30, true);
    const commentLength = cv.getUint16(p + 32, true);
    let localHeaderOffset = cv.getUint32(p + 42, true);
    const name = new TextDecoder().decode(cd.subarray(p + 46, p + 46 + nameLength));
    // zip64 extra field: the 64-bit values of whichever fields are 0xFFFFFFFF, in this order.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = cv.getUint16(e, true);
      const len = cv.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) (size = u64(cv, q)), (q += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(cv, q)), (q += 8);
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(cv, q);
      }
      e += 4 + len;
    }
    members.push({ name, method, compressedSize, size, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return members;
}

async function memberDataOffset(file: ModelFile, m: ZipMember): Promise<number> {
  const local = view(await readExactly(file, m.localHeaderOffset, 30, `the local header of ${m.name}`));
  if (local.getUint32(0, true) !== LOCAL) throw new ModelFileError(file.name, m.localHeaderOffset, `bad local header signature for ${m.name}`);
  const start = m.localHeaderOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  if (start + m.compressedSize > file.size) throw new ModelFileError(file.name, start, `truncated: member ${m.name} runs past the end of the file`);
  return start;
}

/** The inflated bytes of a deflated member, streamed in order, from its first byte. */
async function* inflated(file: ModelFile, start: number, compressedSize: number, name: string): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failed: Error | undefined;
  const inflate = new Inflate((chunk) => ready.push(chunk));
  for (let at = 0; at < compressedSize; at += READ_CHUNK_BYTES) {
    const n = Math.min(READ_CHUNK_BYTES, compressedSize - at);
    const bytes = await readExactly(file, start + at, n, `member ${name}`);
    try {
      inflate.push(bytes, at + n >= compressedSize);
    } catch (error) {
      failed = new ModelFileError(file.name, start + at, `member ${name} is not valid deflate data (${(error as Error).message})`);
    }
    if (failed) throw failed;
    while (ready.length) yield ready.shift()!;
  }
}

/** Skips the first `skip` bytes of a byte stream. */
async function* after(stream: AsyncIterable<Uint8Array>, skip: number): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) {
    if (skip >= chunk.length) {
      skip -= chunk.length;
      continue;
    }
    yield skip > 0 ? chunk.subarray(skip) : chunk;
    skip = 0;
  }
}

/** Exactly `length` bytes of a stream, or a ModelFileError when it ends early (a damaged deflate stream can). */
async function* exactly(stream: AsyncIterable<Uint8Array>, length: number, fail: () => ModelFileError): AsyncGenerator<Uint8Array> {
  let seen = 0;
  for await (const chunk of stream) {
    const take = Math.min(chunk.length, length - seen);
    if (take > 0) yield chunk.subarray(0, take);
    seen += take;
    if (seen === length) return;
  }
  throw fail();
}

function deflatedData(file: ModelFile, start: number, m: ZipMember, skip: number, bytes: number, dtype: ValueDtype, bigEndian: boolean): TensorData {
  const short = () => new ModelFileError(file.name, start, `member ${m.name} inflates to fewer than the ${bytes} data bytes its header promises`);
  return { dtype, bigEndian, open: () => exactly(after(inflated(file, start, m.compressedSize, m.name), skip), bytes, short) };
}

export async function readNpz(file: ModelFile): Promise<TensorEntry[]> {
  const tensors: TensorEntry[] = [];
  for (const m of await centralDirectory(file)) {
    if (!m.name.endsWith(".npy")) continue;
    const name = m.name.slice(0, -4);
    const start = await memberDataOffset(file, m);
    if (m.method === 0) {
      const h = await parseNpyHeader(file, start, m.size, name);
      tensors.push({ ...h.tensor, data: fileRange(file, h.dataStart, h.tensor.bytes, h.valueDtype, h.bigEndian) });
    } else if (m.method === 8) {
      // The .npy header sits at the start of the inflated stream: inflate just enough of it to parse.
      let prefix = new Uint8Array(0);
      for await (const chunk of inflated(file, start, m.compressedSize, m.name)) {
        const joined = new Uint8Array(prefix.length + chunk.length);
        joined.set(prefix);
        joined.set(chunk, prefix.length);
        prefix = joined;
        if (prefix.length >= 65536 + 12) break;
      }
      let h;
      try {
        h = await parseNpyHeader(bytesFile(m.name, prefix), 0, m.size, name);
      } catch (error) {
        if (!(error instanceof ModelFileError)) throw error;
        throw new ModelFileError(file.name, start, `member ${m.name} (deflated), at its byte ${error.offset ?? 0}: ${error.reason}`);
      }
      tensors.push({ ...h.tensor, data: deflatedData(file, start, m, h.dataStart, h.tensor.bytes, h.valueDtype, h.bigEndian) });
    } else {
      throw new ModelFileError(file.name, m.localHeaderOffset, `member ${m.name} uses zip method ${m.method}; only stored and deflated members are read`);
    }
  }
  return tensors;
}
