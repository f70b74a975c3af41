import * as assert from "node:assert/strict";
import fc from "fast-check";
import { dequantize, dequantizeArray, fakeQuantize, integerRange, quantize, quantizeArray } from "../../../src/core";
import { assertClose } from "./tolerance";

describe("quantize(x, scale, zeroPoint, options)", () => {
  it("quantize(0.3, 0.1, 0) is 3 (the seed's answer, although 0.3/0.1 = 2.9999999999999996)", () => {
    assert.equal(quantize(0.3, 0.1, 0), 3);
  });
  it("ties follow the rounding option: 2.5 → 2 (half-even), 3 (half-away, half-up); -2.5 → -2, -3, -2", () => {
    assert.equal(quantize(2.5, 1, 0), 2);
    assert.equal(quantize(2.5, 1, 0, { rounding: "half-away" }), 3);
    assert.equal(quantize(2.5, 1, 0, { rounding: "half-up" }), 3);
    assert.equal(quantize(-2.5, 1, 0), -2);
    assert.equal(quantize(-2.5, 1, 0, { rounding: "half-away" }), -3);
    assert.equal(quantize(-2.5, 1, 0, { rounding: "half-up" }), -2);
  });
  it("clamps only when a range is given", () => {
    assert.equal(quantize(100, 0.1, 0), 1000);
    assert.equal(quantize(100, 0.1, 0, { range: integerRange(8, true) }), 127);
    assert.equal(quantize(-100, 0.1, 0, { range: integerRange(8, true) }), -128);
    assert.equal(quantize(-1, 3 / 255, 85, { range: integerRange(8, false) }), 0);
  });
  it("quantize(1, 0, 0) and quantize(1, -0.1, 0) throw: scale must be positive", () => {
    assert.throws(() => quantize(1, 0, 0), /^Error: quantize: scale must be greater than 0, got 0$/);
    assert.throws(() => quantize(1, -0.1, 0), /quantize: scale must be greater than 0/);
    assert.throws(() => quantize(1, NaN, 0), /quantize: scale must be a finite number, got NaN/);
  });
  it("quantize(1e308, 1e-10, 0) throws instead of returning Infinity", () => {
    assert.throws(() => quantize(1e308, 1e-10, 0), /quantize: x \/ scale overflows/);
  });
  it("quantize(1, 1, 0, { range: { qmin: 3, qmax: 1 } }) throws", () => {
    assert.throws(() => quantize(1, 1, 0, { range: { qmin: 3, qmax: 1 } }), /quantize: options.range.qmin \(3\) must be less than options.range.qmax \(1\)/);
  });
});

describe("dequantize(q, scale, zeroPoint)", () => {
  it("dequantize(3, 0.1, 0) is 0.3 and dequantize(0, 3/255, 85) is -1", () => {
    assertClose(dequantize(3, 0.1, 0), 0.3);
    assertClose(dequantize(0, 3 / 255, 85), -1);
  });
});

describe("dequantize(quantize(x)) (property)", () => {
  it("is within scale/2 of x for every x inside the range, in every rounding mode", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 10, noNaN: true }),
        fc.integer({ min: -20, max: 20 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.constantFrom("half-even" as const, "half-away" as const, "half-up" as const),
        (scale, zeroPoint, unit, rounding) => {
          const range = integerRange(8, true);
          // x spans the representable interval [scale·(qmin − zp), scale·(qmax − zp)].
          const lo = scale * (range.qmin - zeroPoint);
          const hi = scale * (range.qmax - zeroPoint);
          const x = lo + ((unit + 1) / 2) * (hi - lo);
          const xHat = dequantize(quantize(x, scale, zeroPoint, { rounding, range }), scale, zeroPoint);
          return Math.abs(xHat - x) <= scale / 2 + 1e-12 * Math.max(1, Math.abs(x));
        },
      ),
      { seed: 20261127, numRuns: 500 },
    );
  });
});

describe("quantizeArray / dequantizeArray / fakeQuantize", () => {
  const x = [0.26, -0.04, 9, -9, 0.05, 0.15];
  it("fakeQuantize(x, qparams, { range }) equals dequantize(quantize(x_i)) element by element", () => {
    const range = integerRange(4, true);
    const fake = fakeQuantize(x, { scale: 0.1, zeroPoint: 0 }, { range });
    x.forEach((v, i) => assertClose(fake[i], dequantize(quantize(v, 0.1, 0, { range }), 0.1, 0), undefined, `x[${i}]`));
  });
  it("the array kernels agree with the scalar functions in every rounding mode and with a zero point", () => {
    for (const rounding of ["half-even", "half-away", "half-up"] as const) {
      for (const range of [undefined, integerRange(8, false)]) {
        const q = quantizeArray(x, 0.05, 7, { rounding, range });
        x.forEach((v, i) => assert.equal(q[i], quantize(v, 0.05, 7, { rounding, range }), `${rounding} x[${i}]`));
      }
    }
  });
  it("fakeQuantize of a Float32Array returns a Float32Array; of a plain array, a Float64Array", () => {
    assert.ok(fakeQuantize(Float32Array.from(x), { scale: 0.1, zeroPoint: 0 }) instanceof Float32Array);
    assert.ok(fakeQuantize(x, { scale: 0.1, zeroPoint: 0 }) instanceof Float64Array);
  });
  it("writes into options.out and returns it", () => {
    const out = new Int8Array(x.length);
    const result = quantizeArray(x, 0.1, 0, { range: integerRange(8, true), out });
    assert.equal(result, out);
    // 0.15 / 0.1 is 1.4999999999999998 in doubles, so it rounds to 1, not 2.
    assert.deepEqual(Array.from(out), [3, 0, 90, -90, 0, 1]);
  });
  it("quantizeArray(x, 0.1, 0, { out: shorter }) throws naming both lengths", () => {
    assert.throws(() => quantizeArray(x, 0.1, 0, { out: new Float64Array(2) }), /quantizeArray: options.out has length 2, expected 6/);
  });
  it("fakeQuantize([1, NaN], …) throws naming the index instead of returning NaN", () => {
    assert.throws(() => fakeQuantize([1, NaN], { scale: 0.1, zeroPoint: 0 }, { range: integerRange(8, true) }), /fakeQuantize: x\[1\] must be a finite number, got NaN/);
    assert.throws(() => quantizeArray([Infinity], 0.1, 0), /quantizeArray: x\[0\] must be a finite number, got Infinity/);
  });
  it("fakeQuantize([], …) and fakeQuantize(x, { scale: 0 }) throw", () => {
    assert.throws(() => fakeQuantize([], { scale: 1, zeroPoint: 0 }), /fakeQuantize: x must not be empty/);
    assert.throws(() => fakeQuantize(x, { scale: 0, zeroPoint: 0 }), /fakeQuantize: qparams.scale must be greater than 0, got 0/);
  });
  it("dequantizeArray([0, 85, 255], 3/255, 85) is [-1, 0, 2]", () => {
    assertClose(dequantizeArray([0, 85, 255], 3 / 255, 85), [-1, 0, 2]);
  });
});

describe("fakeQuantize on Float32Array (the fast path) agrees with the generic path", () => {
  // Ties at exact .5 steps, values past both clamp bounds, zero, and random values, all exact in float32.
  const values = [0.0625, -0.0625, 0.1875, -0.1875, 0, 100, -100, 7.9375, -8.0625];
  for (let i = 0; i < 200; i++) values.push(Math.fround(Math.sin(i * 12.9898) * 9));
  const f32 = Float32Array.from(values);
  const cases = [
    { qparams: { scale: 0.125, zeroPoint: 0 }, range: integerRange(4, true) },
    { qparams: { scale: 0.125, zeroPoint: -3 }, range: integerRange(8, true) },
    { qparams: { scale: 0.07, zeroPoint: 128 }, range: integerRange(8, false) },
  ];
  for (const { qparams, range } of cases) {
    it(`fakeQuantize(Float32Array, { scale: ${qparams.scale}, zeroPoint: ${qparams.zeroPoint} }, range [${range.qmin}, ${range.qmax}])`, () => {
      const fast = fakeQuantize(f32, qparams, { range });
      const generic = Float32Array.from(fakeQuantize(values, qparams, { range }));
      assert.deepEqual(Array.from(fast), Array.from(generic));
      if (qparams.scale === 0.125) assert.equal(fast[0], 0); // 0.0625 / 0.125 = 0.5 ties to 0 (half-even), not 1
    });
  }
  it("fakeQuantize(Float32Array with NaN, …) throws naming the index", () => {
    const bad = Float32Array.from([1, 2, NaN]);
    assert.throws(() => fakeQuantize(bad, { scale: 0.1, zeroPoint: 0 }, { range: integerRange(8, true) }), /fakeQuantize: x\[2\] must be a finite number, got NaN/);
  });
});
