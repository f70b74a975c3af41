/**
 * JsonDocument against generated input: it never throws, whatever the text; valid JSON parses to what JSON.parse
 * gives minus the refused keys, into objects without a prototype; nesting past the limit is always one located
 * error. Seeded, so a failure reproduces.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { FORBIDDEN_KEYS, JsonDocument } from "../../../src/packs/json/jsonDocument";

const SEED = 20261206;
const key = fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "a", "b"), fc.string({ maxLength: 6 }));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 8 }), fc.boolean(), fc.constant(null), tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 4 }),
  // An object as a list of [key, value] pairs, so that keys may repeat; the test writes it as a JSON object.
  object: fc.array(fc.tuple(key, tie("value")), { maxLength: 4 }),
})).value;

/** JSON text for a generated value, writing the pair lists `asObject` recognises as objects (keys may repeat). */
function toText(value: unknown, asObject: (v: unknown) => [string, unknown][] | undefined): string {
  const pairs = asObject(value);
  if (pairs) return `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${toText(v, asObject)}`).join(",")}}`;
  if (Array.isArray(value)) return `[${value.map((v) => toText(v, asObject)).join(",")}]`;
  return JSON.stringify(value);
}

describe("JsonDocument (property)", () => {
  it("never throws on arbitrary text, and either parses or reports located errors", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const doc = new JsonDocument(text);
        if (doc.value === undefined) assert.ok(doc.syntaxErrors.length > 0);
        for (const e of doc.syntaxErrors) assert.ok(e.range.start.line >= 1 && e.range.start.column >= 1);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("valid JSON with any keys parses like JSON.parse (first duplicate wins), minus refused keys, with no prototypes", () => {
    const pairLists = new WeakSet<object>();
    fc.assert(
      fc.property(json, (value) => {
        // Arrays of [key, value] tuples stand for objects; mark them so the writer emits an object.
        const mark = (v: unknown): void => {
          if (!Array.isArray(v)) return;
          if (v.length > 0 && v.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === "string")) pairLists.add(v);
          v.forEach((e) => mark(Array.isArray(e) && pairLists.has(v) ? e[1] : e));
        };
        mark(value);
        const text = toText(value, (v) => (Array.isArray(v) && pairLists.has(v) ? (v as [string, unknown][]) : undefined));
        const doc = new JsonDocument(text);
        assert.deepEqual(doc.syntaxErrors, [], text);
        const walk = (parsed: unknown, source: unknown): void => {
          if (Array.isArray(source) && pairLists.has(source)) {
            assert.equal(Object.getPrototypeOf(parsed), null);
            const keys = Object.keys(parsed as object);
            for (const k of keys) assert.ok(!FORBIDDEN_KEYS.has(k), `refused key ${k} kept`);
            const firsts = new Map<string, unknown>();
            for (const [k, v] of source as [string, unknown][]) if (!firsts.has(k) && !FORBIDDEN_KEYS.has(k)) firsts.set(k, v);
            assert.deepEqual(keys.sort(), [...firsts.keys()].sort());
            for (const [k, v] of firsts) walk((parsed as Record<string, unknown>)[k], v);
          } else if (Array.isArray(source)) {
            assert.ok(Array.isArray(parsed));
            source.forEach((v, i) => walk((parsed as unknown[])[i], v));
          } else assert.deepEqual(parsed, JSON.parse(JSON.stringify(source)));
        };
        walk(doc.value, value);
        assert.equal(doc.forbiddenKeys().length > 0, /"(__proto__|constructor|prototype)":/.test(text));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("nesting one level past the limit is one json-too-deep error at the bracket that opens it, whatever wraps it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.constantFrom("[", '{"k":'), { minLength: 1, maxLength: 30 }), (limit, openers) => {
        const close = (o: string) => (o === "[" ? "]" : "}");
        const text = openers.join("") + "1" + [...openers].reverse().map(close).join("");
        const doc = new JsonDocument(text, limit);
        if (openers.length <= limit) assert.deepEqual(doc.syntaxErrors, []);
        else {
          assert.deepEqual(doc.syntaxErrors.map((e) => e.code), ["json-too-deep"]);
          const offset = openers.slice(0, limit).join("").length;
          assert.equal(doc.syntaxErrors[0].range.start.column, offset + 1);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
