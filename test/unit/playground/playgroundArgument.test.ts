/** "Open Playground"'s argument is untrusted input: every bad field is refused with its name. */
import * as assert from "node:assert/strict";
import { parsePlaygroundArgument } from "../../../src/playground/playgroundArgument";
import { PLAYGROUND_MAX_VALUES } from "../../../src/protocol/playgroundMessages";
import { tensorFromMessage } from "../../../media/playground/model/tensorMessage";

function error(arg: unknown): string {
  const parsed = parsePlaygroundArgument(arg);
  assert.equal(parsed.ok, false, `accepted ${JSON.stringify(arg)?.slice(0, 80)}`);
  return (parsed as { error: string }).error;
}

describe("parsePlaygroundArgument(arg)", () => {
  it("accepts nothing (the palette), a preset id, an exercise id (its preset) and a tensor", () => {
    assert.deepEqual(parsePlaygroundArgument(undefined), { ok: true, request: {} });
    assert.deepEqual(parsePlaygroundArgument({ preset: "nf4" }), { ok: true, request: { preset: "nf4" } });
    assert.deepEqual(parsePlaygroundArgument({ preset: "sqnr" }), { ok: true, request: { preset: "sqnr-per-bit" } });
    const parsed = parsePlaygroundArgument({ tensor: { name: "layers.0.w", shape: [2, 3], values: new Float32Array([1, 2, 3, 4, 5, 6]) } });
    assert.deepEqual(parsed, { ok: true, request: { tensor: { name: "layers.0.w", shape: [2, 3], values: [1, 2, 3, 4, 5, 6] } } });
  });

  it("refuses a non-object, an unknown preset, and a preset that is not a string", () => {
    assert.match(error("nf4"), /must be an object/);
    assert.match(error([1]), /got an array/);
    assert.match(error({ preset: "nope" }), /no preset "nope"/);
    assert.match(error({ preset: 3 }), /preset must be/);
    assert.match(error({ preset: "toString" }), /no preset/);
  });

  it("refuses malformed tensors, naming the field", () => {
    const t = (tensor: unknown) => error({ tensor });
    assert.match(t(null), /tensor must be an object/);
    assert.match(t({ shape: [1], values: [1] }), /tensor.name/);
    assert.match(t({ name: "x".repeat(201), shape: [1], values: [1] }), /tensor.name/);
    assert.match(t({ name: "w", shape: [], values: [] }), /tensor.shape must be/);
    assert.match(t({ name: "w", shape: [2, 0], values: [] }), /tensor.shape\[1\] must be a positive integer, got 0/);
    assert.match(t({ name: "w", shape: [1.5], values: [1] }), /tensor.shape\[0\]/);
    assert.match(t({ name: "w", shape: [3], values: [1, 2] }), /has 2 values, but shape \[3\] needs 3/);
    assert.match(t({ name: "w", shape: [3], values: [1, NaN, 2] }), /tensor.values\[1\] must be a finite number, got NaN/);
    assert.match(t({ name: "w", shape: [2], values: [1, "2"] }), /tensor.values\[1\] must be a finite number, got string/);
    assert.match(t({ name: "w", shape: [1], values: [1e39] }), /does not fit in float32/);
    assert.match(t({ name: "w", shape: [2], values: "ab" }), /tensor.values must be an array/);
  });

  it(`caps a tensor at ${PLAYGROUND_MAX_VALUES} values before reading any`, () => {
    const huge = { length: PLAYGROUND_MAX_VALUES + 1 };
    assert.match(error({ tensor: { name: "big", shape: [1025, 1024], values: huge } }), /more than 1048576 values/);
    assert.match(error({ tensor: { name: "big", shape: [2 ** 40, 2 ** 40], values: [] } }), /more than/);
  });
});

describe("tensorFromMessage(tensor) (the webview's side)", () => {
  it("takes a well-formed tensor as float32, and refuses what does not add up", () => {
    const t = tensorFromMessage({ name: "w", shape: [2, 2], values: [1, 2, 3, 0.1] });
    assert.deepEqual(t?.values, new Float32Array([1, 2, 3, 0.1]));
    assert.deepEqual(t?.shape, [2, 2]);
    for (const bad of [null, "w", { name: "w", shape: [3], values: [1, 2] }, { name: "w", shape: [0], values: [] }, { name: "w", shape: [1], values: [1e39] }, { name: "w", shape: [1], values: ["1"] }, { name: 1, shape: [1], values: [1] }]) {
      assert.equal(tensorFromMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});
