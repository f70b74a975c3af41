import { LineMap, type TextPosition } from "./textPositions";

export type DecodedText = { ok: true; text: string } | { ok: false; position: TextPosition; byte: number; message: string };

const BOM = 0xfeff;
const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/**
 * The text of a pack or learner file: strict UTF-8, with a leading byte-order mark dropped (Windows editors write
 * one; no editor shows it as a column, so positions count from after it).
 *
 * Invalid UTF-8 is an error at the line and column of the first bad byte, never silently replaced by U+FFFD:
 * a replaced character in a case value or a prompt would change what the author wrote without telling them.
 *
 * @example
 * decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d])) // → { ok: true, text: "{}" }
 * decodeUtf8(new Uint8Array([0x61, 0x0a, 0x62, 0xff]))       // → { ok: false, position: { line: 2, column: 2 }, byte: 0xff, … }
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: withoutBom(strict.decode(bytes)) };
  } catch {
    const offset = firstInvalidByte(bytes);
    const before = withoutBom(lenient.decode(bytes.subarray(0, offset)));
    const position = new LineMap(before).positionAt(before.length);
    const byte = bytes[offset] ?? 0;
    return {
      ok: false,
      position,
      byte,
      message: `invalid UTF-8 (byte 0x${byte.toString(16).padStart(2, "0")} at byte offset ${offset}); save the file as UTF-8`,
    };
  }
}

export function withoutBom(text: string): string {
  return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}

/**
 * Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF); `bytes.length` for a truncated sequence at the end.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return i;
    }
    i += length;
  }
  return bytes.length;
}
