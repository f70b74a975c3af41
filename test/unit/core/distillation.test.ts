import * as assert from "node:assert/strict";
import fc from "fast-check";
import {
  combinedLoss,
  crossEntropy,
  distillationLoss,
  distillationLossBatch,
  entropy,
  jsDivergence,
  klContributions,
  klDivergence,
  logSoftmax,
  reverseKl,
  softmax,
  softmaxRows,
  temperatureSweep,
} from "../../../src/core";
import { assertClose } from "./tolerance";

/** A probability vector from fast-check: positive weights normalised, some entries exactly 0. */
const probabilities = (n: number) =>
  fc
    .array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1, noNaN: true })), { minLength: n, maxLength: n })
    .filter((w) => w.some((v) => v > 0))
    .map((w) => {
      const s = w.reduce((a, b) => a + b, 0);
      return w.map((v) => v / s);
    });

describe("softmax(logits, temperature)", () => {
  it("softmax([2, 0], 2) is [0.7310586, 0.2689414] (the seed's answer)", () => {
    assertClose(softmax([2, 0], 2), [0.7310586, 0.2689414], { abs: 1e-7 });
  });
  it("logits near 1000 give probabilities, not NaN", () => {
    assertClose(softmax([1000, 999]), [1 / (1 + Math.exp(-1)), Math.exp(-1) / (1 + Math.exp(-1))]);
    assertClose(logSoftmax([1000, 0]), [0, -1000]);
    assert.ok(softmax([1e308, -1e308]).every((p) => Number.isFinite(p)));
  });
  it("a higher temperature flattens the distribution", () => {
    const [cold, , hot] = temperatureSweep([3, 1, 0], [0.5, 1, 10]);
    assert.ok(cold[0] > hot[0] && hot[0] > 1 / 3);
  });
  it("sums to 1 for any logits and temperature (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (logits, t) => Math.abs(softmax(logits, t).reduce((a, b) => a + b, 0) - 1) < 1e-12,
      ),
      { seed: 7, numRuns: 300 },
    );
  });
  it("softmaxRows agrees with softmax row by row", () => {
    const rows = softmaxRows([1, 2, 3, 10, 0, -10], 3, 2);
    assertClose(Array.from(rows.slice(0, 3)), softmax([1, 2, 3], 2));
    assertClose(Array.from(rows.slice(3)), softmax([10, 0, -10], 2));
  });
  it("softmax([1], 0) and softmax([]) throw", () => {
    assert.throws(() => softmax([1], 0), /softmax: temperature must be greater than 0, got 0/);
    assert.throws(() => softmax([]), /softmax: logits must not be empty/);
    assert.throws(() => softmaxRows([1, 2, 3], 2), /softmaxRows: logits has 3 values, which is not a whole number of rows of 2/);
    assert.throws(() => softmaxRows([1, NaN], 2), /softmaxRows: logits\[1\] must be a finite number, got NaN/);
  });
});

describe("divergences", () => {
  it("klDivergence([0.7, 0.3], [0.6, 0.4]) is 0.0216 (the seed's answer)", () => {
    assertClose(klDivergence([0.7, 0.3], [0.6, 0.4]), 0.0216, { abs: 5e-5 });
  });
  it("0·ln(0/q) counts as 0, and p > 0 where q = 0 gives Infinity", () => {
    assertClose(klDivergence([0.5, 0.5, 0], [0.25, 0.25, 0.5]), Math.log(2));
    assert.equal(klDivergence([0.5, 0.5], [1, 0]), Infinity);
    assert.equal(crossEntropy([0.5, 0.5], [1, 0]), Infinity);
    assertClose(Array.from(klContributions([0.5, 0.5, 0], [0.25, 0.25, 0.5])), [0.5 * Math.log(2), 0.5 * Math.log(2), 0]);
  });
  it("reverseKl(p, q) is klDivergence(q, p): the direction matters", () => {
    assert.equal(reverseKl([0.7, 0.3], [0.6, 0.4]), klDivergence([0.6, 0.4], [0.7, 0.3]));
    assert.notEqual(reverseKl([0.7, 0.3], [0.6, 0.4]), klDivergence([0.7, 0.3], [0.6, 0.4]));
  });
  it("{ base: 2 } measures in bits: entropy of a fair coin is 1, JS of disjoint distributions is 1", () => {
    assert.equal(entropy([0.5, 0.5], { base: 2 }), 1);
    assert.equal(jsDivergence([1, 0], [0, 1], { base: 2 }), 1);
    assertClose(jsDivergence([1, 0], [0, 1]), Math.log(2));
  });
  it("KL ≥ 0, KL(p ‖ p) = 0 and crossEntropy = entropy + KL (property)", () => {
    fc.assert(
      fc.property(probabilities(5), probabilities(5), (p, q) => {
        const kl = klDivergence(p, q);
        if (!(kl >= 0)) return false;
        if (klDivergence(p, p) !== 0) return false;
        const ce = crossEntropy(p, q);
        return kl === Infinity ? ce === Infinity : Math.abs(ce - (entropy(p) + kl)) < 1e-9;
      }),
      { seed: 11, numRuns: 300 },
    );
  });
  it('klDivergence([0.5, 0.5, 0], [0.5, 0.5]) throws "p and q differ in length (3 vs 2)"', () => {
    assert.throws(() => klDivergence([0.5, 0.5, 0], [0.5, 0.5]), /^Error: klDivergence: p and q differ in length \(3 vs 2\)$/);
  });
  it("a vector that does not sum to 1 within 1e-6 is rejected; one within 1e-7 is accepted", () => {
    assert.throws(() => klDivergence([0.7, 0.4], [0.5, 0.5]), /klDivergence: p sums to 1.1, not 1 \(within 0.000001\); pass probabilities, or softmax the logits first/);
    assert.doesNotThrow(() => klDivergence([0.7, 0.3 + 1e-7], [0.5, 0.5]));
    assert.throws(() => entropy([1.5, -0.5]), /entropy: p\[1\] is negative/);
    assert.throws(() => jsDivergence([1, 0], [1, 0], { base: 1 }), /jsDivergence: options.base must be a positive number other than 1/);
  });
});

describe("distillationLoss({ studentLogits, teacherLogits, label, alpha, temperature })", () => {
  const input = { studentLogits: [1.5, 1.2, 0.3], teacherLogits: [2, 1, 0.1], label: 0, alpha: 0.5, temperature: 2 };
  it("teacher [2, 1, 0.1], student [1.5, 1.2, 0.3], label 0, α 0.5, T 2 gives total 0.3874494", () => {
    assertClose(distillationLoss(input).total, 0.3874494, { abs: 1e-7 });
  });
  it("soft = T² · KL(softmax(teacher/T) ‖ softmax(student/T)) and hard = -ln softmax(student)[label]", () => {
    const { hard, soft } = distillationLoss(input);
    assertClose(soft, 4 * klDivergence(softmax([2, 1, 0.1], 2), softmax([1.5, 1.2, 0.3], 2)));
    assertClose(hard, -Math.log(softmax([1.5, 1.2, 0.3])[0]));
  });
  it("identical teacher and student logits give soft = 0 at any temperature", () => {
    assert.equal(distillationLoss({ ...input, teacherLogits: input.studentLogits, temperature: 5 }).soft, 0);
  });
  it("logits near 1000 give finite losses", () => {
    const r = distillationLoss({ studentLogits: [1000, 0, -1000], teacherLogits: [999, 1000, 0], label: 1, alpha: 0.3, temperature: 1 });
    assert.ok(Number.isFinite(r.total) && Number.isFinite(r.soft));
  });
  it("a batch of identical rows averages to the single-row loss (batchmean)", () => {
    const batch = distillationLossBatch({
      studentLogits: [input.studentLogits, input.studentLogits],
      teacherLogits: [input.teacherLogits, input.teacherLogits],
      labels: [0, 0],
      alpha: 0.5,
      temperature: 2,
    });
    assertClose(batch, distillationLoss(input));
  });
  it("label 3 of 3 classes, α 1.5 and T 0 throw naming the argument", () => {
    assert.throws(() => distillationLoss({ ...input, label: 3 }), /distillationLoss: label must be an integer from 0 to 2, got 3/);
    assert.throws(() => distillationLoss({ ...input, alpha: 1.5 }), /distillationLoss: alpha must be between 0 and 1, got 1.5/);
    assert.throws(() => distillationLoss({ ...input, temperature: 0 }), /distillationLoss: temperature must be greater than 0, got 0/);
    assert.throws(() => distillationLoss({ ...input, teacherLogits: [1, 2] }), /distillationLoss: studentLogits and teacherLogits differ in length \(3 vs 2\)/);
  });
  it("combinedLoss(1.0, 0.4, 0.25) is 0.55 (the seed's answer)", () => {
    assertClose(combinedLoss(1.0, 0.4, 0.25), 0.55);
  });
});

describe("extreme temperatures", () => {
  it("softmax([1, 2], 1e-320) (a subnormal T) is [0, 1], not NaN", () => {
    assert.deepEqual(Array.from(softmax([1, 2], 1e-320)), [0, 1]);
  });
  it("distillationLoss with T = 1e-200 or 1e200 throws: T² must stay a finite, non-zero double", () => {
    assert.throws(
      () => distillationLoss({ studentLogits: [1, 2], teacherLogits: [2, 1], label: 0, alpha: 0.5, temperature: 1e-200 }),
      /distillationLoss: temperature 1e-200 is out of range: T² must stay a finite, non-zero double, so use 1e-150 ≤ T ≤ 1e150/,
    );
    assert.throws(
      () => distillationLoss({ studentLogits: [1, 2], teacherLogits: [2, 1], label: 0, alpha: 0.5, temperature: 1e200 }),
      /distillationLoss: temperature 1e\+200 is out of range/,
    );
  });
});

describe("distillationLoss with α = 1 and an infinite soft term", () => {
  it("total is the hard loss, not NaN (a zero weight drops its term)", () => {
    const r = distillationLoss({ studentLogits: [1.8e158, 0], teacherLogits: [-1.8e158, 0], label: 0, alpha: 1, temperature: 1e-150 });
    assert.equal(r.soft, Infinity);
    assert.equal(r.total, r.hard);
  });
});
