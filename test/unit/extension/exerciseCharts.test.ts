import assert from "node:assert/strict";
import type { ChartSpec } from "../../../src/protocol/webviewMessages";
import { exerciseCharts } from "../../../src/webview/charts/exerciseCharts";
import { reportOf } from "../support/checkReports";

const chart = (charts: ChartSpec[], id: string) => {
  const found = charts.find((c) => c.id === id);
  assert.ok(found, `no chart "${id}" among ${charts.map((c) => c.id).join(", ")}`);
  return found;
};
const seriesData = (spec: ChartSpec, labelStart: string) => {
  const found = spec.series.find((s) => s.label.startsWith(labelStart));
  assert.ok(found, `no series "${labelStart}…" in ${spec.id}: ${spec.series.map((s) => s.label).join(", ")}`);
  return found.data;
};

describe("exerciseCharts(kind, report)", () => {
  it("\"none\" draws nothing", () => {
    assert.deepEqual(exerciseCharts("none", reportOf([{ id: "a", input: [1], expected: 1, actual: 1 }])), []);
  });

  it("quantization-grid: the learner's code 4 for quantize(0.3, 0.1, 0) sits on the core's grid, whose value there is 3", () => {
    const charts = exerciseCharts(
      "quantization-grid",
      reportOf([
        { id: "seed", fn: "quantize", checkId: "quantize", input: [0.3, 0.1, 0], expected: 3, actual: 4 },
        { id: "deq", fn: "dequantize", checkId: "dequantize", input: [3, 0.1, 0], expected: 0.30000000000000004, actual: 0.3 },
      ]),
    );
    const perCase = chart(charts, "codes-per-case");
    assert.equal(perCase.labels.length, 1, "only the quantize check's cases are on the code chart");
    assert.deepEqual(seriesData(perCase, "reference"), [3]);
    assert.deepEqual(seriesData(perCase, "yours"), [4]);
    const grid = chart(charts, "quantization-grid");
    const yours = seriesData(grid, "your answer");
    const at = yours.findIndex((v) => v !== null);
    assert.equal(yours[at], 4);
    assert.equal(seriesData(grid, "reference grid")[at], 3);
  });

  it("clip-curve: marks the reference pick (clip 2, MSE 0.02) and the learner's wrong pick (clip 1, MSE 0.05) on the MSE curve", () => {
    const charts = exerciseCharts("clip-curve", reportOf([{ id: "seed", input: [[1, 2, 3], [0.05, 0.02, 0.03]], expected: 2, actual: 1 }]));
    const curve = chart(charts, "mse-vs-clip");
    assert.deepEqual(curve.labels, ["1", "2", "3"]);
    assert.deepEqual(seriesData(curve, "reference MSE"), [0.05, 0.02, 0.03]);
    assert.deepEqual(seriesData(curve, "reference pick"), [null, 0.02, null]);
    assert.deepEqual(seriesData(curve, "your pick"), [0.05, null, null]);
  });

  it("clip-curve over (w, clips, bits) takes the curve from the core's clip search", () => {
    const charts = exerciseCharts("clip-curve", reportOf([{ id: "w", input: [[0.1, -0.5, 2.5, 0.3], [0.5, 1, 2.5], 4], expected: 2.5, actual: 0.5 }]));
    const mse = seriesData(chart(charts, "mse-vs-clip"), "reference MSE") as number[];
    assert.equal(mse.length, 3);
    assert.ok(mse.every((v) => Number.isFinite(v) && v >= 0));
  });

  it("kl-contributions: per-class terms of KL([0.7, 0.3] ‖ [0.6, 0.4]) sum to 0.0216", () => {
    const charts = exerciseCharts("kl-contributions", reportOf([{ id: "seed", input: [[0.7, 0.3], [0.6, 0.4]], expected: 0.0216009, actual: 0.5 }]));
    const terms = seriesData(chart(charts, "kl-contributions"), "KL(p‖q)") as number[];
    assert.ok(Math.abs(terms.reduce((a, b) => a + b, 0) - 0.0216009) < 1e-6);
    const perCase = chart(charts, "per-case");
    assert.deepEqual([seriesData(perCase, "reference")[0], seriesData(perCase, "yours")[0]], [0.0216009, 0.5]);
  });

  it("temperature-sweep: softmax([2, 0]) at the case's T = 2 is in the sweep, and the learner's bars sit next to the reference's", () => {
    const charts = exerciseCharts("temperature-sweep", reportOf([{ id: "seed", input: [[2, 0], 2], expected: [0.7310586, 0.2689414], actual: [0.880797, 0.119203] }]));
    const sweep = chart(charts, "softmax-temperatures");
    const t2 = sweep.labels.indexOf("T=2");
    assert.ok(t2 >= 0);
    assert.ok(Math.abs((seriesData(sweep, "class 0")[t2] as number) - 0.7310586) < 1e-6);
    const bars = chart(charts, "probabilities");
    assert.deepEqual(seriesData(bars, "yours"), [0.880797, 0.119203]);
    assert.deepEqual(seriesData(bars, "reference"), [0.7310586, 0.2689414]);
  });

  it("quantization-error over arrays: per-element error against the original, and a histogram counting every element", () => {
    const original = [0.1, 0.4, -0.2, 0.33];
    const charts = exerciseCharts("quantization-error", reportOf([{ id: "fq", input: [original, 0.1, 0], expected: [0.1, 0.4, -0.2, 0.3], actual: [0.1, 0.4, -0.2, 0.4] }]));
    const errors = seriesData(chart(charts, "per-element-error"), "your error") as number[];
    assert.ok(Math.abs(errors[3] - 0.07) < 1e-12);
    const histogram = chart(charts, "error-histogram");
    const counted = (seriesData(histogram, "yours") as number[]).reduce((a, b) => a + b, 0);
    assert.equal(counted, original.length);
  });

  it("quantization-error over (w, ŵ) → MSE shows the squared error per element and the MSE per case", () => {
    const charts = exerciseCharts("quantization-error", reportOf([{ id: "seed", input: [[0.1, 0.4, -0.2], [0, 0.5, -0.25]], expected: 0.0075, actual: 0.0225 }]));
    const squared = seriesData(chart(charts, "per-element-error"), "(w − ŵ)²") as number[];
    assert.ok(Math.abs(squared.reduce((a, b) => a + b, 0) / 3 - 0.0075) < 1e-12);
    assert.deepEqual(seriesData(chart(charts, "per-case"), "yours"), [0.0225]);
  });

  it("memory with object results compares each numeric field, and a missing answer is a gap, not a zero", () => {
    const charts = exerciseCharts("memory", reportOf([{ id: "m", input: [13e9], expected: { bf16: 26, int4: 6.5 }, actual: undefined }]));
    const perCase = chart(charts, "per-case");
    assert.equal(perCase.labels.length, 2);
    assert.deepEqual(seriesData(perCase, "yours"), [null, null]);
    assert.deepEqual(seriesData(perCase, "reference"), [26, 6.5]);
  });

  it("a chart kind whose cases have another shape falls back to the per-case comparison", () => {
    const charts = exerciseCharts("clip-curve", reportOf([{ id: "x", input: ["text"], expected: 1, actual: 2 }]));
    assert.deepEqual(charts.map((c) => c.id), ["per-case-difference", "per-case"]);
    assert.deepEqual(seriesData(chart(charts, "per-case-difference"), "yours − reference"), [1]);
  });

  it("NaN from the learner becomes a gap so the chart's scale survives", () => {
    const charts = exerciseCharts("memory", reportOf([{ id: "m", input: [1], expected: 2, actual: Number.NaN }]));
    assert.deepEqual(seriesData(chart(charts, "per-case"), "yours"), [null]);
  });

  it("exerciseCharts(\"probabilities\", report, argNames) finds the teacher and the temperature by name", () => {
    const student = [1.5, 1.2, 0.3];
    const teacher = [2, 1, 0.1];
    const report = reportOf([{ id: "seed", input: [student, teacher, 0, 0.5, 2], expected: { hard: 0.71, soft: 0.06, total: 0.39 }, actual: { hard: 0.71, soft: 0.03, total: 0.37 } }]);
    const charts = exerciseCharts("probabilities", report, ["student logits", "teacher logits", "label", "alpha", "temperature"]);
    const spec = chart(charts, "probabilities");
    assert.deepEqual(spec.series.map((s) => s.label).slice(0, 2), ["softmax(teacher logits / 2)", "softmax(student logits / 2)"]);
    const t = teacher.map((v) => Math.exp(v / 2));
    const sum = t.reduce((a, b) => a + b, 0);
    seriesData(spec, "softmax(teacher").forEach((v, i) => assert.ok(Math.abs((v as number) - t[i] / sum) < 1e-12));
  });

  it("exerciseCharts(\"probabilities\", …) puts log-probabilities on a value axis, not the probability axis", () => {
    const charts = exerciseCharts("probabilities", reportOf([{ id: "seed", input: [[2, 0]], expected: [-0.126928, -2.126928], actual: [-0.2, -2] }]));
    assert.equal(chart(charts, "values").yTitle, "value");
    assert.deepEqual(seriesData(chart(charts, "values"), "reference"), [-0.126928, -2.126928]);
  });

  it("quantization-grid: off-by-one codes get a chart of their own, yours − reference per case, on their own scale", () => {
    const charts = exerciseCharts(
      "quantization-grid",
      reportOf([
        { id: "a", fn: "quantize", checkId: "quantize", input: [2.5, 1, -300], expected: -298, actual: -297 },
        { id: "b", fn: "quantize", checkId: "quantize", input: [0.3, 0.1, 0], expected: 3, actual: 3 },
        { id: "c", fn: "quantize", checkId: "quantize", input: [150.5, 1, 50], expected: 200, actual: 201 },
      ]),
    );
    const errors = chart(charts, "code-errors");
    assert.deepEqual(errors.labels, ["0.3", "2.5", "150.5"]);
    assert.deepEqual(seriesData(errors, "yours − reference"), [0, 1, 1]);
    assert.equal(errors.series[0].role, "error");
    assert.match(errors.title, /2 of 3 off/);
  });

  it("quantization-grid: no error chart when every code is right", () => {
    const charts = exerciseCharts("quantization-grid", reportOf([{ id: "b", fn: "quantize", checkId: "quantize", input: [0.3, 0.1, 0], expected: 3, actual: 3 }]));
    assert.equal(charts.find((c) => c.id === "code-errors"), undefined);
  });

  it("temperature-sweep: the learner's answers on the same logits are points on the sweep; softmax(input / T) is not drawn twice", () => {
    const at = (t: number) => [Math.exp(2 / t) / (Math.exp(2 / t) + 1), 1 / (Math.exp(2 / t) + 1)];
    const charts = exerciseCharts(
      "temperature-sweep",
      reportOf([
        { id: "t2", input: [[2, 0], 2], expected: at(2), actual: [0.5, 0.5] },
        { id: "t1", input: [[2, 0], 1], expected: at(1), actual: at(1) },
      ]),
    );
    const sweep = chart(charts, "softmax-temperatures");
    const t1 = sweep.labels.indexOf("T=1");
    const t2 = sweep.labels.indexOf("T=2");
    const yours0 = seriesData(sweep, "yours, class 0");
    assert.equal(yours0[t2], 0.5);
    assert.ok(Math.abs((yours0[t1] as number) - at(1)[0]) < 1e-12);
    assert.equal(yours0[sweep.labels.indexOf("T=8")], null, "a temperature the learner was not asked about has no point");
    assert.ok(sweep.series.filter((s) => s.label.startsWith("yours")).every((s) => s.role === "learner"));
    const probabilities = chart(charts, "probabilities");
    assert.deepEqual(probabilities.series.map((s) => s.label), ["reference", "yours"]);
  });

  it("categories never take the reference's or the learner's colour role", () => {
    const charts = exerciseCharts("kl-contributions", reportOf([{ id: "kl", input: [[0.7, 0.3], [0.6, 0.4]], expected: 0.0216, actual: 0.03 }]));
    const teacher = chart(charts, "probabilities");
    assert.ok(teacher.series.every((s) => s.role === "neutral" && s.colorIndex !== undefined));
  });

  it("clip-curve: the learner's clipMse answers for one (w, bits) are their own curve beside the reference's, with the difference", () => {
    const w = [0.1, -0.5, 2.4];
    const charts = exerciseCharts(
      "clip-curve",
      reportOf([
        { id: "c2", input: [w, 2.4, 4], expected: 0.004, actual: 0.005 },
        { id: "c1", input: [w, 1, 4], expected: 0.2, actual: 0.2 },
        { id: "other", input: [[1, 2], 1, 8], expected: 0.1, actual: 0.1 },
      ]),
    );
    const curve = chart(charts, "your-mse-curve");
    assert.deepEqual(curve.labels, ["1", "2.4"]);
    assert.deepEqual(seriesData(curve, "reference"), [0.2, 0.004]);
    assert.deepEqual(seriesData(curve, "yours"), [0.2, 0.005]);
    const errors = seriesData(chart(charts, "mse-errors"), "yours − reference") as number[];
    assert.equal(errors[0], 0);
    assert.ok(Math.abs(errors[1] - 0.001) < 1e-15);
  });
});
