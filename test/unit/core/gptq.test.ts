import * as assert from "node:assert/strict";
import { gptqQuantizeRow, gptqVsRtn } from "../../../src/core";

describe("gptq (error feedback through the inverse Hessian)", () => {
  it("gptqQuantizeRow([0.3, 0.13], …) pushes the first column's error onto the second, which then rounds down", () => {
    assert.deepEqual(gptqQuantizeRow([0.3, 0.13], [[1, 0.5], [0.5, 1]], 0.25, 8, 15), { codes: [9, 8], wHat: [0.25, 0] });
  });

  it("with a diagonal inverse Hessian (uncorrelated inputs) GPTQ is round-to-nearest", () => {
    const w = [0.31, -0.07, 0.12, 0.49];
    const diagonal = [[2, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0.5, 0], [0, 0, 0, 3]];
    const { wHat } = gptqQuantizeRow(w, diagonal, 0.1, 4, 15);
    assert.deepEqual(wHat, w.map((v) => 0.1 * (Math.min(15, Math.max(0, Math.round(v / 0.1) + 4)) - 4)));
  });

  it("codes are clamped to 0..maxq even when the feedback pushes a column past the grid", () => {
    const { codes } = gptqQuantizeRow([0.74, 0.7], [[1, -0.9], [-0.9, 1]], 0.1, 0, 7);
    assert.deepEqual(codes, [7, 7]);
  });

  it("gptqVsRtn on a row where the two agree reports the same error twice", () => {
    const r = gptqVsRtn([0.3, 0.2], [[1, 1], [1, -1]], [[1, 0.5], [0.5, 1]], 0.25, 8, 15);
    assert.equal(r.gptqError, r.rtnError);
  });

  it("hostile input throws naming the function and the argument", () => {
    assert.throws(() => gptqQuantizeRow([0.1, 0.2], [[1, 0]], 0.1, 0, 15), /^Error: gptqQuantizeRow: Hinv must be a 2 × 2 matrix/);
    assert.throws(() => gptqQuantizeRow([0.1, 0.2], [[1, 0], [0]], 0.1, 0, 15), /^Error: gptqQuantizeRow: Hinv\[1\] has 1 entries, expected 2/);
    assert.throws(() => gptqQuantizeRow([0.1, 0.2], [[1, 2], [2, 1]], 0.1, 0, 15), /^Error: gptqQuantizeRow: the inverse Hessian's diagonal at column 1 is -3/);
    assert.throws(() => gptqQuantizeRow([0.1], [[1]], 0, 0, 15), /^Error: gptqQuantizeRow: scale must be greater than 0/);
    assert.throws(() => gptqQuantizeRow([0.1], [[1]], 0.1, 16, 15), /^Error: gptqQuantizeRow: zero must be an integer from 0 to 15/);
    assert.throws(() => gptqVsRtn([0.1, 0.2], [[1]], [[1, 0], [0, 1]], 0.1, 0, 15), /^Error: gptqVsRtn: X\[0\] has 1 entries, expected 2/);
    assert.throws(() => gptqVsRtn([0.1, 0.2], [[1, 1]], [[1, 2], [2, 1]], 0.1, 0, 15), /^Error: gptqVsRtn: the inverse Hessian's diagonal/);
  });
});
