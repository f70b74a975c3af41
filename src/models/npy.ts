/**
 * .npy (numpy's format, versions 1–3): the magic "\x93NUMPY", a version, a little-endian header length (2 bytes
 * in version 1, 4 after), and a Python dict literal `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`,
 * then the C-order data. Read here: float32, float16, int8, uint8 in either byte order, C order only.
 */
import { ModelFile, ModelFileError, readExactly } from "./file";
import { TensorEntry, ValueDtype, elementCount, fileRange } from "./tensor";

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
const MAX_HEADER_BYTES = 1 << 20;

const DESCR: Record<string, { dtype: ValueDtype; name: string }> = {
  f4: { dtype: "F32", name: "F32" },
  f2: { dtype: "F16", name: "F16" },
  i1: { dtype: "I8", name: "I8" },
  u1: { dtype: "U8", name: "U8" },
};

export interface NpyHeader {
  tensor: Omit<TensorEntry, "data">;
  /** Absolute offset of the first data byte. */
  dataStart: number;
  valueDtype: ValueDtype;
  bigEndian: boolean;
}

/** Parses the header of the .npy of `length` bytes that starts at `base` in `file`; its tensor is called `name`. */
export async function parseNpyHeader(file: ModelFile, base: number, length: number, name: string): Promise<NpyHeader> {
  const prefix = await readExactly(file, base, 10, "the .npy magic and header length");
  if (!MAGIC.every((b, i) => prefix[i] === b)) throw new ModelFileError(file.name, base, "not a .npy array (no \\x93NUMPY magic)");
  const major = prefix[6];
  if (major < 1 || major > 3) throw new ModelFileError(file.name, base + 6, `unsupported .npy version ${major}.${prefix[7]}`);
  let headerLength: number;
  let headerStart: number;
  if (major === 1) {
    headerLength = prefix[8] | (prefix[9] << 8);
    headerStart = base + 10;
  } else {
    const more = await readExactly(file, base + 8, 4, "the .npy header length");
    headerLength = new DataView(more.buffer, more.byteOffset, 4).getUint32(0, true);
    headerStart = base + 12;
  }
  if (headerLength > MAX_HEADER_BYTES) throw new ModelFileError(file.name, base + 8, `header length ${headerLength} is implausible`);
  const text = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(await readExactly(file, headerStart, headerLength, "the .npy header"));
  const at = (why: string) => new ModelFileError(file.name, headerStart, `${why} in header ${JSON.stringify(text.trim())}`);
  const descr = /'descr'\s*:\s*'([<>|=])([a-zA-Z])(\d+)'/.exec(text);
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text);
  const shapeMatch = /'shape'\s*:\s*\(([^)]*)\)/.exec(text);
  if (!descr || !fortran || !shapeMatch) throw at("no descr, fortran_order and shape");
  if (fortran[1] === "True") throw at("Fortran-order arrays are not supported (save with np.ascontiguousarray)");
  const kind = DESCR[`${descr[2]}${descr[3]}`];
  if (!kind) throw at(`dtype ${descr[0].slice(descr[0].indexOf("'"))} is not supported (float32, float16, int8, uint8 are)`);
  const shape = shapeMatch[1]
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => Number(s));
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0)) throw at("shape is not a tuple of non-negative integers");
  const params = elementCount(shape);
  const size = kind.dtype === "F32" ? 4 : kind.dtype === "F16" ? 2 : 1;
  const dataStart = headerStart + headerLength;
  const bytes = params * size;
  if (dataStart - base + bytes > length) {
    throw new ModelFileError(file.name, dataStart, `truncated: ${name} needs ${bytes} bytes of data, ${Math.max(0, length - (dataStart - base))} are there`);
  }
  return { tensor: { name, dtype: kind.name, shape, params, bytes }, dataStart, valueDtype: kind.dtype, bigEndian: descr[1] === ">" };
}

export async function readNpy(file: ModelFile): Promise<TensorEntry> {
  const name = file.name.split(/[\\/]/).pop()!.replace(/\.npy$/i, "");
  const h = await parseNpyHeader(file, 0, file.size, name);
  return { ...h.tensor, data: fileRange(file, h.dataStart, h.tensor.bytes, h.valueDtype, h.bigEndian) };
}
