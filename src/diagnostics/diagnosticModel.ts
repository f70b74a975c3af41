/**
 * Report diagnostics and pack problems as plain, 0-based ranges grouped by file: the one place where the
 * runner's 1-based positions become an editor's, kept free of vscode so it is unit-tested.
 */
import type { CheckReport, ReportDiagnostic } from "../protocol/checkReport";
import type { PackProblem } from "../protocol/packProblem";

export interface PlainDiagnostic {
  /** 0-based; when end equals start, VS Code underlines the word at the start. */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  severity: "error" | "warning" | "info";
  message: string;
  source: string;
  code?: string;
}

function toRange(p: { line: number; column: number; endLine?: number; endColumn?: number }) {
  const startLine = Math.max(0, p.line - 1);
  const startColumn = Math.max(0, p.column - 1);
  const endLine = p.endLine !== undefined ? Math.max(startLine, p.endLine - 1) : startLine;
  const endColumn = p.endColumn !== undefined ? Math.max(0, p.endColumn - 1) : startColumn;
  return { startLine, startColumn, endLine, endColumn: endLine === startLine ? Math.max(startColumn, endColumn) : endColumn };
}

function push(map: Map<string, PlainDiagnostic[]>, file: string, diagnostic: PlainDiagnostic): void {
  const list = map.get(file);
  if (list) list.push(diagnostic);
  else map.set(file, [diagnostic]);
}

/** A check report's diagnostics by file. The report's file is always present, so fixed problems clear. */
export function reportDiagnostics(report: CheckReport): Map<string, PlainDiagnostic[]> {
  const byFile = new Map<string, PlainDiagnostic[]>([[report.file, []]]);
  for (const d of report.diagnostics) push(byFile, d.file, fromReport(d));
  return byFile;
}

function fromReport(d: ReportDiagnostic): PlainDiagnostic {
  return { ...toRange(d), severity: d.severity, message: d.message, source: `Compression Tutor (${d.source})` };
}

/** Pack problems by file, each carrying its stable code so instructors can search for it. */
export function packProblemDiagnostics(problems: readonly PackProblem[]): Map<string, PlainDiagnostic[]> {
  const byFile = new Map<string, PlainDiagnostic[]>();
  for (const p of problems) {
    const where = p.jsonPath ? ` (at ${p.jsonPath})` : "";
    push(byFile, p.file, { ...toRange(p), severity: p.severity, message: `${p.message}${where}`, source: "Compression Tutor pack", code: p.code });
  }
  return byFile;
}
