/**
 * "Export My Work" in a real VS Code: the archive holds the learner's solution as saved, the manifest names the
 * learner, and the name is asked once (the second export runs without a prompt, which would otherwise hang).
 */
import * as assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import * as vscode from "vscode";
import type { ExportWorkResult } from "../../src/handIn/exportWork";
import type { HandInManifest } from "../../src/protocol/handIn";
import { activateTutor } from "./harness/extension";

const KEY = { packId: "quantization-distillation", exerciseId: "memory-savings" };

describe("Export My Work", function () {
  this.timeout(60_000);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "export-work-"));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it("writes one .zip with the solution, the manifest and the progress; the learner's name is remembered", async () => {
    const api = await activateTutor();
    await api.tutor.packs.ready();
    const solution = await vscode.commands.executeCommand<vscode.Uri>("compressionTutor.openExercise", KEY);
    assert.ok(solution, "the exercise opened");
    const saved = await vscode.workspace.fs.readFile(solution);

    const first = await vscode.commands.executeCommand<ExportWorkResult>("compressionTutor.exportWork", { learner: "Ada Lovelace", target: path.join(scratch, "first.zip") });
    assert.equal(first?.learner, "Ada Lovelace");
    const entries = unzipSync(fs.readFileSync(first.file));
    const manifest = JSON.parse(strFromU8(entries["handin.json"])) as HandInManifest;
    assert.equal(manifest.format, "compression-tutor-hand-in");
    assert.equal(manifest.learner, "Ada Lovelace");
    const entry = manifest.exercises.find((e) => e.packId === KEY.packId && e.exerciseId === KEY.exerciseId);
    assert.ok(entry, `the manifest lists ${KEY.exerciseId}: ${JSON.stringify(manifest.exercises)}`);
    assert.deepEqual(Buffer.from(entries[entry.solution]), Buffer.from(saved));
    assert.ok(entries["progress.json"], "progress is in the archive");

    const second = await vscode.commands.executeCommand<ExportWorkResult>("compressionTutor.exportWork", { target: path.join(scratch, "second.zip") });
    assert.equal(second?.learner, "Ada Lovelace", "asked once, remembered");
  });
});
