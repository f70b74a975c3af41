import * as vscode from "vscode";
import type { CheckReport } from "../protocol/checkReport";
import type { PackProblem } from "../protocol/packProblem";
import { packProblemDiagnostics, reportDiagnostics, type PlainDiagnostic } from "./diagnosticModel";

const SEVERITY: Record<PlainDiagnostic["severity"], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function toDiagnostic(d: PlainDiagnostic): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(new vscode.Range(d.startLine, d.startColumn, d.endLine, d.endColumn), d.message, SEVERITY[d.severity]);
  diagnostic.source = d.source;
  if (d.code) diagnostic.code = d.code;
  return diagnostic;
}

/**
 * The two DiagnosticCollections the extension owns: one for check results in learners' files (replaced
 * per file on every check, so a fixed line clears), one for problems in packs (replaced on every load).
 */
export class TutorDiagnostics implements vscode.Disposable {
  private readonly checks = vscode.languages.createDiagnosticCollection("compression-tutor-checks");
  private readonly packs = vscode.languages.createDiagnosticCollection("compression-tutor-packs");
  /** Files each report touched, so the next report for the same solution clears them too. */
  private readonly touchedBySolution = new Map<string, string[]>();

  showReport(report: CheckReport): void {
    for (const file of this.touchedBySolution.get(report.file) ?? []) this.checks.delete(vscode.Uri.file(file));
    const byFile = reportDiagnostics(report);
    for (const [file, list] of byFile) this.checks.set(vscode.Uri.file(file), list.map(toDiagnostic));
    this.touchedBySolution.set(report.file, [...byFile.keys()]);
  }

  clearSolution(file: string): void {
    for (const touched of this.touchedBySolution.get(file) ?? [file]) this.checks.delete(vscode.Uri.file(touched));
    this.touchedBySolution.delete(file);
  }

  showPackProblems(problems: readonly PackProblem[]): void {
    this.packs.clear();
    for (const [file, list] of packProblemDiagnostics(problems)) this.packs.set(vscode.Uri.file(file), list.map(toDiagnostic));
  }

  dispose(): void {
    this.checks.dispose();
    this.packs.dispose();
  }
}
