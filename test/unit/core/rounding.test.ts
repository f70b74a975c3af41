import * as assert from "node:assert/strict";
import { integerRange, round } from "../../../src/core";

describe("round(x, mode)", () => {
  it("round(2.5) is 2: half to even by default, as Python's round and PyTorch", () => {
    assert.equal(round(2.5), 2);
    assert.equal(round(3.5), 4);
    assert.equal(round(-2.5), -2);
  });
  it('round(2.5, "half-away") is 3 and round(-2.5, "half-away") is -3, as C roundf', () => {
    assert.equal(round(2.5, "half-away"), 3);
    assert.equal(round(-2.5, "half-away"), -3);
  });
  it('round(-2.5, "half-up") is -2, as Math.round', () => {
    assert.equal(round(-2.5, "half-up"), -2);
    assert.equal(round(2.5, "half-up"), 3);
  });
  it("round(0.49999999999999994) is 0 in every mode (the largest double below 0.5 is not a tie)", () => {
    for (const mode of ["half-even", "half-away", "half-up"] as const) assert.equal(round(0.49999999999999994, mode), 0);
  });
  it("round(2^51 + 0.5) is exact above the fast path's limit", () => {
    assert.equal(round(2 ** 51 + 0.5), 2 ** 51);
    assert.equal(round(2 ** 51 + 1.5), 2 ** 51 + 2);
    assert.equal(round(-(2 ** 51) - 0.5, "half-away"), -(2 ** 51) - 1);
  });
  it("round(-0.4) is 0, never -0", () => {
    for (const mode of ["half-even", "half-away", "half-up"] as const) assert.ok(Object.is(round(-0.4, mode), 0), mode);
  });
  it("round(NaN) throws naming the function and argument", () => {
    assert.throws(() => round(NaN), /^Error: round: x must be a finite number, got NaN$/);
    assert.throws(() => round(Infinity), /round: x must be a finite number/);
  });
  it('round(1, "nearest") throws listing the modes', () => {
    assert.throws(() => round(1, "nearest" as never), /round: mode must be one of "half-even", "half-away", "half-up"/);
  });
});

describe("integerRange(bits, signed, narrow)", () => {
  it("integerRange(8, true) is [-128, 127], narrow [-127, 127], (4, true) [-8, 7], (8, false) [0, 255]", () => {
    assert.deepEqual(integerRange(8, true), { qmin: -128, qmax: 127 });
    assert.deepEqual(integerRange(8, true, true), { qmin: -127, qmax: 127 });
    assert.deepEqual(integerRange(4, true), { qmin: -8, qmax: 7 });
    assert.deepEqual(integerRange(8, false), { qmin: 0, qmax: 255 });
  });
  it("integerRange(32, false) reaches 2^32 - 1 without overflowing", () => {
    assert.deepEqual(integerRange(32, false), { qmin: 0, qmax: 4294967295 });
  });
  it("integerRange(0, true), (33, true) and (4.5, true) throw: bits must be 1..32", () => {
    assert.throws(() => integerRange(0, true), /integerRange: bits must be an integer from 1 to 32, got 0/);
    assert.throws(() => integerRange(33, true), /integerRange: bits must be an integer from 1 to 32, got 33/);
    assert.throws(() => integerRange(4.5, true), /integerRange: bits must be an integer, got 4.5/);
  });
  it("integerRange(1, true, true) throws: a narrow 1-bit range has one code", () => {
    assert.throws(() => integerRange(1, true, true), /integerRange: a narrow range needs bits ≥ 2/);
  });
});
