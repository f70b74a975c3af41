import * as assert from "node:assert/strict";
import { clipSearch, argminFirst, bestClipFromCurve, groupDequantize, groupQuantize, perChannelQuantize, perTensorVsPerChannelMse, clipMse } from "../../../src/core";
import { assertClose } from "./tolerance";

describe("groupQuantize(w, groupSize, bits, options)", () => {
  it("gives each group its own scale: absmax / 7 for 4-bit symmetric", () => {
    const { q, scales, zeroPoints } = groupQuantize([0.7, -0.35, 0.1, 2, -1, 0.5], 3, 4);
    assertClose(scales, [0.1, 2 / 7]);
    assert.deepEqual(Array.from(q), [7, -4, 1, 7, -4, 2]);
    assert.deepEqual(Array.from(zeroPoints), [0, 0]);
  });
  it("asymmetric groups use codes 0..2^b-1 with a zero point", () => {
    const { q, scales, zeroPoints } = groupQuantize([-1, 2, 0.5, 1], 4, 8, { symmetric: false });
    assertClose(scales[0], 3 / 255);
    assert.equal(zeroPoints[0], 85);
    assert.equal(q[0], 0);
    assert.equal(q[1], 255);
  });
  it("a shorter last group and an all-zero group round-trip through groupDequantize", () => {
    const w = [0, 0, 0, 0.5, -0.25];
    const g = groupQuantize(w, 3, 4);
    assert.equal(g.scales.length, 2);
    assertClose(groupDequantize(g.q, g.scales, g.zeroPoints, 3), [0, 0, 0, 0.5, -0.2857142857142857]);
  });
  it("groupQuantize(w, 0, 4) and groupQuantize(w, 2, 17) throw", () => {
    assert.throws(() => groupQuantize([1, 2], 0, 4), /groupQuantize: groupSize must be an integer from 1 to/);
    assert.throws(() => groupQuantize([1, 2], 2, 17), /groupQuantize: bits must be an integer from 2 to 16, got 17/);
    assert.throws(() => groupQuantize([1, 2], 2, 1), /groupQuantize: bits must be an integer from 2 to 16, got 1/);
  });
  it("groupQuantize([1, NaN], 2, 4) throws naming the index", () => {
    assert.throws(() => groupQuantize([1, NaN], 2, 4), /groupQuantize: w\[1\] must be a finite number, got NaN/);
  });
  it("groupDequantize with the wrong number of scales throws", () => {
    assert.throws(() => groupDequantize([1, 2, 3], [0.1], [0], 2), /groupDequantize: scales has 1 entries, expected 2/);
  });
});

describe("perChannelQuantize(rows, bits) and perTensorVsPerChannelMse(rows, bits)", () => {
  it("one scale per row", () => {
    const { scales } = perChannelQuantize([[0.7, -0.35], [2, -1]], 4);
    assertClose(scales, [0.1, 2 / 7]);
  });
  it("per-channel error is lower than per-tensor error when rows differ in scale", () => {
    const { perTensor, perChannel } = perTensorVsPerChannelMse([[0.01, -0.02, 0.015], [4, -3, 1]], 4);
    assert.ok(perChannel < perTensor, `${perChannel} < ${perTensor}`);
  });
  it("perChannelQuantize([], 4) and a ragged empty row throw", () => {
    assert.throws(() => perChannelQuantize([], 4), /perChannelQuantize: rows must not be empty/);
    assert.throws(() => perChannelQuantize([[1], []], 4), /perChannelQuantize: rows\[1\] must not be empty/);
  });
});

describe("clipSearch(w, clips, bits)", () => {
  it("picks the clip with the lowest MSE and returns the whole curve", () => {
    const w = [0.1, -0.5, 2.4];
    const { bestClip, curve } = clipSearch(w, [1, 2.4], 4);
    assert.equal(bestClip, 2.4);
    assert.deepEqual(curve.map((p) => p.clip), [1, 2.4]);
    assertClose(curve[0].mse, clipMse(w, 1, 4));
  });
  it("the first minimum wins ties: an all-zero tensor picks the first clip", () => {
    assert.equal(clipSearch([0, 0, 0], [0.5, 1, 2], 4).bestClip, 0.5);
  });
  it("clips to the full signed range: -8 is reachable at 4 bits", () => {
    // scale = 7/7 = 1, so -8 quantizes exactly to code -8 and costs nothing.
    assert.equal(clipMse([-8, 7], 7, 4), 0);
  });
  it("clipSearch(w, [0], 4) throws: a clip must be positive", () => {
    assert.throws(() => clipSearch([1], [1, 0], 4), /clipSearch: clips\[1\] must be greater than 0, got 0/);
  });
});

describe("argminFirst(values) and bestClipFromCurve(clips, mse)", () => {
  it("argminFirst([0.05, 0.02, 0.03, 0.02]) is 1 and bestClipFromCurve picks clips[1] = 2 (the seed's answer)", () => {
    assert.equal(argminFirst([0.05, 0.02, 0.03, 0.02]), 1);
    assert.equal(bestClipFromCurve([1, 2, 3], [0.05, 0.02, 0.03]), 2);
  });
  it("bestClipFromCurve([1, 2], [0.1]) throws naming both lengths", () => {
    assert.throws(() => bestClipFromCurve([1, 2], [0.1]), /bestClipFromCurve: clips and mse differ in length \(2 vs 1\)/);
  });
});

describe("groupQuantize(w, groupSize, bits, { out })", () => {
  it("writes the codes into a preallocated Int32Array and returns it as q", () => {
    const out = new Int32Array(6);
    const { q } = groupQuantize([0.7, -0.35, 0.1, 2, -1, 0.5], 3, 4, { out });
    assert.equal(q, out);
    assert.deepEqual(Array.from(out), [7, -4, 1, 7, -4, 2]);
  });
  it("rejects an out of the wrong length or type", () => {
    assert.throws(() => groupQuantize([1, 2, 3], 3, 4, { out: new Int32Array(2) }), /groupQuantize: options.out must be an Int32Array of w's length \(3\)/);
    assert.throws(() => groupQuantize([1, 2, 3], 3, 4, { out: new Float64Array(3) as never }), /options.out must be an Int32Array/);
  });
});
