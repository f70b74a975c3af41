/**
 * Positions in the learner's file as editors count them: 1-based lines, 1-based columns in UTF-16 code units.
 * esbuild reports columns in UTF-8 bytes, so a line with "é" or "→" before the error would put the squiggle
 * too far right without this conversion.
 */

/** Converts esbuild's 0-based UTF-8 byte column on `lineText` to a 1-based UTF-16 column. */
export function byteColumnToUtf16Column(lineText: string, byteColumn: number): number {
  const bytes = Buffer.from(lineText, "utf8");
  const prefix = bytes.subarray(0, Math.max(0, Math.min(byteColumn, bytes.length))).toString("utf8");
  // A cut in the middle of a multi-byte character decodes to U+FFFD; it still counts as one column.
  return prefix.length + 1;
}

/** The 1-based line and column of the declaration of an exported function named `name`, if the text has one. */
export function findExportedDeclaration(sourceText: string, name: string): { line: number; column: number } | undefined {
  const escaped = name.replace(/[$]/g, "\\$");
  const patterns = [
    new RegExp(`export\\s+(?:async\\s+)?function\\s*\\*?\\s*(${escaped})\\b`),
    new RegExp(`export\\s+(?:const|let|var)\\s+(${escaped})\\b`),
    new RegExp(`(?:^|[^.\\w$])function\\s+(${escaped})\\b`),
    new RegExp(`(?:const|let|var)\\s+(${escaped})\\s*[=:]`),
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(sourceText);
    if (!match) continue;
    const offset = match.index + match[0].lastIndexOf(match[1]);
    const before = sourceText.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - (before.lastIndexOf("\n") + 1) + 1;
    return { line, column };
  }
  return undefined;
}
