/**
 * The bridge out of QuickJS, end to end without a process: what a learner's function returns is encoded by
 * the prelude inside a fresh runtime and decoded by the sandbox (prelude.ts, resultCodec.ts).
 */
import assert from "node:assert/strict";
import type { CallOutcome } from "../../../src/protocol/runnerIpc";
import { prepareNextRuntime, runBundle } from "../../../src/runner/sandbox/quickjsEngine";

/** Runs `body` as the body of `answer()` and returns its one outcome. */
async function returnedBy(body: string, limits = { timeoutMs: 5000, memoryMb: 256 }): Promise<CallOutcome> {
  const run = await runBundle(`exports.answer = function () { ${body} };`, [{ fn: "answer", args: [] }], limits);
  assert.equal(run.loadFailure, undefined);
  return run.outcomes[0];
}

function valueOf(outcome: CallOutcome): unknown {
  assert.equal(outcome.kind, "returned", JSON.stringify(outcome));
  return (outcome as { value: unknown }).value;
}

function messageOf(outcome: CallOutcome): string {
  return "message" in outcome ? outcome.message : "";
}

describe("the QuickJS bridge", function () {
  this.timeout(60_000);

  it("prepareNextRuntime(256) makes a runtime that carries nothing of the run before it, and serves one run", async () => {
    const limits = { timeoutMs: 5000, memoryMb: 256 };
    await returnedBy("globalThis.leak = 'from the run before'; Object.prototype.polluted = 1; return 0;", limits);
    prepareNextRuntime(256);
    assert.deepEqual(valueOf(await returnedBy("return [typeof globalThis.leak, typeof ({}).polluted];", limits)), ["undefined", "undefined"]);
    await returnedBy("globalThis.leak = 'again'; return 0;", limits);
    prepareNextRuntime(256);
    // Another memory limit than the one made ahead: a runtime with the asked limit is made instead.
    assert.deepEqual(valueOf(await returnedBy("return typeof globalThis.leak;", { timeoutMs: 5000, memoryMb: 64 })), "undefined");
  });

  it("keeps NaN, -0, ±Infinity and undefined", async () => {
    const value = valueOf(await returnedBy("return [NaN, -0, Infinity, -Infinity, undefined, 0.1, 'x', true, null];")) as unknown[];
    assert.ok(Number.isNaN(value[0]));
    assert.ok(Object.is(value[1], -0));
    assert.deepEqual(value.slice(2), [Infinity, -Infinity, undefined, 0.1, "x", true, null]);
  });

  it("turns typed arrays into plain arrays, special numbers included", async () => {
    assert.deepEqual(valueOf(await returnedBy("return { q: new Int8Array([-128, 127]), f: new Float32Array([0.5, NaN]) };")), { q: [-128, 127], f: [0.5, NaN] });
  });

  it("keeps a `__proto__` key as an ordinary key instead of a prototype", async () => {
    const value = valueOf(await returnedBy('const o = {}; Object.defineProperty(o, "__proto__", { value: { polluted: true }, enumerable: true }); return o;')) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.deepEqual(Object.keys(value), ["__proto__"]);
    assert.equal((value as { polluted?: unknown }).polluted, undefined);
  });

  it("refuses a Map, a function and a BigInt, saying what to return instead", async () => {
    assert.match(messageOf(await returnedBy("return new Map();")), /returned a Map; return a plain object/);
    assert.match(messageOf(await returnedBy("return () => 1;")), /call it and return its result/);
    assert.match(messageOf(await returnedBy("return 3n;")), /BigInt \(3n\); return a number/);
  });

  it("refuses a cyclic value as too deep instead of hanging", async () => {
    assert.match(messageOf(await returnedBy("const a = []; a.push(a); return a;")), /nested more than 64 levels deep \(or one that contains itself\)/);
  });

  it("names a result over the per-call size budget by its size: 38 MB against 8 MB", async () => {
    const outcome = await returnedBy('return ["x".repeat(19e6), "y".repeat(19e6)];');
    assert.equal(outcome.kind, "invalid");
    assert.equal(messageOf(outcome), "your function returned 38 MB; the limit is 8 MB per call (return only what the exercise asks for)");
  });

  it("refuses an object with a 50-million-character key by size, without copying it", async () => {
    const outcome = await returnedBy('const o = {}; o["k".repeat(50e6)] = 1; return o;', { timeoutMs: 10_000, memoryMb: 512 });
    assert.match(messageOf(outcome), /your function returned 50 MB; the limit is 8 MB per call/);
  });

  it("refuses more than a million items in one result", async () => {
    assert.match(messageOf(await returnedBy("return new Array(1200000).fill(0);")), /returned an array of 1,200,000 items/);
  });

  it("counts results against the whole run's budget across calls", async () => {
    const calls = Array.from({ length: 6 }, () => ({ fn: "answer", args: [] }));
    // Each result is just under the per-call item limit; the fifth passes the run's.
    const run = await runBundle("exports.answer = () => new Uint8Array(999000);", calls, { timeoutMs: 10_000, memoryMb: 256 });
    assert.deepEqual(run.outcomes.slice(0, 4).map((o) => o.kind), ["returned", "returned", "returned", "returned"]);
    assert.equal(run.outcomes[4].kind, "invalid");
    assert.match(messageOf(run.outcomes[4]), /whole check's 4,000,000 values/);
    assert.equal(run.outcomes[5].kind, "invalid");
  });

  it("describes a thrown non-Error, and an Error whose toString throws", async () => {
    assert.match(messageOf(await returnedBy("throw 42;")), /^threw 42, which is not an Error/);
    assert.match(messageOf(await returnedBy("throw { toString() { throw new Error('no'); } };")), /cannot be printed/);
    const range = await returnedBy("throw new RangeError('x');");
    assert.equal(messageOf(range), "RangeError: x");
  });

  it("waits for a returned promise, and says when one can never settle", async () => {
    assert.equal(valueOf(await returnedBy("return Promise.resolve(1).then((v) => v + 1);")), 2);
    assert.match(messageOf(await returnedBy("return new Promise(() => {});")), /a promise that never settles/);
  });

  it("has no host objects: no process, require, WebAssembly, fetch or timers", async () => {
    assert.deepEqual(valueOf(await returnedBy("return [typeof process, typeof require, typeof WebAssembly, typeof fetch, typeof setTimeout, typeof globalThis.postMessage];")), Array(6).fill("undefined"));
  });
});
