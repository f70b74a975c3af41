import assert from "node:assert/strict";
import { decodeUtf8, firstInvalidByte } from "../../../src/packs/text/decodeUtf8";

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "utf8")] : p)));

describe("decodeUtf8(bytes)", () => {
  it("decodes UTF-8 and drops a leading byte-order mark only", () => {
    assert.deepEqual(decodeUtf8(bytes([0xef, 0xbb, 0xbf], "{ \"é\": 1 }")), { ok: true, text: '{ "é": 1 }' });
    assert.deepEqual(decodeUtf8(bytes("a\uFEFFb")), { ok: true, text: "a\uFEFFb" });
  });

  it("reports the line and column of the first invalid byte, counting CRLF as one line end and after a BOM", () => {
    const result = decodeUtf8(bytes([0xef, 0xbb, 0xbf], "line one\r\nline two\r\nab", [0xff], "cd"));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.position, { line: 3, column: 3 });
    assert.equal(result.byte, 0xff);
    assert.match(result.message, /invalid UTF-8 \(byte 0xff at byte offset 25\)/);
  });

  it("columns count UTF-16 code units, as editors do (an emoji before the bad byte is two)", () => {
    const result = decodeUtf8(bytes("😀x", [0xc3]));
    assert.deepEqual(!result.ok && result.position, { line: 1, column: 4 });
  });
});

describe("firstInvalidByte(bytes)", () => {
  it("refuses overlong forms, surrogates, code points above U+10FFFF, stray continuations and truncation", () => {
    assert.equal(firstInvalidByte(bytes("ok")), 2);
    assert.equal(firstInvalidByte(bytes("a", [0xc0, 0xaf])), 1); // overlong "/"
    assert.equal(firstInvalidByte(bytes("a", [0xe0, 0x80, 0xaf])), 1); // overlong
    assert.equal(firstInvalidByte(bytes("ab", [0xed, 0xa0, 0x80])), 2); // U+D800
    assert.equal(firstInvalidByte(bytes([0xf4, 0x90, 0x80, 0x80])), 0); // above U+10FFFF
    assert.equal(firstInvalidByte(bytes("é", [0x80])), 2); // a continuation byte alone
    assert.equal(firstInvalidByte(bytes("abc", [0xe2, 0x82])), 3); // cut short at the end
    assert.equal(firstInvalidByte(bytes("€𝄞")), 7);
  });
});
