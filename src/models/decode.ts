/**
 * Decodes a tensor's byte chunks to float32 values. Every supported dtype (F32, F16, BF16, I8, U8) converts to
 * float32 exactly. Chunks may split an element; the leftover bytes wait for the next chunk.
 */
import { TensorData, VALUE_DTYPE_BYTES, ValueDtype } from "./tensor";

let halfTable: Float32Array | undefined;

/** float16 bits → float32, all 65536 of them (256 KiB, built once). */
function float16Table(): Float32Array {
  if (halfTable) return halfTable;
  const t = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) {
    const sign = h & 0x8000 ? -1 : 1;
    const e = (h >> 10) & 0x1f;
    const m = h & 0x3ff;
    if (e === 0) t[h] = sign * m * 2 ** -24;
    else if (e === 31) t[h] = m === 0 ? sign * Infinity : NaN;
    else t[h] = sign * (1 + m / 1024) * 2 ** (e - 15);
  }
  halfTable = t;
  return t;
}

const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Decodes `bytes` (a whole number of elements) into `out` (length bytes / itemSize). */
function decodeInto(dtype: ValueDtype, bigEndian: boolean, bytes: Uint8Array, out: Float32Array): void {
  const n = out.length;
  const swap = bigEndian === littleEndianHost;
  const size = VALUE_DTYPE_BYTES[dtype];
  if (swap && size > 1) {
    const copy = new Uint8Array(bytes); // reverse each element's bytes once, then decode as native
    for (let i = 0; i < copy.length; i += size) copy.subarray(i, i + size).reverse();
    bytes = copy;
  }
  const aligned = bytes.byteOffset % size === 0;
  const src = aligned ? bytes : new Uint8Array(bytes);
  switch (dtype) {
    case "F32":
      out.set(new Float32Array(src.buffer, src.byteOffset, n));
      break;
    case "F16": {
      const t = float16Table();
      const h = new Uint16Array(src.buffer, src.byteOffset, n);
      for (let i = 0; i < n; i++) out[i] = t[h[i]];
      break;
    }
    case "BF16": {
      const h = new Uint16Array(src.buffer, src.byteOffset, n);
      const bits = new Uint32Array(out.buffer, out.byteOffset, n);
      for (let i = 0; i < n; i++) bits[i] = h[i] << 16;
      break;
    }
    case "I8": {
      const v = new Int8Array(src.buffer, src.byteOffset, n);
      for (let i = 0; i < n; i++) out[i] = v[i];
      break;
    }
    case "U8":
      for (let i = 0; i < n; i++) out[i] = src[i];
      break;
  }
}

/**
 * The tensor's values as float32 chunks, in order. A yielded array may be the reader's own buffer or one reused
 * by the next step: consume it before asking for more. `readInto` is handed to the reader (TensorData.open): a
 * little-endian F32 chunk read there is yielded in place.
 */
export async function* float32Chunks(data: TensorData, readInto?: Uint8Array): AsyncGenerator<Float32Array> {
  const size = VALUE_DTYPE_BYTES[data.dtype];
  let out = new Float32Array(0);
  let leftover = new Uint8Array(0);
  for await (let bytes of data.open(readInto)) {
    if (leftover.length) {
      const joined = new Uint8Array(leftover.length + bytes.length);
      joined.set(leftover);
      joined.set(bytes, leftover.length);
      bytes = joined;
    }
    const whole = bytes.length - (bytes.length % size);
    leftover = bytes.slice(whole);
    const n = whole / size;
    if (n === 0) continue;
    if (data.dtype === "F32" && !data.bigEndian && littleEndianHost && bytes.byteOffset % 4 === 0) {
      yield new Float32Array(bytes.buffer, bytes.byteOffset, n); // no copy: the reader's buffer, read as floats
      continue;
    }
    if (out.length < n) out = new Float32Array(n);
    const view = out.subarray(0, n);
    decodeInto(data.dtype, data.bigEndian, bytes.subarray(0, whole), view);
    yield view;
  }
  if (leftover.length) throw new Error(`tensor data ends inside an element (${leftover.length} stray bytes)`);
}
