/**
 * "Grade a Class…" in a real VS Code: a learner folder and a hand-in .zip graded with the extension's sandbox on
 * the built-in pack, and the class report opened in a panel.
 */
import * as assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as vscode from "vscode";
import type { GradeClassOutcome } from "../../src/handIn/gradeClassCommand";
import { buildHandInArchive } from "../../src/handIn/handInArchive";
import { activateTutor } from "./harness/extension";

const PACK = "quantization-distillation";
const EXERCISE = "affine-quantization";

describe("Grade a Class…", function () {
  this.timeout(120_000);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "grade-class-"));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it("grades a learner folder and a hand-in .zip, and opens the class report in a panel", async () => {
    const api = await activateTutor();
    await api.tutor.packs.ready();
    const exercise = api.tutor.packs.find(PACK, EXERCISE)!.exercise;
    const reference = fs.readFileSync(exercise.sourceFiles.reference!);
    const submissions = path.join(scratch, "submissions");
    fs.mkdirSync(path.join(submissions, "ada"), { recursive: true });
    fs.writeFileSync(path.join(submissions, "ada", `${EXERCISE}.ts`), reference);
    const halfUp = new TextEncoder().encode(
      "export function quantize(x: number, scale: number, zeroPoint: number): number {\n  return Math.round(x / scale) + zeroPoint;\n}\nexport function dequantize(q: number, scale: number, zeroPoint: number): number {\n  return scale * (q - zeroPoint);\n}\n",
    );
    fs.writeFileSync(path.join(submissions, "ben.zip"), buildHandInArchive("ben", [{ packId: PACK, exerciseId: EXERCISE, solution: halfUp, status: "failed" }], {}, new Date()).bytes);

    const outcome = await vscode.commands.executeCommand<GradeClassOutcome>("compressionTutor.gradeClass", { packId: PACK, submissions });
    assert.ok(outcome, "grading ran");
    const index = outcome.result.exerciseIds.indexOf(EXERCISE);
    const statuses = Object.fromEntries(outcome.result.learners.map((l) => [l.learner, l.exercises[index].status]));
    assert.deepEqual(statuses, { ada: "passed", ben: "failed" });
    assert.ok(outcome.result.learners[1].exercises[index].cases.some((c) => c.misconception === "half-up"));
    assert.match(outcome.panel.webview.html, /<h1>Class report: quantization-distillation@/);
    assert.match(outcome.panel.webview.html, /half-up/);
    outcome.panel.dispose();
  });
});
