import * as assert from "node:assert/strict";
import { lsqFakeQuantize, lsqGradients, lsqStep } from "../../../src/core";

describe("qat (fake quantization, STE, LSQ's step-size gradient)", () => {
  it("lsqFakeQuantize clamps to [−Q_N, Q_P] = [−8, 7] for 4 bits and rounds ties to even", () => {
    assert.deepEqual(lsqFakeQuantize([0.875, -1, 1, -1.0625, 0.3125, -0.3125, 0.4375], 0.125, 4), [0.875, -1, 0.875, -1, 0.25, -0.25, 0.5]);
  });

  it("lsqGradients: the STE passes the gradient inside the range, bounds included, and stops it beyond", () => {
    const { gradV } = lsqGradients([0.875, -1, 1, -1.0625], 0.125, 4, [1, 2, 3, 4]);
    assert.deepEqual(gradV, [1, 2, 0, 0]);
  });

  it("lsqGradients: ∂v̂/∂s is round(r) − r inside, −Q_N and Q_P beyond, times g = 1/√(N·Q_P)", () => {
    const { gradS, gScale } = lsqGradients([0.3, -2, 2], 0.25, 3, [1, 1, 1]);
    // r = 1.2 → 1 − 1.2 = −0.2; r = −8 < −4 → −4; r = 8 > 3 → 3
    assert.equal(gScale, 1 / Math.sqrt(3 * 3));
    assert.ok(Math.abs(gradS - gScale * (-0.2 - 4 + 3)) < 1e-15);
  });

  it("lsqStep moves v against the STE gradient and s against its own", () => {
    const { v, s } = lsqStep([0.26, -0.9, 0.05, 0.125], 0.1, 4, [1, 1, 1, 1], 0.01);
    assert.deepEqual(v, [0.25, -0.9, 0.04, 0.115]);
    assert.ok(s > 0.1, `the clipped −0.9 asks for a larger step: s = ${s}`);
  });

  it("hostile input throws naming the function and the argument", () => {
    assert.throws(() => lsqFakeQuantize([1], 0, 4), /^Error: lsqFakeQuantize: s must be greater than 0/);
    assert.throws(() => lsqFakeQuantize([1], 0.1, 1), /^Error: lsqFakeQuantize: bits must be an integer from 2 to 16/);
    assert.throws(() => lsqGradients([1, 2], 0.1, 4, [1]), /^Error: lsqGradients: v and gradOut differ in length \(2 vs 1\)/);
    assert.throws(() => lsqStep([1], 0.1, 4, [1], -1), /^Error: lsqStep: lr must not be negative/);
    assert.throws(() => lsqStep([2], 0.1, 4, [1], 1000), /^Error: lsqStep: the step leaves s = -?\d/);
  });
});
