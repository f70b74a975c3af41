import * as assert from "node:assert/strict";
import { smoothQuantError, smoothQuantMigrate, smoothQuantScales } from "../../../src/core";

const X = [[1, 40], [-2, 10]];
const W = [[0.5, -1], [0.1, 0.2]];

describe("smoothQuant (scale migration)", () => {
  it("smoothQuantScales(X, W, 0.5) is sqrt(max|X_j| / max|W_j|) per input channel", () => {
    assert.deepEqual(smoothQuantScales(X, W, 0.5), [Math.sqrt(2 / 1), Math.sqrt(40 / 0.2)]);
  });

  it("smoothQuantScales at α = 1 equals max|X_j| (all the range moves to the weights) and at α = 0 equals 1 / max|W_j|", () => {
    assert.deepEqual(smoothQuantScales(X, W, 1), [2, 40]);
    assert.deepEqual(smoothQuantScales(X, W, 0), [1, 5]);
  });

  it("smoothQuantMigrate keeps X·W and flattens the outlier channel", () => {
    const s = smoothQuantScales(X, W, 0.5);
    const m = smoothQuantMigrate(X, W, s);
    for (let t = 0; t < 2; t++) {
      for (let n = 0; n < 2; n++) {
        const before = X[t][0] * W[0][n] + X[t][1] * W[1][n];
        const after = m.X[t][0] * m.W[0][n] + m.X[t][1] * m.W[1][n];
        assert.ok(Math.abs(before - after) < 1e-12);
      }
    }
    assert.ok(Math.max(...m.X.map((r) => Math.abs(r[1]))) < 3);
  });

  it("smoothQuantError: smoothing an outlier channel cuts the activation quantization error by over 10×", () => {
    const { before, after } = smoothQuantError(X, W, 0.5);
    assert.ok(before / after > 10, `${before} vs ${after}`);
  });

  it("a channel that never fires takes the 1e-5 floor instead of a zero scale", () => {
    const s = smoothQuantScales([[0, 1], [0, 2]], [[1, 1], [1, 1]], 0.5);
    assert.ok(s[0] > 0 && Math.abs(s[0] - Math.sqrt(1e-5)) < 1e-15);
  });

  it("hostile input throws naming the function and the argument", () => {
    assert.throws(() => smoothQuantScales(X, W, 1.5), /^Error: smoothQuantScales: alpha must be between 0 and 1, got 1.5/);
    assert.throws(() => smoothQuantScales(X, [[1, 2]], 0.5), /^Error: smoothQuantScales: W has 1 rows but X has 2 columns/);
    assert.throws(() => smoothQuantMigrate(X, W, [1]), /^Error: smoothQuantMigrate: scales has 1 entries but X has 2 columns/);
    assert.throws(() => smoothQuantMigrate(X, W, [1, 0]), /^Error: smoothQuantMigrate: scales\[1\] must be greater than 0, got 0/);
    assert.throws(() => smoothQuantError([[1, Infinity]], W, 0.5), /^Error: smoothQuantError: X\[0\]\[1\] must be a finite number/);
  });
});
