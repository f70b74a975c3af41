import assert from "node:assert/strict";
import vm from "node:vm";
import { describeThrown, MAX_RESULT_ITEMS, normaliseReturnedValue } from "../../../src/runner/sandbox/normaliseValue";

describe("normaliseReturnedValue", () => {
  it("keeps NaN, -0, Infinity and undefined", () => {
    const result = normaliseReturnedValue([NaN, -0, Infinity, undefined]);
    assert.ok(result.ok);
    assert.ok(result.ok && Object.is((result.value as number[])[1], -0));
    assert.ok(result.ok && Number.isNaN((result.value as number[])[0]));
  });
  it("turns a Float32Array from another realm into a plain array", () => {
    const foreign = vm.runInNewContext("new Float32Array([0.5, 1.5])");
    assert.deepEqual(normaliseReturnedValue(foreign), { ok: true, value: [0.5, 1.5] });
  });
  it("copies plain objects from another realm", () => {
    const foreign = vm.runInNewContext("({ scale: 0.1, zeroPoint: 3 })");
    assert.deepEqual(normaliseReturnedValue(foreign), { ok: true, value: { scale: 0.1, zeroPoint: 3 } });
  });
  it("refuses more than MAX_RESULT_ITEMS values with a sentence", () => {
    const result = normaliseReturnedValue(new Array(MAX_RESULT_ITEMS + 1).fill(0));
    assert.ok(!result.ok && /returned an array of 1,000,001 items/.test(result.message));
  });
  it("refuses a Map, a function and a BigInt, saying what to return instead", () => {
    const map = normaliseReturnedValue(new Map());
    assert.ok(!map.ok && /returned a Map; return a plain object/.test(map.message));
    const fn = normaliseReturnedValue(() => 1);
    assert.ok(!fn.ok && /call it and return its result/.test(fn.message));
    const big = normaliseReturnedValue(BigInt(3));
    assert.ok(!big.ok && /BigInt \(3n\); return a number/.test(big.message));
  });
});

describe("describeThrown", () => {
  it("describeThrown(new RangeError('x')) keeps name, message and stack", () => {
    const d = describeThrown(new RangeError("x"));
    assert.equal(d.message, "RangeError: x");
    assert.match(d.stack ?? "", /RangeError: x/);
  });
  it("describeThrown(42) says it was not an Error", () => {
    assert.match(describeThrown(42).message, /^threw 42, which is not an Error/);
  });
  it("describeThrown of an object whose toString throws still describes it", () => {
    assert.match(describeThrown({ toString: () => { throw new Error("no"); } }).message, /cannot be printed/);
  });
});
