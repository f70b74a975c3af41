/**
 * Positions for what went wrong, in the learner's files: compile errors where esbuild found them (byte
 * columns converted to UTF-16), runtime errors at the deepest stack frame in the learner's code (through the
 * bundle's source map), wrong answers at the exported function's declaration.
 */
import path from "node:path";
import type { ReportDiagnostic } from "../protocol/checkReport";
import { SANDBOX_BUNDLE_NAME, type CompileMessage } from "../protocol/runnerIpc";
import { byteColumnToUtf16Column, findExportedDeclaration } from "./positions";
import { firstBundleFrame, SourceMapLookup } from "./sourceMap";

/** esbuild names files relative to its working directory ("/" in the sandbox) or absolutely. */
function absoluteFile(file: string | undefined, entry: string): string {
  if (!file) return entry;
  if (path.isAbsolute(file)) return file;
  const fromRoot = path.resolve("/", file);
  return fromRoot;
}

export function compileDiagnostic(message: CompileMessage, entry: string): ReportDiagnostic {
  const column = message.lineText !== undefined && message.columnBytes !== undefined ? byteColumnToUtf16Column(message.lineText, message.columnBytes) : 1;
  const diagnostic: ReportDiagnostic = {
    file: absoluteFile(message.file, entry),
    line: message.line ?? 1,
    column,
    severity: message.severity,
    message: message.text,
    source: "compile",
  };
  if (message.lineText !== undefined && message.columnBytes !== undefined && message.lengthBytes) {
    diagnostic.endLine = diagnostic.line;
    diagnostic.endColumn = byteColumnToUtf16Column(message.lineText, message.columnBytes + message.lengthBytes);
  }
  return diagnostic;
}

/** Maps runtime stack frames of one bundle back to source positions. */
export class StackMapper {
  private readonly lookup: SourceMapLookup | undefined;

  constructor(
    sourceMap: string | undefined,
    private readonly entry: string,
  ) {
    try {
      this.lookup = sourceMap ? new SourceMapLookup(sourceMap) : undefined;
    } catch {
      this.lookup = undefined;
    }
  }

  /** The learner-file position of the first bundle frame in `stack`, if any. */
  positionOf(stack: string | undefined): { file: string; line: number; column: number } | undefined {
    if (!stack || !this.lookup) return undefined;
    const frame = firstBundleFrame(stack, SANDBOX_BUNDLE_NAME);
    if (!frame) return undefined;
    const original = this.lookup.originalPositionFor(frame.line, frame.column);
    if (!original) return undefined;
    // The bundle is written next to the entry file, so `sources` are relative to the entry's folder.
    return { file: path.resolve(path.dirname(this.entry), original.source), line: original.line, column: original.column };
  }
}

/** Where a wrong answer of `fn` is reported: its exported declaration, else the top of the file. */
export function declarationDiagnostic(entry: string, entryText: string | undefined, fn: string, message: string): ReportDiagnostic {
  const position = (entryText !== undefined ? findExportedDeclaration(entryText, fn) : undefined) ?? { line: 1, column: 1 };
  return { file: entry, line: position.line, column: position.column, endLine: position.line, endColumn: position.column + fn.length, severity: "error", message, source: "check" };
}
