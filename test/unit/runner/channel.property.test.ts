/**
 * Property tests for the two checks that stand between learner code and a verdict: the runner's check of
 * every message from the sandbox (channel.ts) and the sandbox's decoding of what QuickJS hands out
 * (resultCodec.ts, behind prelude.ts). Random deep, huge, cyclic and hostile values: neither ever throws,
 * hangs or lets something through that is not plain data within the budget, and plain data survives the
 * round trip through a QuickJS runtime exactly (NaN, -0 and ±Infinity included).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import type { CallOutcome } from "../../../src/protocol/runnerIpc";
import { checkSandboxMessage, refusalOfValue } from "../../../src/runner/channel";
import { runBundle } from "../../../src/runner/sandbox/quickjsEngine";
import { decodeOutcome, RunBudget } from "../../../src/runner/sandbox/resultCodec";

/** Plain data as a learner's function may return it. */
const plainValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.double(),
    fc.constantFrom(Number.NaN, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    fc.integer(),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "prototype", "$", "k", "v")), tie("value"), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

/** Values no plain-data check should accept, or should survive seeing. */
const hostileValue = fc.oneof(
  fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withObjectString: true }),
  fc.constant(new Error("x")),
  fc.constant(() => 1),
  fc.constant(Symbol("s")),
  fc.integer({ min: 1, max: 3 }).map((n) => {
    const cyclic: unknown[] = [];
    let inner = cyclic;
    for (let i = 0; i < n; i++) inner = (inner[0] = []) as unknown[];
    inner.push(cyclic);
    return cyclic;
  }),
  fc.integer({ min: 67, max: 20_000 }).map((depth) => {
    let deep: unknown = 1;
    for (let i = 0; i < depth; i++) deep = [deep];
    return deep;
  }),
  fc.constant(
    Object.defineProperty({}, "x", {
      get() {
        throw new Error("a getter that throws");
      },
      enumerable: true,
    }),
  ),
);

/** JavaScript source that evaluates to `value` inside QuickJS. */
function toSource(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : Number.isNaN(value) ? "NaN" : value === Infinity ? "Infinity" : value === -Infinity ? "-Infinity" : String(value);
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toSource).join(",")}]`;
  const entries = Object.keys(value).map((k) => `Object.defineProperty(o, ${JSON.stringify(k)}, { value: ${toSource((value as Record<string, unknown>)[k])}, enumerable: true, writable: true, configurable: true });`);
  return `(() => { const o = {}; ${entries.join(" ")} return o; })()`;
}

describe("the sandbox channel and the result decoder under random values", function () {
  this.timeout(120_000);

  it("checkSandboxMessage never throws, and accepts a runResult only for a run it waits for, with plain values", () => {
    fc.assert(
      fc.property(fc.oneof(hostileValue, plainValue), fc.integer({ min: 1, max: 3 }), fc.boolean(), (value, id, waiting) => {
        const message = { type: "runResult", id, compileMs: 1, runMs: 1, errors: [], warnings: [], outcomes: [{ kind: "returned", value, durationMs: 1 }] };
        const checked = checkSandboxMessage(message, (asked) => (waiting && asked === id ? 1 : undefined));
        if (!waiting) assert.equal(checked.ok, false);
        if (checked.ok) assert.equal(refusalOfValue(value), undefined);
        else assert.equal(typeof checked.why, "string");
      }),
      { numRuns: 300 },
    );
  });

  it("checkSandboxMessage refuses anything that is not one of its messages, without throwing", () => {
    fc.assert(
      fc.property(fc.oneof(hostileValue, fc.record({ type: fc.constantFrom("runResult", "resolve", "load", "fatal", "ready", "__proto__"), id: fc.anything(), outcomes: fc.anything(), question: fc.anything() })), (message) => {
        const checked = checkSandboxMessage(message, () => 1);
        if (checked.ok) assert.ok(["runResult", "resolve", "load", "fatal", "ready"].includes((message as { type: string }).type));
      }),
      { numRuns: 500 },
    );
  });

  it("refuses cyclic, 20,000-deep and oversized values by name, quickly", () => {
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    assert.match(refusalOfValue(cyclic) ?? "", /nested more than 66 levels/);
    let deep: unknown = 0;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    assert.match(refusalOfValue(deep) ?? "", /nested more than 66 levels/);
    assert.match(refusalOfValue(["x".repeat(50_000_000)]) ?? "", /larger than/);
    assert.match(refusalOfValue(new Array(9_000_000).fill(0)) ?? "", /more than 8,000,000 values/);
    const forged = { type: "runResult", id: 7, compileMs: 0, runMs: 0, errors: [], warnings: [], outcomes: { __proto__: [] } };
    assert.match(String((checkSandboxMessage(forged, () => 1) as { why?: string }).why), /outcomes is not a list/);
    assert.match(String((checkSandboxMessage({ ...forged, id: 8, outcomes: [] }, (id) => (id === 7 ? 1 : undefined)) as { why?: string }).why), /names run 8, which the runner is not waiting for/);
  });

  it("decodeOutcome turns any text into an outcome, never an exception", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ kind: "returned", items: 1, value: v }))), (text) => {
        const outcome: CallOutcome = decodeOutcome(text, "f", 1, new RunBudget());
        assert.ok(["returned", "threw", "invalid", "crashed"].includes(outcome.kind), outcome.kind);
        if (outcome.kind === "returned") assert.equal(refusalOfValue(outcome.value), undefined);
      }),
      { numRuns: 500 },
    );
  });

  it("plain data returned from QuickJS arrives exactly as it was, `__proto__` keys and -0 included", async () => {
    const samples = fc.sample(plainValue, { numRuns: 40, seed: 20261206 });
    const code = `exports.answer = function (i) { return [${samples.map(toSource).join(",")}][i]; };`;
    const run = await runBundle(code, samples.map((_, i) => ({ fn: "answer", args: [i] })), { timeoutMs: 5000, memoryMb: 64 });
    for (const [i, sample] of samples.entries()) {
      const outcome = run.outcomes[i];
      assert.equal(outcome.kind, "returned", JSON.stringify(outcome));
      assert.deepStrictEqual((outcome as { value: unknown }).value, sample);
    }
  });

  it("hostile values returned from QuickJS become a sentence, never a crash of the sandbox", async () => {
    const bodies = [
      "const a = []; a.push(a); return a;",
      "let d = 0; for (let i = 0; i < 100000; i++) d = [d]; return d;",
      "return new Proxy({}, { ownKeys() { for (;;) {} } });",
      "return { get x() { throw new Error('no'); } };",
      "return new Date(0);",
      "return Symbol('s');",
      "return { then(resolve) { resolve(this); } };",
      "Object.prototype.toString = () => '[object Object]'; return new Map();",
      "Array.isArray = () => true; return { length: 1e9 };",
      "JSON.stringify = () => '{\"kind\":\"returned\",\"items\":0,\"value\":1}'; return 3;",
    ];
    const code = `exports.answer = function (i) { ${bodies.map((b, i) => `if (i === ${i}) { ${b} }`).join(" ")} };`;
    const run = await runBundle(code, bodies.map((_, i) => ({ fn: "answer", args: [i] })), { timeoutMs: 1000, memoryMb: 64 });
    for (const [i, outcome] of run.outcomes.entries()) {
      assert.ok(["returned", "invalid", "threw", "timeout", "not-run", "crashed"].includes(outcome.kind), `${bodies[i]}: ${JSON.stringify(outcome)}`);
      if (outcome.kind === "returned") assert.equal(refusalOfValue(outcome.value), undefined, bodies[i]);
    }
  });
});
