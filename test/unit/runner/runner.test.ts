/**
 * Runner.check end to end on small exercises built in code: positions in the learner's files, files split
 * into helpers, unsaved text, misconceptions from the core and from an exercise's own sources, reveal levels.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Runner } from "../../../src/runner";
import { check, doubling, exercise } from "./support/exercises";
import { sandboxHostScript } from "./support/buildSandbox";

describe("Runner.check", function () {
  this.timeout(120_000);
  let runner: Runner;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-runner-test-"));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };

  before(async () => {
    runner = new Runner({
      hostScript: await sandboxHostScript(),
      timeoutMs: 3000,
      core: { roundHalfUp: ((x: number, s: number) => Math.round(x / s)) as never, halfEven: ((x: number, s: number) => { const v = x / s; const f = Math.floor(v); return v - f === 0.5 ? (f % 2 === 0 ? f : f + 1) : Math.round(v); }) as never },
    });
  });
  after(async () => {
    await runner.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("puts a syntax error at its line and UTF-16 column in a CRLF file with non-ASCII text", async () => {
    const file = write("crlf.ts", '// héllo → wörld\r\nexport function answer(x: number): number {\r\n  const s = "é→🙂"; let y = ;\r\n  return x;\r\n}\r\n');
    const report = await runner.check({ packId: "t", exercise: doubling, solutionFile: file });
    assert.equal(report.status, "error");
    const d = report.diagnostics.find((x) => x.source === "compile");
    assert.ok(d, JSON.stringify(report.diagnostics));
    assert.equal(d.file, file);
    assert.equal(d.line, 3);
    assert.equal(d.column, '  const s = "é→🙂"; let y = '.length + 1);
  });

  it("maps a runtime error to the line of the helper file that threw", async () => {
    write("split/helpers/scale.ts", "export function twice(x: number): number {\n  if (x > 2) throw new RangeError(`too big: ${x}`);\n  return 2 * x;\n}\n");
    const file = write("split/solution.ts", 'import { twice } from "./helpers/scale";\nexport function answer(x: number): number {\n  return twice(x);\n}\n');
    const report = await runner.check({ packId: "t", exercise: doubling, solutionFile: file });
    assert.equal(report.summary.passed, 2);
    const runtime = report.diagnostics.find((d) => d.source === "runtime");
    assert.ok(runtime, JSON.stringify(report.diagnostics));
    assert.equal(runtime.file, path.join(dir, "split", "helpers", "scale.ts"));
    assert.equal(runtime.line, 2);
    assert.match(runtime.message, /RangeError: too big: 3/);
  });

  it("checks the unsaved text instead of the file on disk when `source` is given", async () => {
    const file = write("unsaved.ts", "export function answer(x: number): number {\n  return 0;\n}\n");
    const report = await runner.check({ packId: "t", exercise: doubling, solutionFile: file, source: "export function answer(x: number): number {\n  return 2 * x;\n}\n" });
    assert.equal(report.status, "passed");
  });

  it("reports a wrong answer at the exported function's declaration, smallest failing case first", async () => {
    const file = write("wrong.ts", "// wrong\n\nexport function answer(x: number): number {\n  return x + 1;\n}\n");
    const report = await runner.check({ packId: "t", exercise: doubling, solutionFile: file });
    assert.equal(report.status, "failed");
    assert.equal(report.cases[0].id, "half");
    assert.equal(report.cases[0].message, "expected 1, got 1.5 at input (0.5)");
    const d = report.diagnostics.find((x) => x.source === "check");
    assert.deepEqual([d?.line, d?.column], [3, 17]);
  });

  it("names a misconception whose core variant matches the learner's value", async () => {
    const ex = exercise("rounding", [
      check({
        function: "quantize",
        expected: { from: "core", fn: "halfEven" },
        misconceptions: [{ id: "half-up", message: "your value matches Math.round, which rounds ties up; this exercise rounds half to even", variant: { from: "core", fn: "roundHalfUp" } }],
        cases: [{ id: "tie", name: "quantize(2.5, 1)", input: [2.5, 1] }, { id: "plain", name: "quantize(0.3, 0.1)", input: [0.3, 0.1] }],
      }),
    ]);
    const file = write("rounding.ts", "export function quantize(x: number, s: number): number {\n  return Math.round(x / s);\n}\n");
    const report = await runner.check({ packId: "t", exercise: ex, solutionFile: file });
    const tie = report.cases.find((c) => c.id === "tie");
    assert.equal(tie?.misconception?.id, "half-up");
    assert.equal(tie?.message, "expected 2, got 3 at input (2.5, 1): your value matches Math.round, which rounds ties up; this exercise rounds half to even");
  });

  it("takes expected values from the exercise's reference source and misconceptions from its misconceptions source", async () => {
    const ex = exercise(
      "memory",
      [
        check({
          function: "memoryGB",
          expected: { from: "reference" },
          tolerance: { rel: 1e-12 },
          misconceptions: [{ id: "gib", message: "your value is in GiB (2^30 bytes); the exercise asks for GB (1e9 bytes)", variant: { from: "reference", file: "misconceptions", export: "memoryGiB" } }],
          cases: [{ id: "13b", name: "memoryGB(13e9, 16)", input: [13e9, 16] }],
        }),
      ],
      {
        reference: "export function memoryGB(p: number, bits: number): number { return (p * bits) / 8 / 1e9; }",
        misconceptions: "export function memoryGiB(p: number, bits: number): number { return (p * bits) / 8 / 2 ** 30; }",
      },
    );
    const file = write("gib.ts", "export function memoryGB(p: number, bits: number): number {\n  return (p * bits) / 8 / 1024 ** 3;\n}\n");
    const report = await runner.check({ packId: "t", exercise: ex, solutionFile: file });
    assert.equal(report.cases[0].expected, 26);
    assert.equal(report.cases[0].misconception?.id, "gib");
  });

  it("hides the expected value on actual-only cases, and input and values on category-only cases", async () => {
    const ex = exercise("hidden", [
      check({
        function: "answer",
        cases: [
          { id: "a", name: "shown", input: [1], expected: 2, reveal: "actual-only" },
          { id: "b", name: "hidden", input: [3], expected: 6, reveal: "category-only" },
        ],
      }),
    ]);
    const file = write("hidden.ts", "export function answer(x: number): number {\n  return x;\n}\n");
    const report = await runner.check({ packId: "t", exercise: ex, solutionFile: file });
    const shown = report.cases.find((c) => c.id === "a");
    const hidden = report.cases.find((c) => c.id === "b");
    assert.equal(shown?.expected, undefined);
    assert.equal(shown?.actual, 1);
    assert.doesNotMatch(shown?.message ?? "", /expected 2/);
    assert.deepEqual(hidden?.input, []);
    assert.equal(hidden?.actual, undefined);
    assert.doesNotMatch(hidden?.message ?? "", /3|6/);
  });

  it("says which export is missing", async () => {
    const file = write("noexport.ts", "export function answr(x: number): number {\n  return 2 * x;\n}\n");
    const report = await runner.check({ packId: "t", exercise: doubling, solutionFile: file });
    assert.match(report.cases[0].message, /does not export a function named `answer`/);
  });

  it("runs a file that declares its own top-level `Math` and `Array` and reads what it put on `globalThis`", async () => {
    const text = [
      "const Math = { twice: (x: number): number => 2 * x };",
      "class Array {}",
      "(globalThis as unknown as { factor: number }).factor = 1;",
      "declare const factor: number;",
      "export function answer(x: number): number {",
      "  if (x === undefined || x === Infinity || new Array() === undefined) return NaN;",
      "  return factor * Math.twice(x) + globalThis.Math.abs(0);",
      "}",
      "",
    ].join("\n");
    const report = await runner.check({ packId: "t", exercise: doubling, solutionFile: write("shadows.ts", text) });
    assert.equal(report.status, "passed", JSON.stringify(report.cases.map((c) => c.message)));
  });

  it("maps a runtime error to each learner's own file when two learners submit the same text", async () => {
    const text = "export function answer(x: number): number {\n  if (x > 2) throw new RangeError(`too big: ${x}`);\n  return 2 * x;\n}\n";
    for (const learner of ["alice", "bob"]) {
      const file = write(`same/${learner}/solution.ts`, text);
      const report = await runner.check({ packId: "t", exercise: doubling, solutionFile: file });
      const runtime = report.diagnostics.find((d) => d.source === "runtime");
      assert.ok(runtime, JSON.stringify(report.diagnostics));
      assert.deepEqual([runtime.file, runtime.line], [file, 2]);
    }
  });

  it("sees a changed helper file although the file that imports it did not change", async () => {
    const file = write("helperChanges/solution.ts", 'import { factor } from "./factor";\nexport function answer(x: number): number {\n  return factor * x;\n}\n');
    write("helperChanges/factor.ts", "export const factor = 2;\n");
    assert.equal((await runner.check({ packId: "t", exercise: doubling, solutionFile: file })).status, "passed");
    write("helperChanges/factor.ts", "export const factor = 3;\n");
    assert.equal((await runner.check({ packId: "t", exercise: doubling, solutionFile: file })).status, "failed");
  });

  it("returns a report for a missing solution file instead of throwing", async () => {
    const report = await runner.check({ packId: "t", exercise: doubling, solutionFile: path.join(dir, "nope.ts") });
    assert.equal(report.status, "error");
    assert.match(report.diagnostics[0].message, /does not exist/);
  });
});
