import assert from "node:assert/strict";
import { JsonDocument, parsePointer, toPointer } from "../../../src/packs/json/jsonDocument";

describe("JsonDocument", () => {
  const text = '{\n  "a": 1,\n  "list": [\n    { "id": "x" },\n    { "id": "y" }\n  ]\n}\n';

  it("locate(pointer) gives the 1-based line and column of a value, or of a key", () => {
    const doc = new JsonDocument(text);
    assert.deepEqual(doc.locate("/list/1/id").start, { line: 5, column: 13 });
    assert.deepEqual(doc.locate("/list/1/id", "key").start, { line: 5, column: 7 });
    assert.deepEqual(doc.locate("/a").end, { line: 2, column: 9 });
  });

  it("locate(pointer) falls back to the nearest existing parent", () => {
    assert.deepEqual(new JsonDocument(text).locate("/list/1/missing").start, { line: 5, column: 5 });
  });

  it("counts lines the same with CRLF line ends", () => {
    assert.deepEqual(new JsonDocument(text.replace(/\n/g, "\r\n")).locate("/list/1/id").start, { line: 5, column: 13 });
  });

  it("reports syntax errors at their position and refuses comments and trailing commas", () => {
    const doc = new JsonDocument('{\n  "a": 1, // note\n  "b": [1, 2,]\n}');
    assert.equal(doc.value, undefined);
    assert.deepEqual(
      doc.syntaxErrors.map((e) => `${e.range.start.line}:${e.range.start.column} ${e.message}`),
      ["2:11 JSON syntax error: comments are not allowed in JSON", "3:14 JSON syntax error: a value was expected (is there a trailing comma?)"],
    );
  });

  it("duplicateKeys() points at the second occurrence; value keeps the first", () => {
    const doc = new JsonDocument('{ "id": "a",\n  "id": "b" }');
    assert.deepEqual(doc.duplicateKeys().map((d) => [d.pointer, d.range.start]), [["/id", { line: 2, column: 3 }]]);
    assert.deepEqual(doc.value, Object.assign(Object.create(null), { id: "a" }));
  });

  it("6000 nested arrays in a 12 KB text are one located error, not a stack overflow", () => {
    const text = `{\n  "a": ${"[".repeat(6000)}${"]".repeat(6000)}\n}`;
    const doc = new JsonDocument(text);
    assert.equal(doc.value, undefined);
    assert.deepEqual(
      doc.syntaxErrors.map((e) => [e.code, e.range.start]),
      [["json-too-deep", { line: 2, column: 8 + 63 }]],
    );
  });

  it("new JsonDocument(text, 3) counts brackets inside strings as text, not nesting", () => {
    assert.deepEqual(new JsonDocument('{ "a": ["[[[[", "{{{{\\"[["] }', 3).value, Object.assign(Object.create(null), { a: ["[[[[", '{{{{"[['] }));
    assert.equal(new JsonDocument('{ "a": [[[1]]] }', 3).syntaxErrors[0]?.code, "json-too-deep");
  });

  it("objects have no prototype, and __proto__, constructor and prototype keys are listed at their position and left out", () => {
    const doc = new JsonDocument('{\n  "__proto__": { "showReferenceAfterPass": true },\n  "x": { "constructor": 1, "prototype": 2 }\n}');
    const value = doc.value as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), null);
    assert.equal(value.showReferenceAfterPass, undefined);
    assert.deepEqual(Object.keys(value), ["x"]);
    assert.deepEqual(Object.keys(value.x as object), []);
    assert.deepEqual(
      doc.forbiddenKeys().map((k) => [k.pointer, k.range.start]),
      [
        ["/__proto__", { line: 2, column: 3 }],
        ["/x/constructor", { line: 3, column: 10 }],
        ["/x/prototype", { line: 3, column: 28 }],
      ],
    );
    assert.deepEqual(doc.duplicateKeys(), []);
  });

  it("ignores a byte-order mark: the value parses and line 1 columns count from after it", () => {
    const doc = new JsonDocument('\uFEFF{ "a": 1 }');
    assert.deepEqual(doc.syntaxErrors, []);
    assert.deepEqual(doc.locate("/a").start, { line: 1, column: 8 });
  });

  it("parsePointer and toPointer undo each other, with ~0 and ~1 escapes", () => {
    assert.deepEqual(parsePointer("/checks/0/a~1b/c~0d"), ["checks", 0, "a/b", "c~d"]);
    assert.equal(toPointer(["checks", 0, "a/b", "c~d"]), "/checks/0/a~1b/c~0d");
    assert.deepEqual(parsePointer(""), []);
  });
});
