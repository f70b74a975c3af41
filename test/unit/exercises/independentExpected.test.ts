/**
 * Expected values that do not grade themselves: every check of the built-in pack whose expected values come from
 * the exercise's own reference.ts is checked, case by case (generated ones included), against an independent
 * computation by the compute core (itself tested against numpy and PyTorch vectors, test/unit/fixtures/core/).
 * The reference is run as a learner would be, through the Runner, against the core's values under the check's
 * own tolerance; so a slip in a reference (Math.min for Math.max) fails here instead of failing every learner.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import * as core from "../../../src/core";
import { loadPackFromDisk } from "../../../src/packs/node/loadPackFromDisk";
import type { CheckSpec, ExerciseSpec, PackSpec } from "../../../src/protocol/exercise";
import { Runner } from "../../../src/runner";
import { sandboxHostScript } from "../runner/support/buildSandbox";

const repoRoot = path.resolve(__dirname, "..", "..", "..");
type Args = any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
type Independent = (...args: Args) => unknown;

const plain = (a: ArrayLike<number>): number[] => Array.from(a);
const rows = (w: number[][]) => w.map((r) => Float64Array.from(r));
const kv = (layers: number, kvHeads: number, headDim: number, seqLen: number, batch: number, bytesPerElement: number): number =>
  core.kvCacheBytes({ layers, kvHeads, headDim, seqLen, batch, bytesPerElement });
const range = (qmin: number, qmax: number) => ({ qmin, qmax });

/** Where the core has no such function: values from a committed Python script, by case id (test/unit/fixtures/exercises/). */
function fromVectors(file: string): Independent & { byCaseId: true } {
  const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "exercises", file), "utf8")) as Record<string, unknown>;
  return Object.assign((caseId: string) => {
    if (!(caseId in vectors)) throw new Error(`${file} has no value for case ${caseId}: rerun the script beside it`);
    return vectors[caseId];
  }, { byCaseId: true as const });
}

/**
 * For each `exercise/check` whose expected values come from the reference: the same quantity from the core.
 * A reference-based check missing here fails the first test, so a new one cannot skip the comparison.
 */
const INDEPENDENT: Record<string, Independent> = {
  "memory-savings/memory-gb": (params: number, bits: number) => core.toGB(core.memoryBytes(params, bits)),
  "best-clipping/best-clip": (clips: number[], mse: number[]) => clips[core.argminFirst(mse)],
  "temperature-softmax/softmax": (logits: number[], t: number) => plain(core.softmax(logits, t)),
  "adapter-optimizer-memory/adam-moments-gb": (params: number) => core.toGB(core.adamMomentsBytes(params)),
  "scale-zero-point/affine": (min: number, max: number, qmin: number, qmax: number) => core.affineQParams(min, max, range(qmin, qmax)),
  "scale-zero-point/symmetric": (min: number, max: number, qmin: number, qmax: number) => core.symmetricQParams(min, max, range(qmin, qmax)),
  "clamping/quantize-clamped": (x: number, scale: number, zp: number, qmin: number, qmax: number) =>
    core.quantize(x, scale, zp, { rounding: "half-even", range: range(qmin, qmax) }),
  "per-channel-vs-per-tensor/per-tensor": (w: number[][]) => core.perTensorVsPerChannelMse(rows(w), 8).perTensor,
  "per-channel-vs-per-tensor/per-channel": (w: number[][]) => core.perTensorVsPerChannelMse(rows(w), 8).perChannel,
  "group-wise-quantization/group-quantize": (w: number[], groupSize: number, bits: number) => {
    const { q, scales } = core.groupQuantize(w, groupSize, bits);
    return { q: plain(q), scales: plain(scales) };
  },
  "group-wise-quantization/bits-per-weight": (bits: number, groupSize: number, scaleBits: number) => core.bitsPerWeight({ bits, groupSize, scaleBits }),
  "sqnr/quantization-sqnr": (x: number[], bits: number) => {
    const maxAbs = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    const scale = maxAbs / (2 ** (bits - 1) - 1);
    return core.sqnrDb(x, plain(core.fakeQuantize(x, { scale, zeroPoint: 0 }, { rounding: "half-even" })));
  },
  "nf4-blockwise/nf4-quantize": (block: number[]) => {
    const { codes, absmax } = core.nf4Quantize(block);
    return { codes: plain(codes), absmax };
  },
  "nf4-blockwise/nf4-dequantize": (codes: number[], absmax: number) => plain(core.nf4Dequantize(codes, absmax)),
  "q4-0-block/quantize": (block: number[]) => {
    const { d, q } = core.q4_0Quantize(block);
    return { d, q: plain(q) };
  },
  "q4-0-block/dequantize": (d: number, q: number[]) => plain(core.q4_0Dequantize(d, q)),
  "kv-cache-memory/bytes": kv,
  "kv-cache-memory/gib": (...a: Parameters<typeof kv>) => core.toGiB(kv(...a)),
  "kv-cache-memory/gb": (...a: Parameters<typeof kv>) => core.toGB(kv(...a)),
  "log-softmax/log-softmax": (logits: number[]) => plain(core.logSoftmax(logits)),
  "compression-checklist/shipping-checklist": fromVectors("checklist_vectors.json"),
  "hinton-distillation-loss/distillation-loss": (studentLogits: number[], teacherLogits: number[], label: number, alpha: number, temperature: number) => {
    const { hard, soft, total } = core.distillationLoss({ studentLogits, teacherLogits, label, alpha, temperature });
    return { hard, soft, total };
  },
};

/**
 * Where an exercise deliberately differs from the core's convention, the comparison is loosened by exactly that
 * difference (and no more), with the reason. The codes still have to match exactly (they are integers).
 */
const LOOSER: Record<string, { tolerance: { rel: number }; why: string }> = {
  "q4-0-block/quantize": { tolerance: { rel: 2 ** -11 }, why: "the exercise returns d = m / −8 unrounded; llama.cpp and the core store it as float16" },
  "q4-0-block/dequantize": { tolerance: { rel: 1e-6 }, why: "the core multiplies in float32 as llama.cpp does; the exercise in float64" },
};

function referenceChecks(pack: PackSpec): { exercise: ExerciseSpec; check: CheckSpec; key: string }[] {
  return pack.exercises.flatMap((exercise) =>
    exercise.checks
      .filter((check) => check.expected.from === "reference" && check.comparison.kind === "value")
      .map((check) => ({ exercise, check, key: `${exercise.id}/${check.id}` })),
  );
}

/** The exercise with one check whose expected values are the independent computation's, as literals. */
function againstIndependent(exercise: ExerciseSpec, check: CheckSpec, independent: Independent): ExerciseSpec {
  const values: Record<string, unknown> = {};
  const byCaseId = "byCaseId" in independent;
  for (const c of check.cases) values[c.id] = byCaseId ? independent(c.id) : independent(...structuredClone(c.input));
  const tolerance = LOOSER[`${exercise.id}/${check.id}`]?.tolerance ?? check.tolerance;
  return { ...exercise, checks: [{ ...check, tolerance, expected: { from: "literal", values: values as never }, misconceptions: [] }] };
}

describe("reference-based expected values agree with an independent computation on every case", function () {
  this.timeout(120_000);
  let pack: PackSpec;
  let runner: Runner;

  before(async () => {
    const loaded = await loadPackFromDisk(path.join(repoRoot, "exercises", "quantization-distillation"));
    assert.ok(loaded.pack);
    pack = loaded.pack;
    runner = new Runner({ hostScript: await sandboxHostScript() });
  });
  after(() => runner?.dispose());

  it("every reference-based value check has an independent computation here", () => {
    const missing = referenceChecks(pack).map((c) => c.key).filter((key) => !(key in INDEPENDENT));
    assert.deepEqual(missing, []);
  });

  it("catches a slip in a reference: temperature-softmax with Math.min for Math.max disagrees with the core", async () => {
    const exercise = pack.exercises.find((e) => e.id === "temperature-softmax")!;
    const check = exercise.checks[0];
    const slipped = exercise.reference!.replace("Math.max(...scaled)", "Math.min(...scaled)");
    assert.notEqual(slipped, exercise.reference, "the reference still computes the maximum this way");
    const spec = againstIndependent(exercise, check, INDEPENDENT["temperature-softmax/softmax"]);
    const report = await runner.check({ packId: pack.id, exercise: spec, solutionFile: exercise.sourceFiles.reference!, source: slipped });
    assert.equal(report.status, "failed");
    assert.ok(report.cases.some((c) => c.id === "opposite-extremes" && c.status === "failed"));
  });

  it("each reference passes its check against the core's values, under the check's tolerance", async () => {
    const disagreements: string[] = [];
    for (const { exercise, check, key } of referenceChecks(pack)) {
      const independent = INDEPENDENT[key];
      if (!independent) continue;
      const spec = againstIndependent(exercise, check, independent);
      const referenceFile = exercise.sourceFiles.reference ?? path.join(repoRoot, "exercises", pack.id, exercise.id, "reference.ts");
      const report = await runner.check({ packId: pack.id, exercise: spec, solutionFile: referenceFile, source: exercise.reference });
      for (const c of report.cases.filter((r) => r.status !== "passed")) disagreements.push(`${key}/${c.id}: ${c.message}`);
      assert.ok(report.cases.length === check.cases.length, `${key}: every case ran`);
    }
    const byCheck = new Map<string, number>();
    for (const d of disagreements) byCheck.set(d.split("/").slice(0, 2).join("/"), (byCheck.get(d.split("/").slice(0, 2).join("/")) ?? 0) + 1);
    assert.deepEqual(disagreements.slice(0, 8), [], `${disagreements.length} disagreements: ${[...byCheck].map(([k, n]) => `${k} ${n}`).join(", ")}`);
  });
});
