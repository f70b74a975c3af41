/**
 * Hint 3 works the learner's own smallest failing case: the reference's explain<Function> export runs on that
 * case's input in the sandbox, the report carries the steps, and the panel adds them to hint 3 once it is open.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { loadPackFromDisk } from "../../../src/packs/node/loadPackFromDisk";
import type { CheckReport } from "../../../src/protocol/checkReport";
import type { ExerciseSpec, PackSpec } from "../../../src/protocol/exercise";
import { Runner } from "../../../src/runner";
import { explainExportOf } from "../../../src/runner/workedExample";
import { exercisePanelModel } from "../../../src/webview/exercisePanelModel";
import { sandboxHostScript } from "../runner/support/buildSandbox";

const repoRoot = path.resolve(__dirname, "..", "..", "..");
const fixtures = path.join(__dirname, "fixtures", "findings");

describe("hint 3 on the learner's own smallest failing case", function () {
  this.timeout(60_000);
  let pack: PackSpec;
  let runner: Runner;
  const exercise = (id: string): ExerciseSpec => pack.exercises.find((e) => e.id === id)!;
  const check = (id: string, file: string, source?: string): Promise<CheckReport> =>
    runner.check({ packId: pack.id, exercise: exercise(id), solutionFile: path.join(fixtures, file), source });

  before(async () => {
    pack = (await loadPackFromDisk(path.join(repoRoot, "exercises", "quantization-distillation"))).pack!;
    runner = new Runner({ hostScript: await sandboxHostScript() });
  });
  after(() => runner?.dispose());

  it("explainExportOf names the export after the checked function", () => {
    assert.equal(explainExportOf("softmax"), "explainSoftmax");
    assert.equal(explainExportOf("q4_0Quantize"), "explainQ4_0Quantize");
  });

  it("softmax subtracting the mean: the steps of softmax([1000, -1000], 1), computed by the reference", async () => {
    const report = await check("temperature-softmax", "softmax-mean-subtracted.ts");
    assert.equal(report.workedExample?.call, "softmax([1000, -1000], 1)");
    assert.equal(report.workedExample?.caseId, report.cases[0].id, "the smallest failing case, the first the report lists");
    assert.match(report.workedExample?.text ?? "", /^a = logits \/ T = \[1000, -1000\]\nm = max\(a\) = 1000\nexp\(a − m\) = \[1, 0\]/);
  });

  it("a passing solution, or a reference without an explain export for the function, gets none", async () => {
    const passing = await check("temperature-softmax", "softmax.ts", "export function softmax(z: number[], t: number) { const a = z.map((v) => v / t); const m = Math.max(...a); const e = a.map((v) => Math.exp(v - m)); const s = e.reduce((x, y) => x + y, 0); return e.map((v) => v / s); }");
    assert.equal(passing.status, "passed");
    assert.equal(passing.workedExample, undefined);
    const softmax = exercise("temperature-softmax");
    const unexplaining = { ...softmax, reference: softmax.reference!.replace("export function explainSoftmax", "export function describeSoftmax") };
    const unexplained = await runner.check({ packId: pack.id, exercise: unexplaining, solutionFile: path.join(fixtures, "softmax-mean-subtracted.ts") });
    assert.equal(unexplained.status, "failed");
    assert.equal(unexplained.workedExample, undefined);
  });

  it("the panel adds it to hint 3 only once hint 3 is open", async () => {
    const report = await check("log-softmax", "log-of-softmax.ts");
    const model = (hintsOpened: number) =>
      exercisePanelModel({
        pack,
        exercise: exercise("log-softmax"),
        progress: { passedCaseIds: [], failedCaseIds: [], everPassed: false, hintsOpened },
        status: { kind: "failed", failed: report.summary.failed, total: report.summary.total },
        report,
        canRun: true,
      });
    assert.deepEqual(model(2).exercise?.hints, exercise("log-softmax").hints.slice(0, 2));
    const third = model(3).exercise?.hints[2] ?? "";
    assert.ok(third.startsWith(exercise("log-softmax").hints[2]), "the written worked example stays first");
    assert.match(third, /\*\*On your smallest failing case, `logSoftmax\(\[-1000, 0\]\)`:\*\*\n\n```\nm = max\(z\) = 0\n/);
  });
});
