/**
 * The runner does not believe its sandbox process. Each test starts a stand-in sandbox (a small script in a
 * temp folder, as a compromised sandbox would behave) that answers a run with a forged, malformed or
 * oversized message: the check fails alone with what was wrong, nothing passes, and the real sandbox
 * checks the next file correctly.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Runner } from "../../../src/runner";
import { doubling } from "./support/exercises";
import { fixturesDir, sandboxHostScript } from "./support/buildSandbox";

/** A stand-in sandbox: says ready, then answers the first run by calling `answer(run, send)`. */
function fakeSandbox(dir: string, name: string, answer: string): string {
  const file = path.join(dir, `${name}.js`);
  fs.writeFileSync(
    file,
    `process.send({ type: "ready", esbuildInitMs: 0, engineInitMs: 0, permission: false });
process.on("message", (run) => {
  if (run.type !== "run") return;
  const send = (m) => process.send(m);
  const ok = (value) => ({ kind: "returned", value, durationMs: 1 });
  const result = (extra) => ({ type: "runResult", id: run.id, compileMs: 1, runMs: 1, errors: [], warnings: [], ...extra });
  (${answer})(run, send, ok, result);
});
process.on("disconnect", () => process.exit(0));
`,
  );
  return file;
}

const FORGERIES: { name: string; answer: string; says: RegExp }[] = [
  {
    name: "a runResult for another run, saying every case passed",
    answer: "(run, send, ok, result) => send({ ...result({ outcomes: run.calls.map((c) => ok(c.args[0] * 2)) }), id: run.id + 1 })",
    says: /names run \d+, which the runner is not waiting for/,
  },
  {
    name: "outcomes as an object keyed by __proto__",
    answer: "(run, send, ok, result) => send(result({ outcomes: { ['__proto__']: ok(2), 0: ok(2) } }))",
    says: /outcomes is not a list/,
  },
  {
    name: "fewer outcomes than calls",
    answer: "(run, send, ok, result) => send(result({ outcomes: [ok(2)] }))",
    says: /it has 1 outcomes for 3 calls/,
  },
  {
    name: "a 60-million-character value",
    answer: "(run, send, ok, result) => send(result({ outcomes: run.calls.map(() => ok('x'.repeat(20_000_000))) }))",
    says: /larger than 48,000,000 characters/,
  },
  {
    name: "a Map where a value should be",
    answer: "(run, send, ok, result) => send(result({ outcomes: run.calls.map(() => ok(new Map([[1, 2]]))) }))",
    says: /a value is a Map, not plain data/,
  },
  {
    name: "an unknown message type",
    answer: "(run, send) => send({ type: 'outcome', index: '__proto__', outcome: { kind: 'returned', value: 2 } })",
    says: /its type "outcome" is unknown/,
  },
  {
    name: "a string instead of a message",
    answer: "(run, send) => send('runResult')",
    says: /it is not an object/,
  },
  {
    name: "an extra field on a runResult",
    answer: "(run, send, ok, result) => send(result({ outcomes: run.calls.map((c) => ok(c.args[0] * 2)), passed: true }))",
    says: /unexpected field "passed"/,
  },
];

describe("the runner does not believe a compromised sandbox", function () {
  this.timeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-fake-sandbox-"));
  const correct = path.join(fixturesDir, "correct", "double.ts");
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const forgery of FORGERIES) {
    it(`${forgery.name}: the check errors with the reason, and the real sandbox then passes a correct file`, async () => {
      const fake = new Runner({ hostScript: fakeSandbox(dir, forgery.name.replace(/\W+/g, "-"), forgery.answer), timeoutMs: 2000 });
      try {
        const report = await fake.check({ packId: "t", exercise: doubling, solutionFile: correct });
        assert.equal(report.status, "error");
        assert.equal(report.summary.passed, 0);
        const message = report.cases[0].message;
        assert.match(message, /the sandbox sent a message the runner does not accept/);
        assert.match(message, forgery.says);
      } finally {
        await fake.dispose();
      }
      const real = new Runner({ hostScript: await sandboxHostScript(), timeoutMs: 2000 });
      try {
        assert.equal((await real.check({ packId: "t", exercise: doubling, solutionFile: correct })).status, "passed");
      } finally {
        await real.dispose();
      }
    });
  }
});
