/**
 * Hostile and broken solutions: each gets a verdict (never a hang, never a crash of the runner), cannot turn
 * a wrong answer into a pass, and the check after it still works.
 */
import assert from "node:assert/strict";
import path from "node:path";
import type { CheckReport, CheckStatus } from "../../../src/protocol/checkReport";
import { Runner } from "../../../src/runner";
import { doubling } from "./support/exercises";
import { fixturesDir, sandboxHostScript } from "./support/buildSandbox";

interface HostileCase {
  fixture: string;
  status: CheckStatus;
  /** A phrase the learner must see in the first case's message or a diagnostic. */
  says: RegExp;
}

const hostile: HostileCase[] = [
  { fixture: "infiniteLoop", status: "error", says: /did not return within 1500 ms/ },
  { fixture: "promiseQueuedLoop", status: "error", says: /did not return within 1500 ms/ },
  { fixture: "unboundedAllocation", status: "error", says: /out of memory.*96 MB/ },
  { fixture: "deepRecursion", status: "error", says: /stack overflow: recursion deeper than the sandbox's stack allows/ },
  { fixture: "processExit", status: "error", says: /'process' is not defined/ },
  { fixture: "throwNonError", status: "error", says: /threw 42, which is not an Error/ },
  { fixture: "returnsNaN", status: "failed", says: /expected 2, got NaN/ },
  { fixture: "returnsUndefined", status: "failed", says: /expected a number \(2\), got undefined/ },
  { fixture: "returnsString", status: "failed", says: /expected a number \(2\), got a string \("2"\)/ },
  { fixture: "returnsHugeArray", status: "failed", says: /returned an array of 1,200,000 items/ },
  { fixture: "fileSystemImport", status: "error", says: /exercises run without Node modules; remove `fs`/ },
  { fixture: "fileSystemAtRunTime", status: "error", says: /threw at input/ },
  { fixture: "networkAccess", status: "error", says: /TypeError: not a function/ },
  { fixture: "childProcess", status: "error", says: /threw at input/ },
  { fixture: "patchGlobals", status: "failed", says: /expected 2, got 1001/ },
  { fixture: "postMessages", status: "failed", says: /expected 2, got -1/ },
  { fixture: "fakePassedOutput", status: "failed", says: /expected 2, got -1/ },
  { fixture: "readExpectedFromDisk", status: "error", says: /outside the folder of your solution/ },
];

function everything(report: CheckReport): string {
  return [...report.cases.map((c) => c.message), ...report.diagnostics.map((d) => d.message)].join("\n");
}

describe("Runner.check on hostile and broken solutions", function () {
  this.timeout(60_000);
  let runner: Runner;

  before(async () => {
    runner = new Runner({ hostScript: await sandboxHostScript(), timeoutMs: 1500, memoryMb: 96 });
  });
  after(() => runner.dispose());

  for (const { fixture, status, says } of hostile) {
    it(`${fixture}.ts gets "${status}" and the next check still passes`, async () => {
      const report = await runner.check({ packId: "test", exercise: doubling, solutionFile: path.join(fixturesDir, "hostile", `${fixture}.ts`) });
      assert.equal(report.status, status, everything(report));
      assert.match(everything(report), says);
      assert.equal(report.summary.passed, 0, "a hostile solution must not pass any case");

      const next = await runner.check({ packId: "test", exercise: doubling, solutionFile: path.join(fixturesDir, "correct", "double.ts") });
      assert.equal(next.status, "passed", everything(next));
    });
  }

  it("hugeConsoleOutput.ts (100 MB printed) passes on its answers, and nothing reaches the runner's output", async () => {
    const written: string[] = [];
    const originalWrite = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      written.push(String(chunk));
      return originalWrite(chunk, ...rest);
    }) as typeof process.stdout.write;
    try {
      const report = await runner.check({ packId: "test", exercise: doubling, solutionFile: path.join(fixturesDir, "hostile", "hugeConsoleOutput.ts") });
      assert.equal(report.status, "passed", everything(report));
    } finally {
      process.stdout.write = originalWrite;
    }
    assert.ok(!written.some((w) => w.includes("xxxxxxxxxx")), "the learner's console output leaked into the runner's stdout");
  });

  it("a timed-out case names the case that hung and marks the rest as not run", async () => {
    const report = await runner.check({ packId: "test", exercise: doubling, solutionFile: path.join(fixturesDir, "hostile", "infiniteLoop.ts") });
    const messages = report.cases.map((c) => c.message);
    assert.equal(messages.filter((m) => m.includes("did not return within")).length, 1);
    assert.equal(messages.filter((m) => m.includes("not run: an earlier case timed out")).length, 2);
  });
});
