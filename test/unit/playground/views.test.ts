/** The playground's views (state → chart data and numbers), checked against the core. */
import * as assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { distillationLoss, klContributions, klDivergence, mse, softmax, sqnrDb } from "../../../src/core";
import { SWEEP_TEMPERATURES, distillationView } from "../../../media/playground/model/distillationView";
import { EXERCISE_PRESETS, PRESETS, applyPreset, resolvePreset } from "../../../media/playground/model/presets";
import { reconstruct } from "../../../media/playground/model/quantizeTensor";
import { HISTOGRAM_BINS, QuantizationLab } from "../../../media/playground/model/quantizationView";
import { sampleTensor } from "../../../media/playground/model/samples";
import { distillationSnippet, quantizationSnippet } from "../../../media/playground/model/snippet";
import { defaultState, sanitizeState } from "../../../media/playground/model/state";
import { assertClose } from "../core/tolerance";

const q0 = defaultState().quantization;

describe("playground QuantizationLab.view(scheme)", () => {
  const tensor = sampleTensor("weights", 16384, 5);
  const lab = new QuantizationLab(tensor);

  it("numbers are the core's mse and sqnrDb of the reconstruction", () => {
    const scheme = { ...q0, bits: 3, granularity: "group" as const, groupSize: 64 };
    const view = lab.view(scheme);
    const r = reconstruct(tensor, scheme);
    assert.equal(view.current.mse, mse(tensor.values, r.values));
    assert.equal(view.current.sqnrDb, sqnrDb(tensor.values, r.values));
    assert.equal(view.current.groups, 16384 / 64);
  });

  it("the histogram counts every value once; the grid has the int4 levels inside the range", () => {
    const view = lab.view({ ...q0, bits: 4 });
    assert.equal(view.histogram.counts.length, HISTOGRAM_BINS);
    assert.equal(view.histogram.counts.reduce((a, b) => a + b, 0), 16384);
    assert.ok(view.grid.length >= 15 && view.grid.length <= 16, `${view.grid.length} grid levels`);
    assert.ok(view.errors.x.length <= 2000 && view.errors.x.length > 1000);
  });

  it("the bits curve is the integer scheme at 2..8 bits: SQNR rises about 6 dB a bit", () => {
    const view = new QuantizationLab(sampleTensor("normal", 16384, 1)).view({ ...q0, mode: "symmetric" });
    assert.deepEqual(view.bitsCurve.bits, [2, 3, 4, 5, 6, 7, 8]);
    const s = view.bitsCurve.sqnrDb as number[];
    for (let b = 4; b < s.length; b++) {
      const slope = s[b] - s[b - 1];
      assert.ok(slope > 5 && slope < 7, `SQNR step ${b + 1} → ${b + 2} bits: ${slope} dB`);
    }
    assert.equal(view.bitsCurve.currentBits, 4);
    assert.equal(view.bitsCurve.sqnrDb[2], view.current.sqnrDb);
  });

  it("per-channel beats per-tensor on rows with their own scales, and costs more bytes per weight", () => {
    const view = lab.view({ ...q0, bits: 8, mode: "symmetric" });
    const [tensorRow, channelRow] = view.comparison;
    assert.equal(tensorRow.granularity, "tensor");
    assert.ok(channelRow.metrics!.mse < tensorRow.metrics!.mse / 2, `${channelRow.metrics!.mse} vs ${tensorRow.metrics!.mse}`);
    assert.ok(channelRow.metrics!.bytesPerWeight > tensorRow.metrics!.bytesPerWeight);
  });

  it("current() paints with gaps, the missing schemes fill them, and the result equals view()", () => {
    const fresh = new QuantizationLab(tensor);
    const scheme = { ...q0, clipping: "ratio" as const, clipRatio: 0.8 };
    const { view, missing } = fresh.current(scheme);
    assert.ok(missing.length >= 7);
    assert.ok(view.bitsCurve.mse.includes(null));
    for (const s of missing) fresh.metricsFor(s);
    assert.deepEqual(fresh.current(scheme).missing, []);
    assert.deepEqual(fresh.sweep(scheme).bitsCurve, lab.view(scheme).bitsCurve);
    // Moving bits alone reuses the whole curve: only the two other granularities are new.
    assert.equal(fresh.current({ ...scheme, bits: 6 }).missing.length, 2);
  });

  it("NF4 is marked at 4 bits on the integer curve", () => {
    const view = lab.view({ ...q0, format: "nf4", granularity: "group", groupSize: 64 });
    assert.equal(view.bitsCurve.currentBits, 4);
  });
});

describe("playground QuantizationLab on tensors the core refuses or that carry no signal", () => {
  it("an all-zero tensor: MSE 0 and SQNR NaN (no signal), in every format", () => {
    for (const format of ["int", "nf4", "fp8-e4m3", "fp8-e5m2", "q4_0"] as const) {
      const view = new QuantizationLab({ name: "zeros", shape: [3, 100], values: new Float32Array(300) }).view({ ...q0, format });
      assert.equal(view.current.mse, 0, format);
      assert.ok(Number.isNaN(view.current.sqnrDb), format);
    }
  });

  it("values beyond Q4_0's fp16 scale: current() throws the core's message, the sweep marks the scheme with it", () => {
    const huge = new QuantizationLab({ name: "huge", shape: [64], values: new Float32Array(64).fill(1e30) });
    assert.throws(() => huge.current({ ...q0, format: "q4_0" }), /q4_0Quantize: the block scale .* overflows float16/);
    const m = huge.metricsFor({ ...q0, format: "q4_0", granularity: "channel" });
    assert.ok(Number.isNaN(m.mse));
    assert.match(m.error ?? "", /overflows float16/);
  });
});

describe("playground distillationView(state)", () => {
  const d = { teacher: [3, 1, 0.2, -1], student: [1, 2, 0.2, -1], label: 1, temperature: 2.5, alpha: 0.3 };
  const view = distillationView(d);

  it("distributions, KL contributions and losses are the core's", () => {
    assertClose(view.teacherProbabilities, softmax(d.teacher, 2.5));
    assertClose(view.studentProbabilities, softmax(d.student, 2.5));
    assertClose(view.klContributions, klContributions(softmax(d.teacher, 2.5), softmax(d.student, 2.5)));
    const loss = distillationLoss({ studentLogits: d.student, teacherLogits: d.teacher, label: 1, alpha: 0.3, temperature: 2.5 });
    assert.equal(view.hard, loss.hard);
    assert.equal(view.soft, loss.soft);
    assert.equal(view.total, loss.total);
  });

  it("soft = T² · KL, and the totals with and without T² (by hand)", () => {
    const kl = klDivergence(softmax(d.teacher, 2.5), softmax(d.student, 2.5));
    assertClose(view.soft, 6.25 * kl);
    assertClose(view.softWithoutT2, kl);
    assertClose(view.totalWithoutT2, 0.3 * view.hard + 0.7 * kl);
    assertClose(view.klContributions.reduce((a, b) => a + b, 0), kl);
    // Hard loss by hand: −ln softmax(student)[1] = −(2 − ln Σ e^s).
    assertClose(view.hard, -(2 - Math.log(Math.exp(1) + Math.exp(2) + Math.exp(0.2) + Math.exp(-1))));
  });

  it("the sweep is the core's loss at each T", () => {
    assert.deepEqual(view.sweep.temperatures, [...SWEEP_TEMPERATURES]);
    SWEEP_TEMPERATURES.forEach((t, i) => {
      const l = distillationLoss({ studentLogits: d.student, teacherLogits: d.teacher, label: 1, alpha: 0.3, temperature: t });
      assert.equal(view.sweep.soft[i], l.soft);
      assert.equal(view.sweep.total[i], l.total);
      assertClose(view.sweep.softWithoutT2[i], l.soft / (t * t));
    });
  });
});

describe("playground presets", () => {
  const packDir = path.resolve(__dirname, "../../../exercises/quantization-distillation");
  const exerciseIds = fs.readdirSync(packDir).filter((f) => fs.existsSync(path.join(packDir, f, "exercise.json")));

  it("every exercise of quantization-distillation has a preset, and every preset named exists", () => {
    assert.ok(exerciseIds.length >= 10);
    for (const id of exerciseIds) assert.ok(resolvePreset(id), `exercise ${id} has no playground preset`);
    for (const [exercise, preset] of Object.entries(EXERCISE_PRESETS)) assert.ok(PRESETS.some((p) => p.id === preset), `${exercise} → ${preset} is not a preset`);
  });

  it("every preset gives a valid state (the sanitizer leaves it as it is)", () => {
    for (const preset of PRESETS) {
      const state = applyPreset(defaultState(), preset);
      assert.deepEqual(sanitizeState(state), state, preset.id);
    }
  });

  it("resolvePreset ignores inherited names", () => {
    assert.equal(resolvePreset("toString"), undefined);
    assert.equal(resolvePreset("__proto__"), undefined);
  });
});

describe("playground sanitizeState(value)", () => {
  it("returns the defaults for junk", () => {
    for (const junk of [undefined, null, 42, "x", [], { quantization: "x" }]) assert.deepEqual(sanitizeState(junk), defaultState());
  });

  it("clamps and snaps numbers, drops unknown options, keeps logits of equal length", () => {
    const s = sanitizeState({
      tab: "distillation",
      quantization: { bits: 99, groupSize: 70, clipRatio: -1, format: "int3", rounding: "stochastic", seed: NaN, size: 123 },
      distillation: { teacher: [1, 2, 3], student: [1, "2"], label: 7, temperature: 0, alpha: 2 },
    });
    assert.equal(s.tab, "distillation");
    assert.equal(s.quantization.bits, 8);
    assert.equal(s.quantization.groupSize, 64);
    assert.equal(s.quantization.clipRatio, 0.3);
    assert.equal(s.quantization.format, "int");
    assert.equal(s.quantization.rounding, "stochastic");
    assert.equal(s.quantization.seed, 1);
    assert.equal(s.quantization.size, 65536);
    assert.deepEqual(s.distillation.teacher, [1, 2, 3]);
    assert.equal(s.distillation.student.length, 3);
    assert.equal(s.distillation.label, 2);
    assert.equal(s.distillation.temperature, 0.5);
    assert.equal(s.distillation.alpha, 1);
  });
});

describe("playground snippets", () => {
  /** Runs a snippet as the learner's test file would see it (export dropped) and returns its object. */
  function evaluate(snippet: string): Record<string, unknown> {
    const body = snippet.replace(/^export const (\w+) =/m, "return");
    return new Function(body)() as Record<string, unknown>;
  }

  it("the quantization snippet carries the shown numbers exactly", () => {
    const tensor = sampleTensor("normal", 4096, 1);
    const view = new QuantizationLab(tensor).view(q0);
    const value = evaluate(quantizationSnippet({ ...q0, size: 4096 }, view));
    assert.equal(value.mse, view.current.mse);
    assert.equal(value.sqnrDb, view.current.sqnrDb);
    assert.deepEqual(value.grid, view.grid);
    assert.deepEqual((value.source as { size: number }).size, 4096);
  });

  it("the distillation snippet carries the shown numbers exactly", () => {
    const d = defaultState().distillation;
    const view = distillationView(d);
    const value = evaluate(distillationSnippet(d, view));
    assert.deepEqual(value.teacherProbabilities, view.teacherProbabilities);
    assert.equal(value.soft, view.soft);
    assert.equal(value.totalWithoutT2, view.totalWithoutT2);
  });
});
