/**
 * The learner's experience inside a real VS Code: the tree, solution files, checks with diagnostics and
 * progress, reset with a backup, progress that survives a reload, an invalid pack's problems, and
 * Restricted Mode. Runs against the built-in pack's first exercise (affine quantization).
 */
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { TutorApi } from "../../src/extension/activate";
import { ProgressJournal } from "../../src/progress/progressJournal";
import { ProgressStore } from "../../src/progress/progressStore";
import { statusOf } from "../../src/progress/progressModel";
import type { CheckReport } from "../../src/protocol/checkReport";
import type { ExerciseTreeNode } from "../../src/views/exercisesTree";
import { activateTutor, actOutRestrictedMode, nextEvent } from "./harness/extension";
import { RIGHT_AFFINE_SOLUTION as RIGHT, WRONG_AFFINE_SOLUTION as WRONG } from "../fixtures/affineQuantizationSolutions";

const PACK = "quantization-distillation";
const EXERCISE = "affine-quantization";
const KEY = { packId: PACK, exerciseId: EXERCISE };

const workspace = () => {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, "the integration run opens a workspace folder");
  return folder;
};
const solutionUri = () => vscode.Uri.joinPath(workspace(), "compression-tutor", PACK, `${EXERCISE}.ts`);
const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

async function writeAndSave(uri: vscode.Uri, text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), `could not edit ${uri.fsPath}`);
  assert.equal(document.getText(), text, "the edit did not land in the document");
  // code-server's file watcher can report the file newer than the editor's copy for a moment after it was
  // written; VS Code then refuses one save. A second save goes through, as it would for a learner pressing Ctrl+S again.
  const saved = (await document.save()) || (await new Promise((resolve) => setTimeout(resolve, 500)), await document.save());
  assert.ok(saved, `could not save ${uri.fsPath} (dirty: ${document.isDirty}, closed: ${document.isClosed})`);
}

async function check(): Promise<CheckReport> {
  const report = await vscode.commands.executeCommand<CheckReport | undefined>("compressionTutor.checkExercise", KEY);
  assert.ok(report, "compressionTutor.checkExercise returned no report");
  return report;
}

function exerciseNodes(api: TutorApi): Extract<ExerciseTreeNode, { kind: "exercise" }>[] {
  const builtIn = api.tree.getChildren().find((n) => n.kind === "pack" && n.loaded.origin === "built-in");
  assert.ok(builtIn, "the tree has no built-in pack");
  return api.tree.getChildren(builtIn).filter((n): n is Extract<ExerciseTreeNode, { kind: "exercise" }> => n.kind === "exercise");
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}, in vain`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("learner experience: exercises, checks and progress in VS Code", function () {
  this.timeout(60_000);
  let api: TutorApi;

  before(async () => {
    api = await activateTutor();
    // Save-triggered checks would race the explicit ones below; they have their own e2e test.
    await vscode.workspace.getConfiguration("compressionTutor").update("checkOnSave", false, vscode.ConfigurationTarget.Global);
    await api.tutor.packs.ready();
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspace(), "compression-tutor"), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  after(async () => {
    await vscode.workspace.getConfiguration("compressionTutor").update("checkOnSave", undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration("compressionTutor").update("packFolders", undefined, vscode.ConfigurationTarget.Workspace);
  });

  it("the tree lists the built-in pack's exercises in order, each with a status, a tooltip and inline actions", () => {
    const nodes = exerciseNodes(api);
    assert.ok(nodes.length >= 10, `only ${nodes.length} exercises`);
    assert.deepEqual(nodes.slice(0, 3).map((n) => n.exercise.id), ["affine-quantization", "int4-scale", "memory-savings"]);
    const item = api.tree.getTreeItem(nodes[0]);
    assert.equal(item.label, "1. Affine quantization");
    assert.match(String(item.contextValue), /^exercise\./);
    // The tooltip escapes markdown punctuation, so compare without the escapes.
    assert.ok(item.tooltip instanceof vscode.MarkdownString, "the tooltip is not markdown");
    assert.ok(item.tooltip.value.replace(/\\/g, "").replace(/&nbsp;/g, " ").includes(nodes[0].exercise.summary), `the tooltip "${item.tooltip.value}" lacks the summary`);
    assert.equal(item.command?.command, "compressionTutor.openExercise");
  });

  it("openExercise creates the solution from the starter beside the results panel, and never overwrites it", async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>("compressionTutor.openExercise", KEY);
    assert.equal(uri?.toString(), solutionUri().toString());
    const starter = api.tutor.packs.find(PACK, EXERCISE)!.exercise.starter;
    assert.equal(await read(solutionUri()), starter);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), solutionUri().toString());
    assert.equal(api.resultsPanel()?.currentModel.exercise?.exerciseId, EXERCISE);

    await writeAndSave(solutionUri(), "// mine\n" + WRONG);
    await vscode.commands.executeCommand("compressionTutor.openExercise", KEY);
    assert.equal(await read(solutionUri()), "// mine\n" + WRONG, "opening again overwrote the learner's file");
  });

  it("a wrong solution fails: diagnostics in the file, \"failed n of m\" in the tree, charts in the panel", async () => {
    await writeAndSave(solutionUri(), WRONG);
    const report = await check();
    assert.equal(report.status, "failed");
    assert.ok(report.summary.failed > 0 && report.summary.failed < report.summary.total);
    const diagnostics = await until("diagnostics in the learner's file", () => {
      const list = vscode.languages.getDiagnostics(solutionUri());
      return list.length > 0 ? list : undefined;
    });
    assert.ok(diagnostics.every((d) => d.range.start.line >= 0 && d.range.start.line < WRONG.split("\n").length));
    const item = api.tree.getTreeItem(exerciseNodes(api)[0]);
    assert.equal(item.description, `failed ${report.summary.failed + report.summary.errored} of ${report.summary.total}`);
    const model = api.resultsPanel()!.currentModel;
    assert.equal(model.report?.status, "failed");
    assert.ok(model.charts.length > 0, "no chart for a failed quantization exercise");
    assert.deepEqual(model.exercise?.reference, { kind: "after-pass" });
  });

  it("a Run press in the panel goes straight to the check service and renders once: exactly one `show`", async () => {
    const panel = api.resultsPanel()!;
    assert.equal(panel.currentModel.exercise?.exerciseId, EXERCISE);
    const before = panel.postedShows;
    const checked = nextEvent(api.tutor.checks.onDidCheck, "the Run press's check");
    const rendered = nextEvent(panel.onDidReceiveMessage, "the webview to render the Run press's report", (m) => m.type === "rendered");
    // The message the page posts when Run is pressed, through the presenter's dispatch table, as the webview's own arrives.
    await api.tutor.presenter.receive(panel, { type: "runCheck" });
    const event = await checked;
    await rendered;
    await api.tutor.presenter.whenRendered();
    assert.equal(panel.currentModel.report, event.report, "the panel does not show the Run press's report");
    assert.equal(panel.postedShows - before, 1, "one Run press posted `show` more than once (each post rebuilds every chart)");
  });

  it("a check renders the panel once: one `show` per state change, none for an unchanged model", async () => {
    const panel = api.resultsPanel()!;
    const before = panel.postedShows;
    const rendered = nextEvent(panel.onDidReceiveMessage, "the webview to render the new report", (m) => m.type === "rendered");
    const report = await check();
    await rendered;
    assert.equal(panel.postedShows - before, 1, "one check posted `show` more than once (each post rebuilds every chart)");
    await api.tutor.presenter.refresh();
    assert.equal(panel.postedShows - before, 1, "an unchanged model was posted again");
    // One definition of a case count: the panel's report, the tree and Problems agree.
    const failing = report.summary.failed + report.summary.errored;
    assert.equal(api.tree.getTreeItem(exerciseNodes(api)[0]).description, `failed ${failing} of ${report.summary.total}`);
    const problems = vscode.languages.getDiagnostics(solutionUri()).map((d) => d.message);
    const counted = problems.flatMap((m) => [...m.matchAll(/(\d+) of (\d+) cases fail in (\w+)/g)]);
    assert.ok(counted.length > 0, `no case count in Problems: ${problems.join(" | ")}`);
    assert.ok(counted.every((m) => Number(m[2]) === report.summary.total), `Problems counts another total: ${problems.join(" | ")}`);
    assert.equal(counted.reduce((n, m) => n + Number(m[1]), 0), failing);
    assert.match(api.statusItem.text, new RegExp(`${failing} of ${report.summary.total} cases fail`));
  });

  it("a hint for another exercise opens there, and links back to the exercise being worked on", async () => {
    const other = { packId: PACK, exerciseId: "int4-scale" };
    const opened = await vscode.commands.executeCommand<number>("compressionTutor.showHint", other);
    assert.equal(opened, 1);
    const view = api.resultsPanel()!.currentModel.exercise!;
    assert.equal(view.exerciseId, "int4-scale");
    assert.equal(view.hints.length, 1);
    assert.equal(view.backTo?.exerciseId, EXERCISE, "the exercise the learner was working on is lost");
    await vscode.commands.executeCommand("compressionTutor.openExercise", KEY);
    const back = api.resultsPanel()!.currentModel.exercise!;
    assert.equal(back.exerciseId, EXERCISE);
    assert.equal(back.backTo, undefined);
    assert.equal(api.resultsPanel()!.currentModel.report?.status, "failed", "going back lost the exercise's report");
  });

  it("hints open one rung at a time", async () => {
    const before = api.resultsPanel()!.currentModel.exercise!.hints.length;
    await vscode.commands.executeCommand("compressionTutor.showHint", KEY);
    const view = api.resultsPanel()!.currentModel.exercise!;
    assert.equal(view.hints.length, before + 1);
    assert.ok(view.hintCount >= view.hints.length);
  });

  it("the fixed solution passes: diagnostics clear, the tree says passed, the reference becomes available", async () => {
    await writeAndSave(solutionUri(), RIGHT);
    const report = await check();
    assert.equal(report.status, "passed", JSON.stringify(report.cases.filter((c) => c.status !== "passed").slice(0, 2)));
    await until("diagnostics to clear", () => vscode.languages.getDiagnostics(solutionUri()).length === 0 || undefined);
    assert.equal(api.tree.getTreeItem(exerciseNodes(api)[0]).description, "passed");
    assert.match(api.statusItem.text, /[1-9]\d*\/\d+ passed/);
    const view = api.resultsPanel()!.currentModel.exercise!;
    const exercise = api.tutor.packs.find(PACK, EXERCISE)!.exercise;
    assert.ok(view.afterPass, "no after-pass section");
    assert.deepEqual(view.afterPass.unopenedHints, exercise.hints.slice(view.hints.length));
    assert.ok(view.afterPass.furtherReading.length > 0, "no further reading after a pass");
    assert.equal(view.next?.exerciseId, "int4-scale");
    assert.equal(await vscode.commands.executeCommand("compressionTutor.showReference", KEY), true);
    const shown = api.resultsPanel()!.currentModel.exercise!;
    assert.equal(shown.reference.kind, "shown");
    assert.equal(shown.afterPass?.yourSource, RIGHT, "the learner's solution is not beside the reference");
  });

  it("progress survives a reload: a fresh store over the persisted state reads the pass back by case id", () => {
    const fresh = new ProgressStore(api.tutor.extension.globalState);
    const progress = fresh.get(PACK, EXERCISE);
    assert.ok(progress?.everPassed);
    assert.equal(statusOf(progress, api.tutor.packs.find(PACK, EXERCISE)!.exercise).kind, "passed");
    fresh.dispose();
  });

  it("progress survives a page that lost globalState's last writes: the journal in global storage brings the pass back", async () => {
    const journal = new ProgressJournal(api.tutor.extension.globalStorageUri.fsPath);
    assert.ok(journal.read()[`${PACK}/${EXERCISE}`]?.everPassed, "the journal file does not hold the pass");
    // A memento that lost every write (what a browser window closed mid-write leaves behind).
    const values = new Map<string, unknown>();
    const lost = {
      keys: () => [...values.keys()],
      get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
      update: async (key: string, value: unknown) => void values.set(key, value),
      setKeysForSync: () => {},
    } as unknown as vscode.Memento & { setKeysForSync(keys: readonly string[]): void };
    const fresh = new ProgressStore(lost, journal);
    await fresh.restored;
    assert.ok(fresh.get(PACK, EXERCISE)?.everPassed, "the restored store lost the pass");
    assert.ok(values.size > 0, "the pass was not written back to globalState");
    fresh.dispose();
  });

  it("a results panel revived without its saved state (a reload that outran the lazy write) reopens on the exercise it showed, and re-checks it", async () => {
    api.resultsPanel()?.panel.dispose();
    // A revived panel re-checks only where checks follow saves (this suite turns that off for its other steps).
    const settings = vscode.workspace.getConfiguration("compressionTutor");
    await settings.update("checkOnSave", true, vscode.ConfigurationTarget.Global);
    try {
      const webviewPanel = vscode.window.createWebviewPanel("compressionTutor.results", "Compression Tutor", vscode.ViewColumn.Beside, { enableScripts: true });
      const checked = nextEvent(api.tutor.checks.onDidCheck, "the revived panel's check", (e) => e.key.exerciseId === EXERCISE, 30_000);
      const revived = api.tutor.presenter.revive(webviewPanel, undefined);
      const shown = await until("the revived panel to show the exercise", () => revived.currentModel.exercise, 30_000);
      assert.deepEqual({ packId: shown.packId, exerciseId: shown.exerciseId }, { packId: PACK, exerciseId: EXERCISE });
      assert.equal((await checked).report.status, "passed");
    } finally {
      await settings.update("checkOnSave", false, vscode.ConfigurationTarget.Global);
    }
  });

  it("reset asks first, keeps a backup, and the backup restores the learner's file", async () => {
    const before = await read(solutionUri());
    const result = await vscode.commands.executeCommand<{ file: string; backup?: string }>("compressionTutor.resetExercise", { ...KEY, confirmed: true });
    assert.ok(result?.backup, "reset made no backup");
    assert.equal(await read(solutionUri()), api.tutor.packs.find(PACK, EXERCISE)!.exercise.starter);
    assert.equal(await read(vscode.Uri.parse(result.backup)), before);
    const restored = await vscode.commands.executeCommand<{ file: string; backupOfCurrent?: string }>("compressionTutor.restoreBackup", { ...KEY, backup: result.backup });
    assert.ok(restored?.backupOfCurrent, "restoring did not back up the starter it replaced");
    assert.equal(await read(solutionUri()), before);
  });

  it("an invalid pack appears with its problems in the tree and the Problems panel instead of vanishing", async () => {
    const folder = vscode.Uri.joinPath(workspace(), "broken-pack");
    await vscode.workspace.fs.createDirectory(folder);
    const manifest = vscode.Uri.joinPath(folder, "pack.json");
    await vscode.workspace.fs.writeFile(manifest, new TextEncoder().encode('{\n  "id": "Not A Valid Id!",\n  "exercises": ["does-not-exist"]\n}\n'));
    await vscode.commands.executeCommand("compressionTutor.addPackFolder", folder);
    const loaded = await until("the broken pack to load", () => api.tutor.packs.packs.find((p) => p.folder.fsPath === folder.fsPath));
    assert.equal(loaded.pack, undefined);
    assert.ok(loaded.problems.some((p) => p.severity === "error"));
    const diagnostics = await until("diagnostics on the broken pack", () => {
      const found = vscode.languages.getDiagnostics().filter(([uri, list]) => uri.fsPath.startsWith(folder.fsPath) && list.length > 0);
      return found.length > 0 ? found : undefined;
    });
    assert.ok(diagnostics[0][1][0].message.length > 0);
    const packNode = api.tree.getChildren().find((n) => n.kind === "pack" && n.loaded.folder.fsPath === folder.fsPath)!;
    assert.equal(api.tree.getTreeItem(packNode).contextValue, "pack.invalid");
    assert.ok(api.tree.getChildren(packNode).some((n) => n.kind === "problem"));
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
  });

  it("Restricted Mode: exercises open and calculators run, but checking refuses (the command checks trust itself)", async () => {
    const trustAgain = actOutRestrictedMode(api);
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>("compressionTutor.openExercise", { packId: PACK, exerciseId: "int4-scale" });
      assert.ok(uri, "opening an exercise needs no trust");
      assert.equal(api.resultsPanel()!.currentModel.exercise?.canRun, false);
      const report = await vscode.commands.executeCommand("compressionTutor.checkExercise", { packId: PACK, exerciseId: "int4-scale" });
      assert.equal(report, undefined, "a check ran in Restricted Mode");
      assert.equal(api.tutor.checks.latestReport({ packId: PACK, exerciseId: "int4-scale" }), undefined);
      const memory = await vscode.commands.executeCommand("compressionTutor.calc.memory", { params: "7B", format: "int4", groupSize: 128 });
      assert.ok(memory, "the memory calculator gave no result in Restricted Mode");
    } finally {
      trustAgain();
    }
    const manifest = vscode.extensions.getExtension("compression-tutor.compression-tutor")!.packageJSON as { capabilities: { untrustedWorkspaces: { supported: unknown } } };
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, "limited");
  });
});
