import * as assert from "node:assert/strict";
import { int32SafeDepth, int8Linear, perTokenQuantize } from "../../../src/core";

describe("int8Gemm (per-token activations, int32 accumulation)", () => {
  it("perTokenQuantize gives each token its own scale: an outlier token does not coarsen the others", () => {
    const { scales } = perTokenQuantize([[-1, 0, 2], [0.05, -0.02, 0.01]]);
    assert.ok(scales[0] / scales[1] > 30, `scales ${scales}`);
  });

  it("perTokenQuantize([[0.1, 0.3]]) widens the range to contain 0, so 0 has an exact code", () => {
    const { zeroPoints, q } = perTokenQuantize([[0.1, 0.3]]);
    assert.equal(zeroPoints[0], -128);
    assert.deepEqual(q[0], [-43, 127]);
  });

  it("int8Linear's y equals the float product of the dequantized operands: the correction term is exact", () => {
    const X = [[-1, 0.3, 2, -0.7], [0.5, 0.25, 0, 4]];
    const Wq = [[1, -5], [2, 100], [3, -127], [-128, 7]];
    const ws = [0.5, 0.01];
    const { scales, zeroPoints, q } = perTokenQuantize(X);
    const { y } = int8Linear(X, Wq, ws);
    for (let t = 0; t < 2; t++) {
      for (let j = 0; j < 2; j++) {
        const float = q[t].reduce((sum, code, k) => sum + (code - zeroPoints[t]) * scales[t] * Wq[k][j] * ws[j], 0);
        assert.ok(Math.abs(y[t][j] - float) <= 1e-12 * Math.abs(float), `y[${t}][${j}] ${y[t][j]} vs ${float}`);
      }
    }
  });

  it("int8Linear refuses an accumulator beyond int32: 132105 products of −128 · 127", () => {
    const k = int32SafeDepth(128, 127) + 1;
    const X = [new Array<number>(k).fill(-1)];
    const Wq = Array.from({ length: k }, () => [127]);
    assert.throws(() => int8Linear(X, Wq, [1]), /^Error: int8Linear: the accumulator of token 0, column 0 \(-2147498880\) overflows int32/);
    assert.doesNotThrow(() => int8Linear([X[0].slice(1)], Wq.slice(1), [1]));
  });

  it("int32SafeDepth(128, 128) is 131071: 2^31 − 1, not 2^31, bounds a signed accumulator", () => {
    assert.equal(int32SafeDepth(128, 128), 131071);
    assert.equal(int32SafeDepth(128, 127), 132104);
  });

  it("hostile input throws naming the function and the argument", () => {
    assert.throws(() => perTokenQuantize([]), /^Error: perTokenQuantize: X must be a non-empty array of rows/);
    assert.throws(() => perTokenQuantize([[1, 2], [3]]), /^Error: perTokenQuantize: X's rows differ in length/);
    assert.throws(() => perTokenQuantize([[1, NaN]]), /^Error: perTokenQuantize: X\[0\]\[1\] must be a finite number/);
    assert.throws(() => int8Linear([[1, 2]], [[1]], [1]), /^Error: int8Linear: Wq has 1 rows but X has 2 columns/);
    assert.throws(() => int8Linear([[1]], [[128]], [1]), /^Error: int8Linear: Wq\[0\]\[0\] must be an integer from -128 to 127/);
    assert.throws(() => int8Linear([[1]], [[1, 2]], [1]), /^Error: int8Linear: wScales has 1 scales but Wq has 2 columns/);
    assert.throws(() => int8Linear([[1]], [[1]], [0]), /^Error: int8Linear: wScales\[0\] must be greater than 0/);
    assert.throws(() => int8Linear([[1e39]], [[1]], [1]), /^Error: int8Linear: /);
    assert.throws(() => int32SafeDepth(0, 127), /^Error: int32SafeDepth: maxAbsA must be an integer from 1/);
  });
});
