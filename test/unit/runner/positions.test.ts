import assert from "node:assert/strict";
import { byteColumnToUtf16Column, findExportedDeclaration } from "../../../src/runner/positions";
import { firstBundleFrame, SourceMapLookup } from "../../../src/runner/sourceMap";

describe("byteColumnToUtf16Column", () => {
  it("byteColumnToUtf16Column on ASCII adds one (esbuild is 0-based, editors 1-based)", () => {
    assert.equal(byteColumnToUtf16Column("let x = ;", 8), 9);
  });
  it("counts é (2 bytes) and → (3 bytes) as one column each", () => {
    const line = 'const s = "é→"; let y = ;';
    const byteColumn = Buffer.byteLength(line.slice(0, line.lastIndexOf(";")), "utf8");
    assert.equal(byteColumnToUtf16Column(line, byteColumn), line.lastIndexOf(";") + 1);
  });
  it("counts an astral character (4 bytes) as two UTF-16 columns", () => {
    const line = "// 🙂 x";
    assert.equal(byteColumnToUtf16Column(line, Buffer.byteLength("// 🙂 ", "utf8")), "// 🙂 ".length + 1);
  });
});

describe("findExportedDeclaration", () => {
  it("finds `export function name` on its line and column", () => {
    assert.deepEqual(findExportedDeclaration("// x\nexport function quantize(x: number) {}", "quantize"), { line: 2, column: 17 });
  });
  it("finds `export const name =`", () => {
    assert.deepEqual(findExportedDeclaration("export const mse = (a: number[]) => 0;", "mse"), { line: 1, column: 14 });
  });
  it("does not match a longer name that starts the same", () => {
    assert.deepEqual(findExportedDeclaration("export function quantizeArray() {}\nexport function quantize() {}", "quantize"), { line: 2, column: 17 });
  });
});

describe("SourceMapLookup", () => {
  // Generated line 1 maps column 0 to source 0 line 1 col 0 and column 4 to line 3 col 2 ("AAAA,IAEE").
  const map = JSON.stringify({ version: 3, sources: ["a.ts"], names: [], mappings: "AAAA,IAEE" });
  it("originalPositionFor(1, 5) maps to the segment at or before it", () => {
    assert.deepEqual(new SourceMapLookup(map).originalPositionFor(1, 5), { source: "a.ts", line: 3, column: 3 });
  });
  it("originalPositionFor on a line without mappings is undefined", () => {
    assert.equal(new SourceMapLookup(map).originalPositionFor(7, 1), undefined);
  });
  it("originalPositionFor before the line's first segment takes that segment", () => {
    const late = JSON.stringify({ version: 3, sources: ["a.ts"], names: [], mappings: "IAAA,IAEE" });
    assert.deepEqual(new SourceMapLookup(late).originalPositionFor(1, 1), { source: "a.ts", line: 1, column: 1 });
  });
  it("originalPositionFor on the second source and a later line follows the VLQ deltas", () => {
    // line 1: column 0 → a.ts 1:0; line 2: column 2 → b.ts 5:4 (source +1, line +4, column +4)
    const two = JSON.stringify({ version: 3, sources: ["a.ts", "b.ts"], names: [], mappings: "AAAA;ECII" });
    assert.deepEqual(new SourceMapLookup(two).originalPositionFor(2, 9), { source: "b.ts", line: 5, column: 5 });
  });
  it("new SourceMapLookup refuses mappings that are not VLQ text and text that is not JSON", () => {
    assert.throws(() => new SourceMapLookup(JSON.stringify({ version: 3, sources: ["a.ts"], names: [], mappings: "!!!,@@" })), /not VLQ/);
    assert.throws(() => new SourceMapLookup("{"));
  });
});

describe("firstBundleFrame", () => {
  it("takes the first frame of the named bundle", () => {
    const stack = "Error: x\n    at f (bundle.js:12:7)\n    at g (other.js:1:1)\n    at h (bundle.js:3:4)";
    assert.deepEqual(firstBundleFrame(stack, "bundle.js"), { line: 12, column: 7 });
  });
});
