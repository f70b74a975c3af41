import * as assert from "node:assert/strict";
import { calibrationMse, entropyThreshold, percentileThreshold } from "../../../src/core";

describe("calibration (min-max, percentile, entropy)", () => {
  it("percentileThreshold([-4, 1, 2, 3], 50) interpolates |x| linearly: 2.5; p = 100 is max |x|, p = 0 min |x|", () => {
    assert.equal(percentileThreshold([-4, 1, 2, 3], 50), 2.5);
    assert.equal(percentileThreshold([-4, 1, 2, 3], 100), 4);
    assert.equal(percentileThreshold([-4, 1, 2, 3], 0), 1);
  });

  it("entropyThreshold keeps the clipped tail in P but not in Q: a far outlier bin is clipped when the bulk needs the levels", () => {
    const counts = [400, 300, 200, 100, 50, 20, 10, 5, 0, 0, 0, 0, 0, 0, 0, 1];
    const r = entropyThreshold(counts, 1, 4);
    assert.equal(r.divergences.length, counts.length - 4 + 1);
    assert.ok(r.bins < counts.length, `kept ${r.bins} bins`);
    assert.equal(r.threshold, r.bins);
  });

  it("entropyThreshold scores a candidate whose last chunk has no raw counts but holds the tail as Infinity", () => {
    const r = entropyThreshold([5, 0, 0, 0, 3], 1, 2);
    // i = 4: chunks [0, 1] and [2, 3]; P[3] = 3 (the tail), but the raw counts of bins 2–3 are 0.
    assert.equal(r.divergences[2], Infinity);
  });

  it("calibrationMse: a threshold below max |x| clips, one above it wastes levels", () => {
    const x = [0.01, -0.02, 0.03, 0.5, -1];
    assert.ok(calibrationMse(x, 0.5, 4) > calibrationMse(x, 1, 4) || calibrationMse(x, 4, 4) > calibrationMse(x, 1, 4));
    assert.ok(calibrationMse(x, 10, 4) > calibrationMse(x, 1, 4));
  });

  it("hostile input throws naming the function and the argument", () => {
    assert.throws(() => percentileThreshold([1], 101), /^Error: percentileThreshold: p must be between 0 and 100, got 101/);
    assert.throws(() => percentileThreshold([], 50), /^Error: percentileThreshold: x must not be empty/);
    assert.throws(() => entropyThreshold([1, 2], 1, 4), /^Error: entropyThreshold: counts has 2 bins, fewer than the 4 levels/);
    assert.throws(() => entropyThreshold([1, -2, 3], 1, 2), /^Error: entropyThreshold: counts\[1\] is negative/);
    assert.throws(() => entropyThreshold([0, 0, 0], 1, 2), /^Error: entropyThreshold: counts holds only zeros/);
    assert.throws(() => entropyThreshold([1, 2, 3], 0, 2), /^Error: entropyThreshold: binWidth must be greater than 0/);
    assert.throws(() => calibrationMse([1], 0, 8), /^Error: calibrationMse: threshold must be greater than 0/);
  });
});
