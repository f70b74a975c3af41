import * as assert from "node:assert/strict";
import fc from "fast-check";
import {
  clipSearch,
  distillationLoss,
  fakeQuantize,
  groupFakeQuantize,
  groupQuantize,
  integerRange,
  logSoftmax,
  nf4Quantize,
  nf4Dequantize,
  perTensorVsPerChannelMse,
  quantize,
  softmax,
  sqnrDb,
  symmetricQParams,
  affineQParams,
} from "../../../src/core";

/** Any finite double, including the extremes (±Number.MAX_VALUE, subnormals, -0). */
const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true });
const finiteArray = fc.array(anyFinite, { minLength: 1, maxLength: 16 });

function hasNaN(v: unknown): boolean {
  if (typeof v === "number") return Number.isNaN(v);
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return Array.from(v as ArrayLike<unknown>).some(hasNaN);
  if (v !== null && typeof v === "object") return Object.values(v).some(hasNaN);
  return false;
}

/** Calls f; a thrown Error with a "<name>: " message is a valid outcome, a NaN in the result is not. */
function noNaN(name: string, f: () => unknown): boolean {
  let result: unknown;
  try {
    result = f();
  } catch (e) {
    assert.ok((e as Error).message.startsWith(`${name}: `), `${name} threw an unlabelled error: ${(e as Error).message}`);
    return true;
  }
  return !hasNaN(result);
}

describe("no NaN leaks out of a valid input (property, extreme finite values)", () => {
  const runs = { seed: 424242, numRuns: 400 };
  it("quantize, fakeQuantize and the observers", () => {
    fc.assert(
      fc.property(finiteArray, fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x, scale) => {
        const range = integerRange(8, true);
        return (
          noNaN("quantize", () => quantize(x[0], scale, 3, { range })) &&
          noNaN("fakeQuantize", () => fakeQuantize(x, { scale, zeroPoint: 0 }, { range })) &&
          noNaN("fakeQuantize", () => fakeQuantize(Float32Array.from(x), { scale, zeroPoint: 0 }, { range })) &&
          noNaN("affineQParams", () => affineQParams(Math.min(...x), Math.max(...x), range)) &&
          noNaN("symmetricQParams", () => symmetricQParams(Math.min(...x), Math.max(...x), range))
        );
      }),
      runs,
    );
  });
  it("group-wise, per-channel, clipping and NF4", () => {
    fc.assert(
      fc.property(finiteArray, fc.boolean(), (w, symmetric) => {
        return (
          noNaN("groupQuantize", () => groupQuantize(w, 4, 4, { symmetric })) &&
          noNaN("groupFakeQuantize", () => groupFakeQuantize(w, 4, 4, { symmetric })) &&
          noNaN("perTensorVsPerChannelMse", () => perTensorVsPerChannelMse([w, w.map((v) => v / 2)], 4, { symmetric })) &&
          noNaN("clipSearch", () => clipSearch(w, [1e-300, 1, 1e300], 4)) &&
          noNaN("nf4Quantize", () => {
            const { codes, absmax } = nf4Quantize(w);
            return nf4Dequantize(codes, absmax);
          }) &&
          noNaN("sqnrDb", () => sqnrDb(w, w.map((v) => v / 2)))
        );
      }),
      runs,
    );
  });
  it("softmax, logSoftmax and distillationLoss", () => {
    fc.assert(
      fc.property(finiteArray, fc.double({ min: 1e-150, max: 1e300, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (z, t, alpha) => {
        const teacher = z.map((v) => -v);
        return (
          noNaN("softmax", () => softmax(z, t)) &&
          noNaN("logSoftmax", () => logSoftmax(z, t)) &&
          noNaN("distillationLoss", () => distillationLoss({ studentLogits: z, teacherLogits: teacher, label: 0, alpha, temperature: t }))
        );
      }),
      runs,
    );
  });
});
