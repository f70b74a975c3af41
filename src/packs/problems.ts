import type { PackProblem } from "../protocol/packProblem";
import type { JsonDocument, TextRange } from "./json/jsonDocument";

export type Severity = PackProblem["severity"];

/**
 * Collects the problems of one pack load. Every problem has a file and a position; helpers place them on a JSON
 * pointer, a text range or the whole file, so callers say what is wrong and let this say where.
 */
export class ProblemList {
  readonly items: PackProblem[] = [];

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === "error");
  }

  /** The number of errors so far; compare before and after a step to know whether that step failed. */
  get errorCount(): number {
    return this.items.filter((p) => p.severity === "error").length;
  }

  inFile(file: string, code: string, message: string, severity: Severity = "error"): void {
    this.items.push({ file, line: 1, column: 1, severity, code, message });
  }

  atRange(file: string, range: TextRange, code: string, message: string, severity: Severity = "error", jsonPath?: string): void {
    this.items.push({
      file,
      line: range.start.line,
      column: range.start.column,
      endLine: range.end.line,
      endColumn: range.end.column,
      ...(jsonPath !== undefined ? { jsonPath } : {}),
      severity,
      code,
      message,
    });
  }

  atPointer(
    file: string,
    doc: JsonDocument,
    pointer: string,
    code: string,
    message: string,
    severity: Severity = "error",
    at: "value" | "key" = "value",
  ): void {
    this.atRange(file, doc.locate(pointer, at), code, message, severity, pointer);
  }
}

/** Problems in reading order: by file, then line, then column. */
export function sortProblems(problems: PackProblem[]): PackProblem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}
