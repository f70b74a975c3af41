import assert from "node:assert/strict";
import { compareValues, numbersMatch } from "../../../src/runner/compare/compareValues";

describe("compareValues", () => {
  it("compareValues(3, 3, {}) is equal; compareValues(3.0000001, 3, {}) is not (exact without a tolerance)", () => {
    assert.equal(compareValues(3, 3, {}).equal, true);
    assert.equal(compareValues(3.0000001, 3, {}).equal, false);
  });

  it("numbersMatch honours abs + rel·|expected|", () => {
    assert.equal(numbersMatch(1.04, 1, { abs: 0.05 }), true);
    assert.equal(numbersMatch(1.051, 1, { abs: 0.05 }), false);
    assert.equal(numbersMatch(1010, 1000, { rel: 0.01 }), true);
    assert.equal(numbersMatch(1011, 1000, { rel: 0.01 }), false);
    assert.equal(numbersMatch(1.5, 1, { abs: 0.25, rel: 0.25 }), true);
  });

  it("NaN equals NaN only with nanEqual", () => {
    assert.equal(compareValues(NaN, NaN, {}).equal, false);
    assert.equal(compareValues(NaN, NaN, { nanEqual: true }).equal, true);
    assert.equal(compareValues(NaN, 1, { nanEqual: true }).equal, false);
  });

  it("Infinity equals only the same Infinity, whatever the tolerance", () => {
    assert.equal(compareValues(Infinity, Infinity, { abs: 1 }).equal, true);
    assert.equal(compareValues(-Infinity, Infinity, { abs: 1e308 }).equal, false);
  });

  it("reports the first differing index of an array", () => {
    const result = compareValues([1, 2, 9, 8], [1, 2, 3, 4], {});
    assert.equal(result.equal, false);
    assert.ok(!result.equal && result.firstDifferingIndex === 2);
    assert.ok(!result.equal && result.detail === "expected 3, got 9");
    assert.ok(!result.equal && result.path === "[2]");
  });

  it("reports a length mismatch at the first missing index", () => {
    const result = compareValues([1, 2], [1, 2, 3], {});
    assert.ok(!result.equal && result.firstDifferingIndex === 2 && /expected 3 items, got 2/.test(result.detail));
  });

  it("compares plain objects key by key and names missing and extra keys", () => {
    assert.equal(compareValues({ scale: 0.1, zeroPoint: 3 }, { scale: 0.1, zeroPoint: 3 }, {}).equal, true);
    const missing = compareValues({ scale: 0.1 }, { scale: 0.1, zeroPoint: 3 }, {});
    assert.ok(!missing.equal && /`zeroPoint` is missing/.test(missing.detail));
    const extra = compareValues({ scale: 0.1, zp: 3 }, { scale: 0.1 }, {});
    assert.ok(!extra.equal && /unexpected property `zp`/.test(extra.detail));
    const inner = compareValues({ scale: 0.2 }, { scale: 0.1 }, {});
    assert.ok(!inner.equal && inner.path === ".scale");
  });

  it("names the type when a string comes back for a number", () => {
    const result = compareValues("2", 2, {});
    assert.ok(!result.equal && result.detail === 'expected a number (2), got a string ("2")');
  });

  it("reports NaN for a number as expected against actual, without guessing a cause (a misconception says why, or nothing does)", () => {
    const result = compareValues(NaN, 2, {});
    assert.ok(!result.equal && result.detail === "expected 2, got NaN", !result.equal ? result.detail : "");
  });

  it("compares strings exactly", () => {
    assert.equal(compareValues("GB", "GB", {}).equal, true);
    assert.equal(compareValues("gb", "GB", {}).equal, false);
  });
});
