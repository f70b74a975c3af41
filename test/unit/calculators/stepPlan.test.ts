import assert from "node:assert/strict";
import { CALCULATORS } from "../../../src/calculators/calculators";
import { plannedSteps, remainingSteps, valuesOf } from "../../../src/calculators/stepPlan";

const memory = CALCULATORS.memory.fields;

describe("stepPlan", () => {
  it("memory at fp16 asks params, format, kv, training: no group size", () => {
    assert.deepEqual(plannedSteps(memory, { format: "fp16" }), ["params", "format", "kv", "training"]);
  });
  it("memory at int4 adds the group size; kv add adds its six questions; training adds the trainable count", () => {
    assert.deepEqual(plannedSteps(memory, { format: "int4", kv: "add", training: "adam-mixed" }), [
      "params", "format", "groupSize", "kv", "layers", "kvHeads", "headDim", "seqLen", "batch", "kvFormat", "training", "trainableParams",
    ]);
  });
  it("quantize skips the rounding step when dequantizing", () => {
    assert.ok(!plannedSteps(CALCULATORS.quantize.fields, { mode: "dequantize" }).includes("rounding"));
    assert.ok(plannedSteps(CALCULATORS.quantize.fields, { mode: "quantize" }).includes("rounding"));
  });
  it("remainingSteps follows an answer that switches steps off", () => {
    const texts = { params: "7B", format: "int4", kv: "none", training: "none" };
    const afterFormat = (format: string) => remainingSteps(memory, 2, valuesOf(memory, [0, 1], { ...texts, format }), { ...texts, format });
    assert.equal(afterFormat("int4"), 3); // group size, kv, training
    assert.equal(afterFormat("fp16"), 2); // kv, training
  });
});
