import * as vscode from "vscode";
import { registerCalculatorCommands } from "../calculators/vscode/registerCalculatorCommands";
import { registerCheckOnSave } from "../services/checkOnSave";
import { CheckService } from "../services/checkService";
import { CheckCodeLensProvider } from "../codelens/checkCodeLens";
import { registerCommands } from "../commands/registerCommands";
import { TutorContext } from "./tutorContext";
import { TutorDiagnostics } from "../diagnostics/tutorDiagnostics";
import { PackRegistry } from "../services/packRegistry";
import { registerPlayground } from "../playground/registerPlayground";
import { registerInspect } from "../inspect/registerInspect";
import { ProgressJournal } from "../progress/progressJournal";
import { ProgressStore } from "../progress/progressStore";
import { ProgressStatusItem } from "../views/progressStatusItem";
import { TutorTestController } from "../views/tutorTestController";
import { simulateWorkspaceTrust } from "./trust";
import type { Tutor } from "./tutor";
import { ExercisesTreeProvider } from "../views/exercisesTree";
import { openOnFirstRun } from "../views/firstRun";
import { ExercisePresenter } from "../webview/exercisePresenter";
import { registerResultsSerializer, ResultsPanel } from "../webview/resultsPanel";
import { SolutionFiles } from "../workspace/solutionFiles";

/** What activate returns: the handles integration tests drive. Not a public API. */
export interface TutorApi {
  ctx: TutorContext;
  tutor: Tutor;
  tree: ExercisesTreeProvider;
  testController: TutorTestController;
  statusItem: ProgressStatusItem;
  resultsPanel(): ResultsPanel | undefined;
  /** Integration tests simulate Restricted Mode with this (their VS Code runs with workspace trust off). */
  simulateWorkspaceTrust(trusted: boolean | undefined): void;
  activatedInMs: number;
}

/**
 * Builds every service once, owned by the context. Nothing heavy happens here: packs load in the
 * background and the runner's process starts on the first check.
 */
export function activate(extension: vscode.ExtensionContext): TutorApi {
  const started = performance.now();
  const ctx = new TutorContext(extension);
  const packs = ctx.push(new PackRegistry(ctx));
  const solutions = new SolutionFiles(ctx);
  const progress = ctx.push(new ProgressStore(extension.globalState, new ProgressJournal(extension.globalStorageUri.fsPath, (message) => ctx.log.warn(message))));
  const diagnostics = ctx.push(new TutorDiagnostics());
  const checks = ctx.push(new CheckService(ctx, packs, solutions, progress, diagnostics));
  const presenter = ctx.push(new ExercisePresenter(ctx, packs, solutions, progress, checks));
  const tutor: Tutor = { ctx, packs, solutions, progress, diagnostics, checks, presenter };

  const tree = ctx.push(new ExercisesTreeProvider(packs, progress));
  ctx.push(vscode.window.createTreeView("compressionTutor.exercises", { treeDataProvider: tree, showCollapseAll: true }));
  const testController = ctx.push(new TutorTestController(packs, solutions, checks));
  const statusItem = ctx.push(new ProgressStatusItem(packs, progress, checks));
  ctx.push(vscode.languages.registerCodeLensProvider({ language: "typescript", scheme: "file" }, ctx.push(new CheckCodeLensProvider(solutions, checks))));
  ctx.push(packs.onDidChange(() => diagnostics.showPackProblems(packs.problems)));
  ctx.push(registerResultsSerializer(ctx));
  ctx.push(registerCheckOnSave(tutor));
  registerCommands(tutor);
  registerCalculatorCommands(ctx);
  registerPlayground(ctx);
  registerInspect(ctx);
  void packs.reload();
  void openOnFirstRun(extension).catch((error) => ctx.log.error(`first-run welcome: ${error instanceof Error ? error.message : String(error)}`));

  const activatedInMs = performance.now() - started;
  ctx.log.info(`activated in ${activatedInMs.toFixed(1)} ms`);
  return { ctx, tutor, tree, testController, statusItem, resultsPanel: () => ResultsPanel.active, simulateWorkspaceTrust, activatedInMs };
}

export function deactivate(): void {
  // Everything is owned by TutorContext, which VS Code disposes through extension.subscriptions.
}
