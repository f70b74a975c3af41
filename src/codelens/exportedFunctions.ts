/**
 * The exported functions of a solution file, where the editor shows them (0-based line and column of the name):
 * the shared export scan (src/sourceScan), which needs no TypeScript parse, so it can run on every keystroke a
 * CodeLens provider sees.
 */
import { scanExports } from "../sourceScan/scanExports";

export interface ExportedFunction {
  name: string;
  /** 0-based line of the declaration. */
  line: number;
  /** 0-based column where the name starts. */
  column: number;
}

export function exportedFunctions(text: string): ExportedFunction[] {
  return scanExports(text).exports.flatMap((e) => (e.isFunction && e.at ? [{ name: e.name, line: e.at.line - 1, column: e.at.column - 1 }] : []));
}
