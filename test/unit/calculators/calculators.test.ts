import assert from "node:assert/strict";
import { CALCULATOR_IDS, type CalculatorResult } from "../../../src/calculators/calculator";
import { CALCULATORS } from "../../../src/calculators/calculators";
import type { RawValue } from "../../../src/calculators/readInputs";
import { resultToJson, runCalculator } from "../../../src/calculators/runCalculator";

function run(id: keyof typeof CALCULATORS, given: Record<string, RawValue>): CalculatorResult {
  const outcome = runCalculator(CALCULATORS[id], given);
  if (!outcome.ok) assert.fail(`expected a result, got "${outcome.message}"`);
  return outcome.value;
}

function refusal(id: keyof typeof CALCULATORS, given: Record<string, RawValue>): string {
  const outcome = runCalculator(CALCULATORS[id], given);
  if (outcome.ok) assert.fail(`expected a message, got the result "${outcome.value.summary}"`);
  return outcome.message;
}

const close = (actual: unknown, expected: number, tolerance = 1e-7) =>
  assert.ok(typeof actual === "number" && Math.abs(actual - expected) <= tolerance, `expected ${expected}, got ${String(actual)}`);

describe("calculators", () => {
  for (const id of CALCULATOR_IDS) {
    it(`${id} computes from its defaults alone and charts or lists every figure`, () => {
      const result = run(id, {});
      assert.equal(result.calculator, id);
      assert.ok(result.lines.length > 0);
      assert.ok(!result.summary.includes("NaN"), result.summary);
      for (const chart of result.charts) for (const series of chart.series) assert.equal(series.data.length, chart.labels.length, chart.id);
    });
  }

  describe("quantize", () => {
    it("quantize 0.3 at scale 0.1 gives q = 3 (the seed's answer)", () => {
      const result = run("quantize", { value: 0.3, scale: 0.1, zeroPoint: 0 });
      assert.equal(result.values.q, 3);
      close(result.values.dequantized, 0.3, 1e-12);
    });
    it("clamps to int8 and says so", () => {
      const result = run("quantize", { value: 100, scale: 0.1, zeroPoint: 0 });
      assert.equal(result.values.q, 127);
      assert.equal(result.values.unclampedQ, 1000);
      assert.match(result.summary, /clamped from 1000/);
    });
    it("rounds the tie 0.25 / 0.1 … by the chosen mode (2.5 → 2 half-even, 3 half-away)", () => {
      assert.equal(run("quantize", { value: 0.5, scale: 0.2, rounding: "half-even" }).values.q, 2);
      assert.equal(run("quantize", { value: 0.5, scale: 0.2, rounding: "half-away" }).values.q, 3);
      assert.equal(run("quantize", { value: -0.5, scale: 0.2, rounding: "half-up" }).values.q, -2);
    });
    it("dequantize 85 with zero point 85 gives 0", () => {
      const result = run("quantize", { mode: "dequantize", value: 85, scale: 3 / 255, zeroPoint: 85, signed: "unsigned" });
      assert.equal(result.values.dequantized, 0);
    });
    it("rejects a zero point outside the range, naming the range", () => {
      assert.equal(refusal("quantize", { zeroPoint: 200 }), "zeroPoint: zero point must lie in the int8 range [-128, 127] (got 200)");
    });
    it("rejects a code outside the range when dequantizing, and a rounding mode when dequantizing", () => {
      assert.match(refusal("quantize", { mode: "dequantize", value: 300 }), /q must lie in the int8 range \[-128, 127\] \(got 300\)/);
      assert.match(refusal("quantize", { mode: "dequantize", value: 3, rounding: "half-up" }), /^rounding does not apply here: mode is dequantize/);
    });
    it("rejects an x whose x / scale overflows, and draws no staircase when its window would", () => {
      assert.match(refusal("quantize", { value: 1e308, scale: 5e-324 }), /^value: x \/ scale overflows .*use a larger scale or a smaller x$/);
      assert.deepEqual(run("quantize", { value: 1, scale: 1e308 }).charts, []);
    });
    it("rejects a scale of 0", () => {
      assert.equal(refusal("quantize", { scale: 0 }), "scale: scale must be greater than 0 (got 0)");
    });
  });

  describe("qparams", () => {
    it("affine uint8 over [-1, 2] gives scale 3/255 (float32, as PyTorch) and zero point 85 (PyTorch)", () => {
      const result = run("qparams", { min: -1, max: 2, signed: "unsigned" });
      assert.equal(result.values.scale, Math.fround(3 / 255));
      assert.equal(result.values.zeroPoint, 85);
    });
    it("symmetric int8 divides by 127.5, narrow by 127", () => {
      close(run("qparams", { scheme: "symmetric", min: -2.55, max: 1 }).values.scale, 2.55 / 127.5, 1e-7);
      close(run("qparams", { scheme: "symmetric", narrow: "yes", min: -2.54, max: 1 }).values.scale, 2.54 / 127, 1e-7);
    });
    it("rejects max below min, naming both", () => {
      assert.equal(refusal("qparams", { min: 2, max: 1 }), "max: max must be at least min (2), got 1");
    });
    it("rejects a range whose width overflows a double", () => {
      assert.match(refusal("qparams", { min: -1e308, max: 1e308 }), /^max: max − min overflows a double/);
    });
    it("rejects 0 bits and 64 bits", () => {
      assert.equal(refusal("qparams", { bits: 0 }), "bits: bits must be a whole number from 1 to 32 (got 0)");
      assert.equal(refusal("qparams", { bits: 64 }), "bits: bits must be a whole number from 1 to 32 (got 64)");
    });
  });

  describe("memory", () => {
    it("13B in bf16 is 26 GB and in int4 6.5 GB (the seed's answers)", () => {
      assert.equal((run("memory", { params: "13B", format: "bf16" }).values.weights as { gb: number }).gb, 26);
      assert.equal((run("memory", { params: "13B", format: "int4" }).values.weights as { gb: number }).gb, 6.5);
    });
    it("bf16 is the same size as fp16, not \"smaller by 1×\"; the chosen format's bar is marked", () => {
      const result = run("memory", { params: "13B", format: "bf16" });
      assert.equal(result.lines.find((l) => l.label.startsWith("smaller"))?.value, undefined);
      assert.match(result.lines.find((l) => l.label === "against fp16")!.value, /^the same size/);
      const bars = result.charts[0];
      assert.equal(bars.labels[bars.series[0].highlight!], "bf16 (chosen)");
    });
    it("7B int4 with group 128 takes 4.125 bits per weight: 3.609375 GB", () => {
      const result = run("memory", { params: "7B", format: "int4", groupSize: 128 });
      assert.equal(result.values.bitsPerWeight, 4.125);
      assert.deepEqual(result.values.weights, { bytes: 3_609_375_000, gb: 3.609375, gib: 3_609_375_000 / 2 ** 30 });
      assert.match(result.lines.find((l) => l.label === "weights")!.value, /^3\.609 GB \(3\.361 GiB, 3,609,375,000 bytes\)$/);
    });
    it("NF4, Q4_0 and Q8_0 take 4.5, 4.5 and 8.5 bits per weight", () => {
      assert.deepEqual(
        ["nf4", "q4_0", "q8_0"].map((format) => run("memory", { params: "1B", format }).values.bitsPerWeight),
        [4.5, 4.5, 8.5],
      );
    });
    it("Llama-2-7B's KV cache at 4096 tokens in fp16 is 2 GiB", () => {
      const result = run("memory", { params: "7B", format: "fp16", kv: "add", layers: 32, kvHeads: 32, headDim: 128, seqLen: 4096 });
      assert.equal((result.values.kvCache as { gib: number }).gib, 2);
      assert.equal((result.values.total as { bytes: number }).bytes, 14e9 + 2 ** 31);
    });
    it("Adam moments of a 20M adapter are 0.16 GB (the seed's answer)", () => {
      const result = run("memory", { params: "7B", format: "nf4", training: "adam-mixed", trainableParams: "20M" });
      assert.equal((result.values.training as { optimizerStates: { gb: number } }).optimizerStates.gb, 0.16);
    });
    it("full mixed-precision Adam training from bf16 weights comes to 16 bytes per parameter", () => {
      const result = run("memory", { params: "1B", format: "bf16", training: "adam-mixed" });
      assert.equal((result.values.total as { bytes: number }).bytes, 16e9);
    });
    it("charts every format, the chosen one marked", () => {
      const chart = run("memory", { params: "7B", format: "q4_0" }).charts[0];
      assert.equal(chart.labels.length, 9);
      assert.ok(chart.labels.includes("Q4_0 (chosen)"));
      assert.equal(chart.series[0].data[chart.labels.indexOf("fp32")], 28);
    });
    it("rejects a group size for fp16 and says which choice switched it off", () => {
      assert.equal(refusal("memory", { params: "7B", format: "fp16", groupSize: 128 }), "groupSize does not apply here: format is fp16; remove groupSize or change those choices");
    });
    it("rejects a format it does not know, listing the ones it does", () => {
      assert.match(refusal("memory", { format: "int3" }), /format must be one of fp32, bf16, fp16, fp8, int8, int4, nf4, q4_0, q8_0 \(got int3\)/);
    });
    it("rejects more trainable parameters than parameters", () => {
      assert.match(refusal("memory", { params: "1B", training: "adam-fp32", trainableParams: "2B" }), /cannot exceed the parameter count \(1B\), got 2B/);
    });
    it("rejects an unknown input, listing the known ones", () => {
      assert.match(refusal("memory", { parameters: "7B" }), /^memory: unknown input "parameters"; it takes params, format, groupSize/);
    });
  });

  describe("softmax", () => {
    it("softmax([2, 0], T = 2) = [0.7310586, 0.2689414]", () => {
      const p = run("softmax", { logits: [2, 0], temperature: 2 }).values.probabilities as number[];
      close(p[0], 0.7310586);
      close(p[1], 0.2689414);
    });
    it("logits near 1000 give no NaN", () => {
      const p = run("softmax", { logits: "1000, 999" }).values.probabilities as number[];
      assert.ok(p.every(Number.isFinite));
    });
    it('temperature -1 is refused with "temperature must be greater than 0 (got -1)"', () => {
      assert.equal(refusal("softmax", { temperature: -1 }), "temperature: temperature must be greater than 0 (got -1)");
    });
  });

  describe("divergence", () => {
    it("KL([0.7, 0.3] ‖ [0.6, 0.4]) = 0.0216 nats, and the contributions sum to it", () => {
      const result = run("divergence", { p: "0.7, 0.3", q: "0.6, 0.4" });
      close(result.values.klPQ, 0.7 * Math.log(0.7 / 0.6) + 0.3 * Math.log(0.3 / 0.4), 1e-12);
      const contributions = result.values.contributionsNats as number[];
      close(contributions[0] + contributions[1], result.values.klPQ as number, 1e-12);
    });
    it("base 2 reports bits", () => {
      const nats = run("divergence", { p: "0.7, 0.3", q: "0.6, 0.4" }).values.klPQ as number;
      const bits = run("divergence", { p: "0.7, 0.3", q: "0.6, 0.4", base: "2" });
      close(bits.values.klPQ, nats / Math.LN2, 1e-12);
      assert.equal(bits.values.unit, "bits");
    });
    it("KL with q = 0 where p > 0 is ∞ in text and \"Infinity\" in JSON", () => {
      const result = run("divergence", { p: "0.5, 0.5", q: "1, 0" });
      assert.match(result.summary, /KL\(p ‖ q\) = ∞/);
      assert.match(resultToJson(result), /"klPQ": "Infinity"/);
    });
    it("says by how much p misses 1, and when q has another length", () => {
      assert.equal(refusal("divergence", { p: "0.7, 0.2" }), "p: p must sum to 1 but sums to 0.9 (under by 0.1)");
      assert.equal(refusal("divergence", { p: "0.7, 0.3", q: "0.2, 0.3, 0.5" }), "q: q must have as many values as p (2), but has 3");
    });
  });

  describe("distillation", () => {
    it("teacher [2, 1, 0.1], student [1.5, 1.2, 0.3], label 0, α 0.5, T 2 gives total 0.3874494", () => {
      const result = run("distillation", { teacher: [2, 1, 0.1], student: [1.5, 1.2, 0.3], label: 0, alpha: 0.5, temperature: 2 });
      close(result.values.total, 0.3874494);
    });
    it("α = 1 is the hard loss alone", () => {
      const result = run("distillation", { alpha: 1 });
      close(result.values.total, result.values.hard as number, 1e-12);
    });
    it("rejects a label past the last class and α outside [0, 1]", () => {
      assert.equal(refusal("distillation", { label: 3 }), "label: label must be a class index from 0 to 2 (got 3)");
      assert.equal(refusal("distillation", { alpha: 2 }), "alpha: alpha must be between 0 and 1 (got 2)");
    });
    it("rejects a temperature whose T² underflows or overflows", () => {
      assert.match(refusal("distillation", { temperature: 1e-200 }), /^temperature: temperature must be at least 1e-150/);
      assert.match(refusal("distillation", { temperature: 1e200 }), /^temperature: temperature must be at most 1e150/);
    });
  });
});
