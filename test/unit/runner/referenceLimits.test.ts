/**
 * Time limits per call derived from the exercise's reference solution (RunnerOptions.limitsFromReference, as
 * `grade` runs): an endless loop is stopped after the floor of computing time instead of the whole limit,
 * an honest solution slower than the reference still passes, and an exercise without a reference keeps the
 * flat limit. The limit counts CPU time, so these hold on a busy machine.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CheckReport } from "../../../src/protocol/checkReport";
import { Runner } from "../../../src/runner";
import { limitFromReferenceMs, REFERENCE_LIMIT_FACTOR, REFERENCE_LIMIT_FLOOR_MS } from "../../../src/runner/limits";
import { runBundle } from "../../../src/runner/sandbox/quickjsEngine";
import { check, doubling, exercise } from "./support/exercises";
import { fixturesDir, sandboxHostScript } from "./support/buildSandbox";

const FLAT_MS = 3000;

/** Doubling with a reference solution, whose time on each case sets the limits. */
const withReference = exercise(
  "doubling-with-reference",
  [check({ function: "answer", expected: { from: "reference" }, cases: doubling.checks[0].cases.map(({ expected: _expected, ...c }) => c) })],
  { reference: "export function answer(x: number): number {\n  return 2 * x;\n}\n" },
);

function everything(report: CheckReport): string {
  return [...report.cases.map((c) => c.message), ...report.diagnostics.map((d) => d.message)].join("\n");
}

describe("limitFromReferenceMs", () => {
  it("is the factor times the reference's time, between the floor and the cap", () => {
    assert.equal(limitFromReferenceMs(0.01, 2000), REFERENCE_LIMIT_FLOOR_MS);
    assert.equal(limitFromReferenceMs(10, 2000), 10 * REFERENCE_LIMIT_FACTOR);
    assert.equal(limitFromReferenceMs(500, 2000), 2000);
    assert.equal(limitFromReferenceMs(0.01, 10), 10, "the cap wins over the floor");
  });

  it("leaves the cap where the reference was not measured", () => {
    for (const unmeasured of [undefined, NaN, -1, Infinity]) assert.equal(limitFromReferenceMs(unmeasured, 2000), 2000);
  });
});

describe("Runner.check with limits from the reference", function () {
  this.timeout(120_000);
  let runner: Runner;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-reference-limits-"));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  before(async () => {
    runner = new Runner({ hostScript: await sandboxHostScript(), timeoutMs: FLAT_MS, memoryMb: 128, limitsFromReference: true });
  });
  after(async () => {
    await runner.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("stops an endless loop after its limit of computing time (the floor, or 20 × a slow reference's), naming the limit and where it comes from", async () => {
    const start = performance.now();
    const report = await runner.check({ packId: "test", exercise: withReference, solutionFile: path.join(fixturesDir, "hostile", "infiniteLoop.ts") });
    assert.equal(report.status, "error", everything(report));
    // The floor on a quiet machine; more when the reference itself ran slowly on a busy one (the limit is 20 × its
    // measured time), but never the flat limit.
    const stopped = new RegExp(`did not return within (\\d+) ms of computing \\(its limit: ${REFERENCE_LIMIT_FACTOR} × the reference solution's time`).exec(everything(report));
    assert.ok(stopped, everything(report));
    const limitMs = Number(stopped[1]);
    assert.ok(limitMs >= REFERENCE_LIMIT_FLOOR_MS && limitMs < FLAT_MS, `the loop's limit was ${limitMs} ms`);
    assert.equal(report.cases.filter((c) => c.message.includes("not run: an earlier case timed out")).length, 2);
    // Not the flat limit: the loop ran for its floor of CPU time (wall time can be longer on a busy machine).
    assert.ok(report.timings.runMs < FLAT_MS, `the loop ran ${report.timings.runMs} ms`);
    assert.ok(performance.now() - start < FLAT_MS + 30_000);
  });

  it("stops a call that outruns its limit between the engine's interrupt checks (a few long native calls)", async () => {
    const file = write("longNatives.ts", 'export function answer(x: number): number {\n  for (let i = 0; i < 40; i++) console.log("x".repeat(2_000_000));\n  return 2 * x;\n}\n');
    const report = await runner.check({ packId: "test", exercise: withReference, solutionFile: file });
    assert.equal(report.status, "error", everything(report));
    assert.match(everything(report), /of computing/);
  });

  it("passes an honest solution many times slower than the reference, and keeps the flat limit without a reference", async () => {
    // About 2 ms of computing per call against the reference's microseconds: inside the floor.
    const slower = write("slower.ts", "export function answer(x: number): number {\n  let s = 0;\n  for (let i = 0; i < 20_000; i++) s += i % 3;\n  return 2 * x + (s < 0 ? 1 : 0);\n}\n");
    const honest = await runner.check({ packId: "test", exercise: withReference, solutionFile: slower });
    assert.equal(honest.status, "passed", everything(honest));
    const flat = await runner.check({ packId: "test", exercise: doubling, solutionFile: path.join(fixturesDir, "hostile", "infiniteLoop.ts") });
    assert.match(everything(flat), new RegExp(`did not return within ${FLAT_MS} ms; look for an endless loop`));
  });

  it("holds each call to its own limit in the engine, below the run's limit", async () => {
    const run = await runBundle("exports.f = function (x) { var end = Date.now() + 60; while (Date.now() < end) {} return x; };", [{ fn: "f", args: [1] }], {
      timeoutMs: 2000,
      memoryMb: 32,
      callTimeoutsMs: [30],
    });
    assert.equal(run.outcomes[0].kind, "timeout", JSON.stringify(run.outcomes[0]));
    const within = await runBundle("exports.f = function (x) { return x; };", [{ fn: "f", args: [1] }], { timeoutMs: 2000, memoryMb: 32, callTimeoutsMs: [30] });
    assert.equal(within.outcomes[0].kind, "returned");
  });
});
