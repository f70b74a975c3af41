/** The sandbox is told what to call and with what, never what the answer should be. */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Runner } from "../../../src/runner";
import { SandboxProcess } from "../../../src/runner/sandboxProcess";
import { check, exercise } from "./support/exercises";
import { sandboxHostScript } from "./support/buildSandbox";

describe("expected values and the sandbox", function () {
  this.timeout(60_000);

  it("no message to the sandbox carries an expected value, from a literal or from the core", async () => {
    const sentAll: string[] = [];
    const original = SandboxProcess.prototype.run;
    SandboxProcess.prototype.run = function (this: SandboxProcess, ...args: Parameters<typeof original>) {
      sentAll.push(JSON.stringify(args.slice(0, 3)));
      return original.apply(this, args);
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-expected-"));
    const runner = new Runner({ hostScript: await sandboxHostScript(), core: { secret: (() => 424242.125) as never } });
    try {
      const file = path.join(dir, "s.ts");
      fs.writeFileSync(file, "export function f(x: number): number { return x; }\nexport function g(x: number): number { return x; }\n");
      const ex = exercise("secret", [
        check({ function: "f", cases: [{ id: "a", name: "f(1)", input: [1], expected: 98765.4321 }] }),
        check({ function: "g", expected: { from: "core", fn: "secret" }, cases: [{ id: "b", name: "g(2)", input: [2] }] }),
      ]);
      const report = await runner.check({ packId: "t", exercise: ex, solutionFile: file });
      assert.equal(report.summary.failed, 2);
      assert.deepEqual(report.cases.map((c) => c.expected).sort(), [424242.125, 98765.4321]);
      assert.ok(sentAll.length > 0);
      for (const sent of sentAll) {
        assert.doesNotMatch(sent, /98765\.4321|424242\.125/);
      }
    } finally {
      SandboxProcess.prototype.run = original;
      await runner.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an exercise's reference runs in a sandbox process that never ran the learner's code", async () => {
    const lines: string[] = [];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-expected-"));
    const runner = new Runner({ hostScript: await sandboxHostScript(), log: (line) => lines.push(line) });
    try {
      const file = path.join(dir, "s.ts");
      fs.writeFileSync(file, "export function f(x: number): number { return 2 * x; }\n");
      const ex = exercise("ref", [check({ function: "f", expected: { from: "reference" }, cases: [{ id: "a", name: "f(1)", input: [1] }] })], {
        reference: "export function f(x: number): number { return x + x; }\n",
      });
      const report = await runner.check({ packId: "t", exercise: ex, solutionFile: file });
      assert.equal(report.status, "passed", report.cases[0]?.message);
      const pid = (prefix: string): string | undefined => lines.map((l) => new RegExp(`^${prefix}sandbox process (\\d+) ready`).exec(l)?.[1]).find(Boolean);
      const learnerPid = pid("");
      const referencePid = pid("reference sandbox: ");
      assert.ok(learnerPid && referencePid, lines.join("\n"));
      assert.notEqual(learnerPid, referencePid);
    } finally {
      await runner.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
