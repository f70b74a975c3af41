import assert from "node:assert/strict";
import type { ChartSpec } from "../../../src/protocol/webviewMessages";
import { exerciseCharts } from "../../../src/webview/charts/exerciseCharts";
import { reportOf as reportOfCases, type CaseSketch } from "../support/checkReports";

/** A report of failed (or passed, when expected equals actual) cases of one check of the practice pack. */
const reportOf = (cases: CaseSketch[]) => reportOfCases(cases, { packId: "compression-in-practice" });

const chart = (charts: ChartSpec[], id: string) => {
  const found = charts.find((c) => c.id === id);
  assert.ok(found, `no chart "${id}" among ${charts.map((c) => c.id).join(", ")}`);
  return found;
};
const data = (spec: ChartSpec, labelStart: string) => {
  const s = spec.series.find((x) => x.label.startsWith(labelStart));
  assert.ok(s, `no series "${labelStart}" in ${spec.id}: ${spec.series.map((x) => x.label).join(", ")}`);
  return s.data;
};

const RAMP = [...Array(16).keys(), ...[...Array(16).keys()].reverse()];
const pack = (q: number[], pair: (j: number) => [number, number]) => [0, 56, ...Array.from({ length: 16 }, (_, j) => q[pair(j)[0]] | (q[pair(j)[1]] << 4))];

describe("practice charts", () => {
  it("nibble-layout: the codes llama.cpp reads back from a learner's adjacent-pair bytes come out scrambled", () => {
    const report = reportOf([{ id: "ramp", input: [0x3800, RAMP], expected: pack(RAMP, (j) => [j, j + 16]), actual: pack(RAMP, (j) => [2 * j, 2 * j + 1]) }]);
    const readBack = chart(exerciseCharts("nibble-layout", report), "codes-read-back");
    assert.deepEqual(data(readBack, "codes you were given"), RAMP);
    const yours = data(readBack, "read back from your bytes");
    assert.deepEqual(yours.slice(0, 4), [0, 2, 4, 6]);
    assert.deepEqual(yours.slice(16, 20), [1, 3, 5, 7]);
    assert.equal(chart(exerciseCharts("nibble-layout", report), "bytes").labels.length, 18);
  });

  it("sparsity-mask: kept and pruned magnitudes split by the reference mask, the learner's kept ones on top", () => {
    const w = [0.1, -0.9, 0.4, 0.3, 2, -2, 0, 1];
    const report = reportOf([{ id: "doc", input: [w, 2, 4], expected: [0, 1, 1, 0, 1, 1, 0, 0], actual: [0, 0, 1, 1, 1, 0, 0, 1] }]);
    const mask = chart(exerciseCharts("sparsity-mask", report), "mask");
    assert.deepEqual(data(mask, "kept by the reference"), [null, 0.9, 0.4, null, 2, 2, null, null]);
    assert.deepEqual(data(mask, "pruned by the reference"), [0.1, null, null, 0.3, null, null, 0, 1]);
    assert.deepEqual(data(mask, "kept by yours"), [null, null, 0.4, 0.3, 2, null, null, 1]);
  });

  it("sparsity-mask: the report's chart draws N:M and unstructured error at every density from the core", () => {
    const w = [0.1, -0.9, 0.4, 0.3, 2, -2, 0, 1];
    const expected = { keptFraction: 0.5, metadataBitsPerWeight: 1, storedBitsPerWeight: 9, nmError: 1.1, unstructuredError: 0.26 };
    const report = reportOf([{ id: "doc", input: [w, 2, 4, 16], expected, actual: { ...expected, nmError: 0.275 } }]);
    const curve = chart(exerciseCharts("sparsity-mask", report), "error-by-density");
    assert.equal(curve.labels.length, 5);
    const nm = data(curve, "N:M") as number[];
    const un = data(curve, "unstructured") as number[];
    assert.ok(Math.abs(nm[2] - 1.1) < 1e-12 && Math.abs(un[2] - 0.26) < 1e-12);
    nm.forEach((v, i) => assert.ok(un[i] <= v + 1e-15, `unstructured ≤ N:M at ${i}:4`));
    assert.deepEqual(data(curve, "your N:M error"), [null, null, 0.275, null, null]);
  });

  it("memory-breakdown: parts in GiB against the GPU, and NF4's bits per weight split by level", () => {
    const expected = { adapterParams: 10, baseBytes: 2 ** 31, adapterBytes: 20, gradientBytes: 20, optimizerBytes: 80, activationBytes: 2 ** 30, totalBytes: 3 * 2 ** 30 + 120, totalGiB: 3, fits: true };
    const memory = reportOf([{ id: "m", input: [1e9, [[8, 8]], 1, 1, 1, 24], expected, actual: { ...expected, baseBytes: 2 ** 32 } }]);
    const parts = chart(exerciseCharts("memory-breakdown", memory, ["base params", "block shapes", "layers", "rank", "activation GiB", "GPU GiB"]), "memory-by-part");
    assert.deepEqual(data(parts, "reference").slice(0, 1), [2]);
    assert.deepEqual(data(parts, "yours").slice(0, 1), [4]);
    assert.deepEqual(data(parts, "GPU memory"), [null, null, null, null, null, 24]);
    const bits = chart(exerciseCharts("memory-breakdown", reportOf([{ id: "b", input: [64, 256], expected: 4.126953125, actual: 4.5 }])), "bits-per-weight");
    assert.deepEqual(data(bits, "reference"), [4, 0.125, 32 / (64 * 256), 4.126953125]);
    assert.deepEqual(data(bits, "yours"), [null, null, null, 4.5]);
  });

  it("int8-gemm: a scale per token, and the int8 outputs beside the float product they approximate", () => {
    const q = reportOf([{ id: "q", input: [[[-1, 0, 2], [0.5, 0.2, 0]]], expected: { scales: [0.0117647, 0.00196], zeroPoints: [-43, -128], q: [[-128, -43, 127], [127, -26, -128]] }, actual: { scales: [0.0117647, 0.0117647], zeroPoints: [-43, -43], q: [[-128, -43, 127], [0, -26, -43]] } }]);
    const scales = chart(exerciseCharts("int8-gemm", q), "token-scales");
    assert.deepEqual(data(scales, "yours"), [0.0117647, 0.0117647]);
    const linear = reportOf([{ id: "l", input: [[[-1, 0, 2]], [[1], [2], [3]], [0.5]], expected: { acc: [[167]], y: [[2.500000048894435]] }, actual: { acc: [[167]], y: [[0.98]] } }]);
    const outputs = chart(exerciseCharts("int8-gemm", linear), "outputs");
    assert.deepEqual(data(outputs, "float X"), [2.5]);
    assert.deepEqual(data(outputs, "yours"), [0.98]);
  });

  it("scale-migration: the outlier channel's activation range shrinks and its weights grow, from the core's smoothing", () => {
    const X = [[1, 40], [-2, 10]];
    const W = [[0.5, -1], [0.1, 0.2]];
    const report = reportOf([{ id: "doc", input: [X, W, 0.5], expected: [Math.SQRT2, Math.sqrt(200)], actual: [1 / Math.SQRT2, 1 / Math.sqrt(200)] }]);
    const ranges = chart(exerciseCharts("scale-migration", report), "ranges");
    assert.deepEqual(data(ranges, "activations max|X_j| before"), [2, 40]);
    const after = data(ranges, "activations max|X̂_j| after") as number[];
    assert.ok(Math.abs(after[1] - 40 / Math.sqrt(200)) < 1e-12);
    assert.deepEqual(data(chart(exerciseCharts("scale-migration", report), "scales"), "yours"), [1 / Math.SQRT2, 1 / Math.sqrt(200)]);
    const errors = chart(exerciseCharts("scale-migration", reportOf([{ id: "e", input: [X, W, 0.5], expected: { scales: [1, 1], before: 0.004, after: 0.0003 }, actual: { scales: [1, 1], before: 0.004, after: 0.01 } }])), "errors");
    assert.deepEqual(data(errors, "yours"), [0.004, 0.01]);
  });

  it("error-feedback: the row after round-to-nearest and after GPTQ, and GPTQ's weight error beside its output error", () => {
    const row = reportOf([{ id: "doc", input: [[0.3, 0.13], [[1, 0.5], [0.5, 1]], 0.25, 8, 15], expected: { codes: [9, 8], wHat: [0.25, 0] }, actual: { codes: [9, 9], wHat: [0.25, 0.25] } }]);
    const chartRow = chart(exerciseCharts("error-feedback", row), "row");
    assert.deepEqual(data(chartRow, "round-to-nearest"), [0.25, 0.25]);
    assert.deepEqual(data(chartRow, "GPTQ"), [0.25, 0]);
    assert.deepEqual(data(chartRow, "yours"), [0.25, 0.25]);
    const compare = reportOf([{ id: "c", input: [[0.3, 0.13], [[1, 1], [1, -1]], [[1, 0.5], [0.5, 1]], 0.25, 8, 15], expected: { gptqError: 0.01, rtnError: 0.02 }, actual: { gptqError: 0.5, rtnError: 0.02 } }]);
    const errors = chart(exerciseCharts("error-feedback", compare), "errors");
    const weights = data(errors, "weight error") as number[];
    assert.ok(Math.abs(weights[0] - (0.05 ** 2 + 0.13 ** 2)) < 1e-15 && Math.abs(weights[1] - (0.05 ** 2 + 0.12 ** 2)) < 1e-15);
  });

  it("ste-gradient: the core's staircase stops at the grid's ends, where the STE gradient drops to 0 and ∂v̂/∂s is −Q_N or Q_P", () => {
    const report = reportOf([{ id: "g", input: [[0.26, -0.9, 0.05, 0.125], 0.1, 4, [1, 1, 1, 1]], expected: { gradV: [1, 0, 1, 1], gradS: -1.578, gScale: 0.189 }, actual: { gradV: [1, 1, 1, 1], gradS: -1.578, gScale: 0.189 } }]);
    const charts = exerciseCharts("ste-gradient", report);
    const ste = chart(charts, "ste");
    const vHat = data(ste, "v̂") as number[];
    assert.ok(Math.abs(Math.min(...vHat) + 0.8) < 1e-12 && Math.abs(Math.max(...vHat) - 0.7) < 1e-12);
    const mask = data(ste, "STE") as number[];
    assert.equal(mask[0], 0);
    assert.equal(mask[Math.floor(mask.length / 2)], 1);
    const saw = data(chart(charts, "lsq-step-gradient"), "∂v̂/∂s") as number[];
    assert.ok(Math.abs(saw[0] + 8) < 1e-9 && Math.abs(saw[saw.length - 1] - 7) < 1e-9);
    assert.deepEqual(data(chart(charts, "case-values"), "yours"), [1, 1, 1, 1]);
  });

  it("calibration: the histogram marks min-max, the reference's entropy threshold and yours; Infinity divergences are gaps", () => {
    const expected = { threshold: 1.5, bins: 3, divergences: [0.0589, 0.0103, 0.0499, 0.0646, 0.125] };
    const report = reportOf([{ id: "doc", input: [[8, 4, 2, 1, 0, 1], 0.5, 2], expected, actual: { threshold: 3, bins: 6, divergences: [0.1, "Infinity", 0.2, 0.3, 0.05] } }]);
    const charts = exerciseCharts("calibration", report);
    const histogram = chart(charts, "histogram");
    assert.deepEqual(data(histogram, "counts"), [8, 4, 2, 1, 0, 1]);
    assert.deepEqual(data(histogram, "entropy threshold"), [null, null, 8, null, null, null]);
    assert.deepEqual(data(histogram, "min-max"), [null, null, null, null, null, 8]);
    assert.deepEqual(data(histogram, "your threshold"), [null, null, null, null, null, 8]);
    assert.deepEqual(data(chart(charts, "divergence"), "yours"), [0.1, null, 0.2, 0.3, 0.05]);
  });
});
