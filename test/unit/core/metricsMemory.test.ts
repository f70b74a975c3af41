import * as assert from "node:assert/strict";
import {
  adamMomentsBytes,
  bitsPerWeight,
  kvCacheBytes,
  mae,
  maxAbsError,
  memoryBytes,
  modelMemory,
  mse,
  reductionFactor,
  sqnrDb,
  toGB,
  toGiB,
  trainingMemory,
} from "../../../src/core";
import { assertClose } from "./tolerance";

describe("error metrics", () => {
  const w = [0.1, 0.4, -0.2];
  const wHat = [0.0, 0.5, -0.25];
  it("mse(w, wHat) is 0.0075 (the seed's answer), mae 0.0833…, maxAbsError 0.1", () => {
    assertClose(mse(w, wHat), 0.0075);
    assertClose(mae(w, wHat), 0.25 / 3);
    assertClose(maxAbsError(w, wHat), 0.1);
  });
  it("sqnrDb of a 10 % error is 20 dB and of an exact copy Infinity", () => {
    assertClose(sqnrDb([1, -1, 1, -1], [1.1, -0.9, 0.9, -1.1]), 20);
    assert.equal(sqnrDb([1, 2], [1, 2]), Infinity);
  });
  it("sqnrDb([0, 0], [1, 0]) throws: no signal", () => {
    assert.throws(() => sqnrDb([0, 0], [1, 0]), /sqnrDb: x is all zeros/);
  });
  it("mse([1, 2, 3], [1, 2]) throws naming both lengths", () => {
    assert.throws(() => mse([1, 2, 3], [1, 2]), /^Error: mse: a and b differ in length \(3 vs 2\)$/);
  });
  it("mse([], []) and mae([1, NaN], [1, 1]) throw", () => {
    assert.throws(() => mse([], []), /mse: a must not be empty/);
    assert.throws(() => mae([1, NaN], [1, 1]), /mae: a\[1\] must be a finite number, got NaN/);
    assert.throws(() => maxAbsError([1, 1], [1, Infinity]), /maxAbsError: b\[1\] must be a finite number, got Infinity/);
  });
});

describe("memory", () => {
  it("13B parameters take 26 GB in bf16 and 6.5 GB in 4-bit, a 4x reduction (the seed's answers)", () => {
    assert.equal(toGB(memoryBytes(13e9, 16)), 26);
    assert.equal(toGB(memoryBytes(13e9, 4)), 6.5);
    assert.equal(reductionFactor(16, 4), 4);
  });
  it("GB and GiB differ: 26e9 bytes is 26 GB but 24.2 GiB", () => {
    const m = modelMemory(13e9, 16);
    assert.equal(m.gb, 26);
    assertClose(m.gib, 24.21438694000244);
  });
  it("bitsPerWeight: 4-bit group 128 with fp16 scales is 4.125; NF4 block 64 with fp32 absmax is 4.5", () => {
    assert.equal(bitsPerWeight({ bits: 4, groupSize: 128 }), 4.125);
    assert.equal(bitsPerWeight({ bits: 4, groupSize: 64, scaleBits: 32 }), 4.5);
  });
  it("Llama-2-7B's KV cache at 4096 tokens in fp16 is 2 GiB", () => {
    assert.equal(toGiB(kvCacheBytes({ layers: 32, kvHeads: 32, headDim: 128, seqLen: 4096, bytesPerElement: 2 })), 2);
  });
  it("Adam moments for 20M trainable parameters take 0.16 GB (the seed's answer)", () => {
    assert.equal(toGB(adamMomentsBytes(20e6)), 0.16);
  });
  it("mixed-precision Adam needs 16 bytes per parameter in all", () => {
    const m = trainingMemory(1e9, { optimizer: "adam", mixedPrecision: true });
    assert.deepEqual(m, { weights: 2e9, gradients: 2e9, optimizerStates: 8e9, masterWeights: 4e9, total: 16e9 });
  });
  it("memoryBytes(-1, 16), toGB(-5) and adamMomentsBytes(-1) throw: counts cannot be negative", () => {
    assert.throws(() => memoryBytes(-1, 16), /memoryBytes: params must not be negative, got -1/);
    assert.throws(() => toGB(-5), /toGB: bytes must not be negative/);
    assert.throws(() => adamMomentsBytes(-1), /adamMomentsBytes: trainableParams must not be negative/);
  });
  it("bitsPerWeight({ bits: 4, groupSize: 0 }) and kvCacheBytes({ layers: 1.5, … }) throw", () => {
    assert.throws(() => bitsPerWeight({ bits: 4, groupSize: 0 }), /bitsPerWeight: spec.groupSize must be an integer from 1/);
    assert.throws(() => kvCacheBytes({ layers: 1.5, kvHeads: 1, headDim: 1, seqLen: 1, bytesPerElement: 2 }), /kvCacheBytes: spec.layers must be an integer, got 1.5/);
  });
  it('trainingMemory(1, { optimizer: "lion" }) throws listing the optimizers', () => {
    assert.throws(() => trainingMemory(1, { optimizer: "lion" as never, mixedPrecision: true }), /trainingMemory: options.optimizer must be one of "adam", "adamw", "sgd", "sgd-momentum"/);
  });
});

describe("error metrics at the edges of the double range", () => {
  it("mse([1e200], [-1e200]) is Infinity (the true value exceeds the double range), not an error or NaN", () => {
    assert.equal(mse([1e200], [-1e200]), Infinity);
  });
  it("sqnrDb of values near 1e300 or 1e-300 is the same 20 dB as at unit scale", () => {
    assertClose(sqnrDb([1e300, -1e300], [1.1e300, -0.9e300]), 20, { abs: 1e-9 });
    assertClose(sqnrDb([1e-300, -1e-300], [1.1e-300, -0.9e-300]), 20, { abs: 1e-9 });
  });
});
