import * as vscode from "vscode";
import { registerCalculatorCommands } from "../calculators/vscode/registerCalculatorCommands";
import { CheckCodeLensProvider } from "../codelens/checkCodeLens";
import { registerCommands } from "../commands/registerCommands";
import { registerInspect } from "../inspect/registerInspect";
import { registerPlayground } from "../playground/registerPlayground";
import { registerCheckOnSave } from "../services/checkOnSave";
import { ExercisesTreeProvider } from "../views/exercisesTree";
import { openOnFirstRun } from "../views/firstRun";
import { ProgressStatusItem } from "../views/progressStatusItem";
import { TutorTestController } from "../views/tutorTestController";
import { registerResultsSerializer, type ResultsPanel } from "../webview/resultsPanel";
import { TutorContext } from "./tutorContext";

/** What activate returns: the handles integration tests drive. Not a public API. */
export interface TutorApi {
  /** The context: every service, the panels, the log, workspace trust. */
  tutor: TutorContext;
  tree: ExercisesTreeProvider;
  testController: TutorTestController;
  statusItem: ProgressStatusItem;
  resultsPanel(): ResultsPanel | undefined;
  activatedInMs: number;
}

/**
 * Builds the context (which builds every service once and owns it), then the views and commands on top of it.
 * Nothing heavy happens here: packs load in the background and the runner's process starts on the first check.
 */
export function activate(extension: vscode.ExtensionContext): TutorApi {
  const started = performance.now();
  const tutor = new TutorContext(extension);
  const { packs, progress, solutions, checks, diagnostics } = tutor;

  const tree = tutor.register(new ExercisesTreeProvider(packs, progress));
  tutor.register(vscode.window.createTreeView("compressionTutor.exercises", { treeDataProvider: tree, showCollapseAll: true }));
  const testController = tutor.register(new TutorTestController(packs, solutions, checks));
  const statusItem = tutor.register(new ProgressStatusItem(packs, progress, checks));
  tutor.register(vscode.languages.registerCodeLensProvider({ language: "typescript", scheme: "file" }, tutor.register(new CheckCodeLensProvider(solutions, checks))));
  tutor.register(packs.onDidChange(() => diagnostics.showPackProblems(packs.problems)));
  registerResultsSerializer(tutor);
  tutor.register(registerCheckOnSave(tutor));
  registerCommands(tutor);
  registerCalculatorCommands(tutor);
  registerPlayground(tutor);
  registerInspect(tutor);
  void packs.reload();
  void openOnFirstRun(extension).catch((error) => tutor.log.error(`first-run welcome: ${error instanceof Error ? error.message : String(error)}`));

  const activatedInMs = performance.now() - started;
  tutor.log.info(`activated in ${activatedInMs.toFixed(1)} ms`);
  return { tutor, tree, testController, statusItem, resultsPanel: () => tutor.presenter.panel, activatedInMs };
}

export function deactivate(): void {
  // Everything is owned by TutorContext, which VS Code disposes through extension.subscriptions.
}
