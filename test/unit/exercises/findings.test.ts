/**
 * Every wrong (or right) solution that once fooled the built-in pack's checks, or got the wrong feedback, with
 * the verdict and the misconception it must get now. Each fixture is a learner's file written from the prompt;
 * none may pass while wrong, and a misconception is named only when its variant reproduces every wrong answer.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { CORE_FUNCTIONS } from "../../../src/core";
import { loadPackFromDisk } from "../../../src/packs/node/loadPackFromDisk";
import type { CheckReport } from "../../../src/protocol/checkReport";
import type { PackSpec } from "../../../src/protocol/exercise";
import { Runner } from "../../../src/runner";
import { sandboxHostScript } from "../runner/support/buildSandbox";

const repoRoot = path.resolve(__dirname, "..", "..", "..");
const fixtures = path.join(__dirname, "fixtures", "findings");

interface Finding {
  /** What the learner did, as the finding put it. */
  what: string;
  exercise: string;
  file: string;
  status: CheckReport["status"];
  /** Per check id: the misconception named on its failing cases, or null for none (expected vs actual only). */
  named: Record<string, string | null>;
}

const FINDINGS: Finding[] = [
  { what: "softmax subtracting the mean instead of the max (passed 40/40)", exercise: "temperature-softmax", file: "softmax-mean-subtracted.ts", status: "failed", named: { softmax: "mean-not-max" } },
  { what: "Hinton's loss in probability space, softmax then Math.log (passed 29/29)", exercise: "hinton-distillation-loss", file: "hinton-probability-space.ts", status: "failed", named: { "distillation-loss": "probability-space" } },
  { what: "Hinton's loss with teacher and student swapped (never named)", exercise: "hinton-distillation-loss", file: "hinton-teacher-student-swapped.ts", status: "failed", named: { "distillation-loss": "teacher-student-swapped" } },
  { what: "log-softmax as log(stable softmax): −Infinity from underflow, not NaN", exercise: "log-softmax", file: "log-of-softmax.ts", status: "failed", named: { "log-softmax": "log-of-softmax-underflow" } },
  { what: "log-softmax as log(softmax) without the shift: NaN and −Infinity", exercise: "log-softmax", file: "log-of-naive-softmax.ts", status: "failed", named: { "log-softmax": "overflow" } },
  { what: "best clip breaking ties by the smallest clip (was told 'smallest clip, whatever its MSE')", exercise: "best-clipping", file: "best-clip-smallest-clip-on-ties.ts", status: "failed", named: { "best-clip": "smallest-clip-among-ties" } },
  { what: "Q4_0 keeping the last of two equal-magnitude extremes (was told 'your scale has lost its sign')", exercise: "q4-0-block", file: "q4-0-last-extreme.ts", status: "failed", named: { quantize: "last-extreme-on-tie", dequantize: null } },
  { what: "group-wise quantization dropping the short last group (never named)", exercise: "group-wise-quantization", file: "group-drops-short-last.ts", status: "failed", named: { "group-quantize": "drops-short-last-group", "bits-per-weight": null } },
  { what: "a non-saturating FP8 cast (was told to look for 0/0)", exercise: "fp8-rounding", file: "fp8-not-saturating.ts", status: "failed", named: { e4m3: "not-saturating", e5m2: "not-saturating" } },
  { what: "the KV cache in GiB and GB without the batch (never named)", exercise: "kv-cache-memory", file: "kv-cache-without-batch.ts", status: "failed", named: { bytes: null, gib: "no-batch", gb: "no-batch" } },
  { what: "the Jensen–Shannon distance for the divergence (never named)", exercise: "reverse-kl-js", file: "js-distance.ts", status: "failed", named: { "reverse-kl": null, "js-divergence": "distance-not-divergence" } },
  { what: "observer parameters written from PyTorch's code in float32 (was told it used Math.round)", exercise: "scale-zero-point", file: "qparams-float32-pytorch.ts", status: "passed", named: {} },
  { what: "observer parameters in float64: told exactly where float32 moves the zero point", exercise: "scale-zero-point", file: "qparams-float64.ts", status: "failed", named: { affine: "float64", symmetric: null } },
  { what: "a checklist of negated sentences and keyword junk (passed the old keyword check)", exercise: "compression-checklist", file: "checklist-keywords.ts", status: "failed", named: { "shipping-checklist": null } },
  { what: "the release gates written in other words (the old keyword check said it covered nothing)", exercise: "compression-checklist", file: "checklist-other-words.ts", status: "passed", named: {} },
  { what: "PyTorch's custom-range symmetric zero point for quint8: told exactly how the default observer differs", exercise: "scale-zero-point", file: "qparams-custom-range-zero-point.ts", status: "failed", named: { affine: null, symmetric: "unsigned-zero-point-127" } },
  { what: "a wrong answer no known mistake explains gets expected vs actual and no guess", exercise: "temperature-softmax", file: "softmax-uniform.ts", status: "failed", named: { softmax: null } },
  { what: "two mistakes at once: each variant matches some failing cases, so neither is named", exercise: "kl-divergence", file: "kl-two-mistakes.ts", status: "failed", named: { "kl-divergence": null } },
];

describe("findings: wrong solutions the built-in pack once let through or misnamed", function () {
  this.timeout(120_000);
  let pack: PackSpec;
  let runner: Runner;

  before(async () => {
    const loaded = await loadPackFromDisk(path.join(repoRoot, "exercises", "quantization-distillation"));
    assert.ok(loaded.pack, "the built-in pack loads");
    pack = loaded.pack;
    runner = new Runner({ hostScript: await sandboxHostScript(), core: CORE_FUNCTIONS });
  });
  after(() => runner?.dispose());

  for (const finding of FINDINGS) {
    it(`${finding.exercise}: ${finding.what}`, async () => {
      const exercise = pack.exercises.find((e) => e.id === finding.exercise);
      assert.ok(exercise, `${finding.exercise} is in the pack`);
      const report = await runner.check({ packId: pack.id, exercise, solutionFile: path.join(fixtures, finding.file) });
      assert.equal(report.status, finding.status, `${finding.file}: ${report.summary.passed}/${report.summary.total} passed`);
      for (const [checkId, misconception] of Object.entries(finding.named)) {
        const failing = report.cases.filter((c) => c.checkId === checkId && c.status === "failed");
        const named = [...new Set(failing.map((c) => c.misconception?.id ?? null))];
        if (misconception === null) {
          assert.deepEqual(named.filter((n) => n !== null), [], `check ${checkId} names no misconception`);
          for (const c of failing.filter((c) => c.reveal === "full")) assert.match(c.message, /expected .*, got /, `${checkId}/${c.id} shows expected against actual`);
        } else {
          assert.ok(failing.length > 0, `check ${checkId} fails`);
          assert.deepEqual(named, [misconception], `check ${checkId}: every failing case names ${misconception}`);
        }
      }
      const checked = new Set(Object.keys(finding.named));
      const otherFailures = report.cases.filter((c) => !checked.has(c.checkId) && c.status !== "passed");
      assert.deepEqual(otherFailures.map((c) => `${c.checkId}/${c.id}`), [], "no other check fails");
    });
  }
});
