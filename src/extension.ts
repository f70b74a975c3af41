import * as vscode from "vscode";
import { TutorContext } from "./context";
import { registerCommands } from "./commands";
import { ExercisesTreeProvider } from "./views/exercisesTree";
import { registerResultsSerializer, ResultsPanel } from "./webview/resultsPanel";

/** What activate returns: the handles integration tests drive. Not a public API. */
export interface TutorApi {
  ctx: TutorContext;
  tree: ExercisesTreeProvider;
  resultsPanel(): ResultsPanel | undefined;
  activatedInMs: number;
}

export function activate(extension: vscode.ExtensionContext): TutorApi {
  const started = performance.now();
  const ctx = new TutorContext(extension);
  const tree = ctx.push(new ExercisesTreeProvider());
  ctx.push(vscode.window.createTreeView("compressionTutor.exercises", { treeDataProvider: tree, showCollapseAll: true }));
  ctx.push(registerResultsSerializer(ctx));
  registerCommands(ctx);
  const activatedInMs = performance.now() - started;
  ctx.log.info(`activated in ${activatedInMs.toFixed(1)} ms`);
  return { ctx, tree, resultsPanel: () => ResultsPanel.active, activatedInMs };
}

export function deactivate(): void {
  // Everything is owned by TutorContext, which VS Code disposes through extension.subscriptions.
}
