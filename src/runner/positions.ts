/**
 * Positions in the learner's file as editors count them: 1-based lines, 1-based columns in UTF-16 code units.
 * esbuild reports columns in UTF-8 bytes, so a line with "é" or "→" before the error would put the squiggle
 * too far right without this conversion.
 */
import { scanExports } from "../sourceScan/scanExports";

/** Converts esbuild's 0-based UTF-8 byte column on `lineText` to a 1-based UTF-16 column. */
export function byteColumnToUtf16Column(lineText: string, byteColumn: number): number {
  const bytes = Buffer.from(lineText, "utf8");
  const prefix = bytes.subarray(0, Math.max(0, Math.min(byteColumn, bytes.length))).toString("utf8");
  // A cut in the middle of a multi-byte character decodes to U+FFFD; it still counts as one column.
  return prefix.length + 1;
}

/**
 * The 1-based line and column where a wrong answer of the exported function `name` is shown: its declaration
 * (for `export { a as name }`, where `a` is declared), else a top-level declaration of that name that is not
 * exported (the learner forgot `export`), else undefined.
 */
export function findExportedDeclaration(sourceText: string, name: string): { line: number; column: number } | undefined {
  const scan = scanExports(sourceText);
  return scan.exports.find((e) => e.name === name)?.at ?? scan.declarations.get(name)?.at;
}
