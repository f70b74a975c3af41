/**
 * Expected values from the compute core are computed off the runner's main thread, under the per-call time
 * limit for each case: a case whose input makes the core compute for minutes is an error naming that case,
 * the other cases are checked, and the runner's thread stays free meanwhile.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Runner } from "../../../src/runner";
import { check, exercise } from "./support/exercises";
import { sandboxHostScript } from "./support/buildSandbox";

describe("the compute core under a time budget, off the main thread", function () {
  this.timeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-core-budget-"));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a clipSearch case that would take minutes is an error naming its case; the small case is checked", async () => {
    const huge = Array.from({ length: 200_000 }, (_, i) => Math.sin(i));
    const clips = Array.from({ length: 100_000 }, (_, i) => 0.01 + i / 100_000);
    const ex = exercise("clips", [
      check({
        id: "search",
        function: "bestClip",
        expected: { from: "core", fn: "clipSearch", pick: "bestClip" },
        cases: [
          { id: "small", name: "small", input: [[0.5, -1, 0.25], [0.5, 1], 4] },
          { id: "enormous", name: "enormous", input: [huge, clips, 4] },
        ],
      }),
    ]);
    const file = path.join(dir, "clip.ts");
    fs.writeFileSync(file, "export function bestClip(_w: number[], clips: number[], _bits: number): number {\n  return clips[clips.length - 1];\n}\n");
    const runner = new Runner({ hostScript: await sandboxHostScript(), timeoutMs: 500 });
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    try {
      const start = performance.now();
      const report = await runner.check({ packId: "t", exercise: ex, solutionFile: file });
      const elapsed = performance.now() - start;
      const small = report.cases.find((c) => c.id === "small");
      const enormous = report.cases.find((c) => c.id === "enormous");
      assert.equal(small?.status, "passed", small?.message);
      assert.equal(enormous?.status, "error");
      assert.match(enormous?.message ?? "", /core\.clipSearch took longer than 500 ms on case enormous of check search \(exercise clips\)/);
      assert.match(enormous?.message ?? "", /problem in the exercise pack/);
      // The main thread ticked while the core computed (at least a quarter of the ticks an idle thread would get).
      assert.ok(ticks >= elapsed / 20 / 4, `${ticks} ticks in ${Math.round(elapsed)} ms`);
      assert.ok(elapsed < 30_000, `took ${elapsed} ms`);
    } finally {
      clearInterval(ticker);
      await runner.dispose();
    }
  });
});
