import * as assert from "node:assert/strict";
import { FLOAT32_EPSILON, affineQParams, integerRange, minMax, symmetricQParams, symmetricScale } from "../../../src/core";
import { assertClose } from "./tolerance";

describe("symmetricScale(maxAbs, bits)", () => {
  it("symmetricScale(2.1, 4) is 0.3 (the seed's INT4 answer)", () => assertClose(symmetricScale(2.1, 4), 0.3));
  it("symmetricScale(0, 4) throws: a zero range has no meaningful scale", () => {
    assert.throws(() => symmetricScale(0, 4), /symmetricScale: maxAbs must be greater than 0, got 0/);
  });
  it("symmetricScale(-1, 8) and symmetricScale(1, 1) throw", () => {
    assert.throws(() => symmetricScale(-1, 8), /symmetricScale: maxAbs/);
    assert.throws(() => symmetricScale(1, 1), /symmetricScale: bits must be an integer from 2 to 32, got 1/);
  });
  it("symmetricScale(Number.MAX_VALUE, 8) is finite", () => assert.ok(Number.isFinite(symmetricScale(Number.MAX_VALUE, 8))));
});

describe("affineQParams(min, max, range)", () => {
  it("quint8 over [-1, 2] gives scale 3/255 (in float32, as PyTorch computes it) and zero point 85", () => {
    const { scale, zeroPoint } = affineQParams(-1, 2, integerRange(8, false));
    assert.equal(scale, Math.fround(3 / 255));
    assert.equal(zeroPoint, 85);
  });
  it("affineQParams(-1, 1, int4) has zero point -1: in float32 -1 / 0.13333334 is -7.4999995, not the tie -7.5", () => {
    assert.deepEqual(affineQParams(-1, 1, { qmin: -8, qmax: 7 }), { scale: Math.fround(2 / 15), zeroPoint: -1 });
  });
  it("affineQParams(-3.874, 5.066, quint8) has zero point 110, as PyTorch's observer gives (float64 would give 111)", () => {
    assert.equal(affineQParams(-3.874, 5.066, integerRange(8, false)).zeroPoint, 110);
  });
  it("widens the range to include 0: [0.5, 3] behaves like [0, 3]", () => {
    assert.deepEqual(affineQParams(0.5, 3, integerRange(8, false)), affineQParams(0, 3, integerRange(8, false)));
    assert.equal(affineQParams(0.5, 3, integerRange(8, false)).zeroPoint, 0);
    assert.equal(affineQParams(-4, -1, integerRange(8, false)).zeroPoint, 255);
  });
  it("a zero-range observer (0, 0) gets scale float32 epsilon, not 0", () => {
    assert.deepEqual(affineQParams(0, 0, integerRange(8, true)), { scale: FLOAT32_EPSILON, zeroPoint: -128 });
    assert.equal(FLOAT32_EPSILON, 1.1920928955078125e-7);
  });
  it("affineQParams(2, 1, range) throws: min above max", () => {
    assert.throws(() => affineQParams(2, 1, integerRange(8, false)), /affineQParams: min \(2\) is greater than max \(1\)/);
  });
  it("affineQParams(0, 1, { qmin: 5, qmax: 5 }) throws: empty range", () => {
    assert.throws(() => affineQParams(0, 1, { qmin: 5, qmax: 5 }), /affineQParams: range.qmin \(5\) must be less than range.qmax \(5\)/);
  });
});

describe("symmetricQParams(min, max, range)", () => {
  it("divides by 127.5 for int8 [-128, 127], not 127", () => {
    assert.equal(symmetricQParams(-1, 2, integerRange(8, true)).scale, Math.fround(2 / 127.5));
    assert.equal(symmetricQParams(-1, 2, integerRange(8, true, true)).scale, Math.fround(2 / 127));
  });
  it("zero point is 0 for signed; 128 for quint8's default range, with reduce_range too; ⌊(qmin + qmax) / 2⌋ for a custom one", () => {
    assert.equal(symmetricQParams(-1, 2, integerRange(8, true)).zeroPoint, 0);
    assert.equal(symmetricQParams(-1, 2, integerRange(8, false)).zeroPoint, 128);
    assert.equal(symmetricQParams(-1, 2, { qmin: 0, qmax: 127 }).zeroPoint, 128, "quint8 with reduce_range");
    assert.equal(symmetricQParams(-1, 2, integerRange(4, false)).zeroPoint, 7, "[0, 15] is a custom range");
    assert.equal(symmetricQParams(-1, 2, integerRange(8, false), { customRange: true }).zeroPoint, 127, "[0, 255] given as quant_min/quant_max");
    assert.equal(symmetricQParams(-1, 2, { qmin: 0, qmax: 127 }, { customRange: true }).zeroPoint, 63);
  });
  it("symmetricQParams(0, 1, int8, { customRange: 1 }) throws: customRange is a boolean", () => {
    assert.throws(() => symmetricQParams(0, 1, integerRange(8, true), { customRange: 1 as unknown as boolean }), /symmetricQParams: options.customRange must be true or false, got 1/);
  });
  it("a zero-range observer gets scale float32 epsilon", () => {
    assert.equal(symmetricQParams(0, 0, integerRange(8, true)).scale, FLOAT32_EPSILON);
  });
});

describe("minMax(x)", () => {
  it("minMax([0.5, -1, 2]) is { min: -1, max: 2 }", () => assert.deepEqual(minMax([0.5, -1, 2]), { min: -1, max: 2 }));
  it("minMax([1, NaN]) throws naming index 1", () => assert.throws(() => minMax([1, NaN]), /minMax: x\[1\] must be a finite number, got NaN/));
  it("minMax([]) throws", () => assert.throws(() => minMax([]), /minMax: x must not be empty/));
});

describe("affineQParams over a range wider than a double", () => {
  it("affineQParams(-1e308, 1e308, int8) throws instead of returning an infinite scale", () => {
    assert.throws(() => affineQParams(-1e308, 1e308, integerRange(8, true)), /affineQParams: the range \[-1e\+308, 1e\+308\] is too wide/);
  });
});
