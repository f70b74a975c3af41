/**
 * Runners that share another's expected values (RunnerOptions.expectedFrom, as `grade` and `validate` run
 * several): one exercise sandbox starts for all of them, each exercise's reference runs once, and every runner
 * gets the same verdicts as a runner of its own.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { Runner } from "../../../src/runner";
import { check, doubling, exercise } from "./support/exercises";
import { fixturesDir, sandboxHostScript } from "./support/buildSandbox";

const withReference = exercise(
  "doubling-with-reference",
  [check({ function: "answer", expected: { from: "reference" }, cases: doubling.checks[0].cases.map(({ expected: _expected, ...c }) => c) })],
  { reference: "export function answer(x: number): number {\n  return 2 * x;\n}\n" },
);

describe("runners sharing one exercise sandbox", function () {
  this.timeout(120_000);

  it("start it once, and each gets the verdicts a runner of its own gets", async () => {
    const hostScript = await sandboxHostScript();
    const log: string[] = [];
    const first = new Runner({ hostScript, log: (line) => log.push(line), limitsFromReference: true });
    const second = new Runner({ hostScript, log: (line) => log.push(line), limitsFromReference: true, expectedFrom: first });
    const alone = new Runner({ hostScript });
    try {
      const files = [path.join(fixturesDir, "correct", "double.ts"), path.join(fixturesDir, "hostile", "returnsNaN.ts")];
      const shared = await Promise.all([first, second].flatMap((runner) => files.map((file) => runner.check({ packId: "test", exercise: withReference, solutionFile: file }))));
      const own = await Promise.all(files.map((file) => alone.check({ packId: "test", exercise: withReference, solutionFile: file })));
      assert.deepEqual(shared.map((r) => r.status), ["passed", "failed", "passed", "failed"]);
      assert.deepEqual(own.map((r) => r.status), ["passed", "failed"]);
      assert.deepEqual(shared[3].cases.map((c) => c.message), own[1].cases.map((c) => c.message));
      assert.equal(log.filter((line) => /^reference sandbox: sandbox process \d+ ready/.test(line)).length, 1, log.join("\n"));
    } finally {
      await Promise.all([first.dispose(), second.dispose(), alone.dispose()]);
    }
  });
});
