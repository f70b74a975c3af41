/**
 * "Add Exercise Pack…" in a real VS Code: a pack from a .zip and from a local git repository made here, both
 * installed into the extension's global storage and listed in the Exercises view; adding the same source again
 * is an update that says which exercises were added, changed or removed.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { zipSync, type Zippable } from "fflate";
import * as vscode from "vscode";
import type { AddPackResult } from "../../src/commands/addPack";
import type { TutorApi } from "../../src/extension/activate";
import { CORE_VERSION } from "../../src/core";
import { scaffoldPack } from "../../src/packs/scaffold";
import { activateTutor } from "./harness/extension";

function writeScaffold(folder: string, id: string): void {
  for (const file of scaffoldPack({ id, title: `Pack ${id}`, coreVersion: CORE_VERSION })) {
    fs.mkdirSync(path.dirname(path.join(folder, file.path)), { recursive: true });
    fs.writeFileSync(path.join(folder, file.path), file.text);
  }
}

/** A second exercise: a copy of the first under another id, listed in the manifest. */
function addSecondExercise(folder: string): void {
  fs.cpSync(path.join(folder, "dequantize"), path.join(folder, "dequantize-again"), { recursive: true });
  const exerciseFile = path.join(folder, "dequantize-again", "exercise.json");
  fs.writeFileSync(exerciseFile, fs.readFileSync(exerciseFile, "utf8").replace('"id": "dequantize"', '"id": "dequantize-again"'));
  const manifestFile = path.join(folder, "pack.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { exercises: string[] };
  fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, exercises: [...manifest.exercises, "dequantize-again"] }, null, 2));
}

function zipOf(folder: string, file: string): void {
  const entries: Zippable = {};
  for (const relative of fs.readdirSync(folder, { recursive: true }).map(String)) {
    const full = path.join(folder, relative);
    if (fs.statSync(full).isFile()) entries[`pack/${relative.split(path.sep).join("/")}`] = fs.readFileSync(full);
  }
  fs.writeFileSync(file, zipSync(entries));
}

function git(cwd: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main", ...args], { cwd });
}

describe("Add Exercise Pack… from a .zip and from a git repository", function () {
  this.timeout(120_000);
  let api: TutorApi;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "add-pack-"));
  const added: string[] = [];

  before(async () => {
    api = await activateTutor();
    await api.tutor.packs.ready();
  });
  after(async () => {
    const setting = vscode.workspace.getConfiguration("compressionTutor");
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await setting.update("packFolders", setting.get<string[]>("packFolders", []).filter((f) => !added.includes(f)), target);
    await api.tutor.packs.reload();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("a .zip is extracted into global storage and listed; a newer .zip is an update that names what changed", async () => {
    const source = path.join(scratch, "zip-source");
    writeScaffold(source, "zipped-pack");
    const zipFile = path.join(scratch, "zipped-pack.zip");
    zipOf(source, zipFile);
    const first = await vscode.commands.executeCommand<AddPackResult>("compressionTutor.addPack", vscode.Uri.file(zipFile));
    assert.equal(first?.packId, "zipped-pack");
    added.push(first.folder);
    assert.ok(first.folder.startsWith(api.tutor.extension.globalStorageUri.fsPath), first.folder);
    assert.deepEqual(api.tutor.packs.find("zipped-pack", "dequantize")?.exercise.id, "dequantize");
    // The learner starts: a solution file of their own and a hint opened.
    const solution = await vscode.commands.executeCommand<vscode.Uri>("compressionTutor.openExercise", { packId: "zipped-pack", exerciseId: "dequantize" });
    assert.ok(solution, "the exercise opened");
    const mine = "export function dequantize(q: number, scale: number, zeroPoint: number): number {\n  return scale * (q - zeroPoint); // mine\n}\n";
    await vscode.workspace.fs.writeFile(solution, new TextEncoder().encode(mine));
    await api.tutor.progress.openNextHint("zipped-pack", "dequantize", 3);

    addSecondExercise(source);
    const prompt = path.join(source, "dequantize", "prompt.md");
    fs.appendFileSync(prompt, "\nOne more sentence.\n");
    zipOf(source, zipFile);
    const update = await vscode.commands.executeCommand<AddPackResult>("compressionTutor.addPack", vscode.Uri.file(zipFile));
    added.push(update!.folder);
    assert.deepEqual(update?.changes, { added: ["dequantize-again"], changed: ["dequantize"], removed: [] });
    const folders = vscode.workspace.getConfiguration("compressionTutor").get<string[]>("packFolders", []);
    assert.ok(folders.includes(update.folder) && !folders.includes(first.folder), `the update replaces the old folder: ${folders.join(", ")}`);
    assert.ok(api.tutor.packs.find("zipped-pack", "dequantize-again"));
    // Kept across the update, keyed by pack id and exercise id.
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(solution)), mine);
    assert.equal(api.tutor.progress.get("zipped-pack", "dequantize")?.hintsOpened, 1);
    await vscode.workspace.fs.delete(solution);
  });

  it("a local git repository (pinned to a branch) is cloned into global storage; pulling it again shows the change", async () => {
    const repo = path.join(scratch, "repo");
    writeScaffold(repo, "cloned-pack");
    addSecondExercise(repo);
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "two exercises");
    const first = await vscode.commands.executeCommand<AddPackResult>("compressionTutor.addPack", `${repo}#main`);
    assert.equal(first?.packId, "cloned-pack");
    added.push(first.folder);
    assert.ok(first.folder.startsWith(api.tutor.extension.globalStorageUri.fsPath), first.folder);
    assert.equal(api.tutor.packs.find("cloned-pack", "dequantize-again")?.exercise.id, "dequantize-again");

    fs.rmSync(path.join(repo, "dequantize-again"), { recursive: true });
    const manifestFile = path.join(repo, "pack.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { exercises: string[] };
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, exercises: ["dequantize"] }, null, 2));
    git(repo, "commit", "-qam", "one exercise fewer");
    const update = await vscode.commands.executeCommand<AddPackResult>("compressionTutor.addPack", `${repo}#main`);
    assert.equal(update?.folder, first.folder, "the clone is updated in place");
    assert.deepEqual(update.changes, { added: [], changed: [], removed: ["dequantize-again"] });
    assert.equal(api.tutor.packs.find("cloned-pack", "dequantize-again"), undefined);
  });
});
