import * as vscode from "vscode";
import { Disposable } from "../extension/disposable";
import type { CheckService } from "../services/checkService";
import { config } from "../extension/config";
import type { SolutionFiles } from "../workspace/solutionFiles";
import { caseCountText, functionCaseCountText } from "../protocol/caseCounts";
import { exportedFunctions } from "./exportedFunctions";

/**
 * A "Check" CodeLens above each exported function of a solution file, with the latest result of the
 * cases that call that function; refreshed after every check.
 */
export class CheckCodeLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;
  constructor(
    private readonly solutions: SolutionFiles,
    private readonly checks: CheckService,
  ) {
    super();
    this.registerAll(
      checks.onDidCheck(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => config.affects(e, "codeLens") && this.changed.fire()),
    );
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!config.codeLens()) return [];
    const key = this.solutions.keyOf(document.uri);
    if (!key) return [];
    const report = this.checks.latestReport(key);
    const lenses: vscode.CodeLens[] = [];
    exportedFunctions(document.getText()).forEach((fn, i) => {
      const range = new vscode.Range(fn.line, 0, fn.line, 0);
      // Counted as every view counts (protocol/caseCounts): out of the exercise's cases, the share in this function.
      const cases = report?.cases.filter((c) => c.function === fn.name) ?? [];
      const failed = cases.filter((c) => c.status !== "passed").length;
      const result = !report || cases.length === 0 ? "" : ` · ${report.status === "passed" ? caseCountText(report) : functionCaseCountText(failed, report.summary.total, fn.name)}`;
      lenses.push(new vscode.CodeLens(range, { title: `$(play) ${vscode.l10n.t("Check")}${result}`, command: "compressionTutor.checkExercise", arguments: [key], tooltip: vscode.l10n.t("Run this exercise's cases against your file") }));
      if (i === 0) lenses.push(new vscode.CodeLens(range, { title: `$(lightbulb) ${vscode.l10n.t("Hint")}`, command: "compressionTutor.showHint", arguments: [key] }));
    });
    return lenses;
  }

}
