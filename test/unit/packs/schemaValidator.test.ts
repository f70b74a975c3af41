import assert from "node:assert/strict";
import fs from "node:fs";
import { PackSchemaValidator } from "../../../src/packs/json/schemaValidator";
import { exercise, manifest } from "./fixturePack";

describe("PackSchemaValidator", function () {
  this.timeout(20_000);
  const validator = new PackSchemaValidator();
  const issues = (kind: "pack" | "exercise", value: unknown) => validator.validate(kind, value).map((i) => `${i.pointer} ${i.message}`);

  it("runs validators generated from the current schemas (node scripts/build-schema-validators.mjs regenerates them)", async () => {
    const { schemaValidatorsSource, SCHEMA_VALIDATORS_FILE } = await import("../../../scripts/build-schema-validators.mjs");
    assert.ok(fs.readFileSync(SCHEMA_VALIDATORS_FILE, "utf8") === schemaValidatorsSource(), `${SCHEMA_VALIDATORS_FILE} is out of date with exercises/schema/*.json`);
  });

  it("accepts the test pack's manifest and exercise", () => {
    assert.deepEqual(issues("pack", manifest()), []);
    assert.deepEqual(issues("exercise", exercise()), []);
  });

  it("names a missing property and suggests the right name for a misspelt one", () => {
    const { summary: _dropped, ...noSummary } = exercise();
    assert.deepEqual(issues("exercise", { ...noSummary, hint: ["x"] }), [' missing property "summary"', '/hint unknown property "hint"; did you mean "hints"?']);
  });

  it("reports a wrong value source once, at its 'from', instead of once per oneOf branch", () => {
    assert.deepEqual(issues("exercise", exercise({}, { expected: { from: "numpy" } })), ['/checks/0/expected/from must be one of "core", "reference", "literal"']);
  });

  it("reports the mistake inside the branch the author meant", () => {
    assert.deepEqual(issues("exercise", exercise({}, { expected: { from: "core" } })), ['/checks/0/expected missing property "fn"']);
    assert.deepEqual(issues("exercise", exercise({}, { expected: { from: "reference", file: "solution" } })), [
      '/checks/0/expected/file must be one of "reference", "misconceptions", not "solution"',
    ]);
  });

  it("explains a generator with no known kind, and one mixing two kinds", () => {
    const generate = (arg: unknown) => exercise({}, { generate: [{ idPrefix: "g", seed: 1, count: 2, args: [arg] }] });
    assert.match(issues("exercise", generate({ unifrom: [0, 1] }))[0], /^\/checks\/0\/generate\/0\/args\/0 must have exactly one of the properties "const", "uniform"/);
    assert.deepEqual(issues("exercise", generate({ uniform: [0, 1], int: [0, 1] })), ['/checks/0/generate/0/args/0/int unknown property "int" (allowed: uniform, decimals, edges)']);
    assert.deepEqual(issues("exercise", generate({ floatArray: { length: { sameAs: "w" }, uniform: [0, 1] } })), [
      '/checks/0/generate/0/args/0/floatArray/length/sameAs must be an integer, not the string "w"',
    ]);
  });

  it("phrases patterns in words, with the offending value", () => {
    assert.deepEqual(issues("pack", manifest({ id: "My Pack" })), [
      '/id "My Pack": A pack id is lowercase letters, digits and dashes, starting with a letter or digit, at most 64 characters (e.g. my-pack).',
    ]);
  });

  it("leaves duplicate exercise ids to the loader, which reports them with their position", () => {
    assert.deepEqual(issues("pack", manifest({ exercises: ["a", "a"] })), []);
  });
});
