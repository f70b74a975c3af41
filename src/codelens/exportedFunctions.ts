/**
 * Where a solution file declares its exported functions, found with a light scan (no TypeScript parse:
 * this runs on every keystroke a CodeLens provider sees). Pure, for unit tests.
 */
export interface ExportedFunction {
  name: string;
  /** 0-based line of the declaration. */
  line: number;
  /** 0-based column where the name starts. */
  column: number;
}

const DECLARATION = /^[ \t]*export\s+(?:default\s+)?(?:async\s+)?(?:function\s*\*?\s*([A-Za-z_$][\w$]*)|(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]*(?:=>[^=]*)*)?=\s*(?:async\s+)?(?:function\b|\(|[A-Za-z_$][\w$]*\s*=>))/;

export function exportedFunctions(text: string): ExportedFunction[] {
  const found: ExportedFunction[] = [];
  const lines = text.split(/\r?\n/);
  let inBlockComment = false;
  lines.forEach((line, index) => {
    if (inBlockComment) {
      if (line.includes("*/")) inBlockComment = false;
      return;
    }
    if (/^\s*\/\*/.test(line) && !line.includes("*/")) {
      inBlockComment = true;
      return;
    }
    const match = DECLARATION.exec(line);
    const name = match?.[1] ?? match?.[2];
    if (name) found.push({ name, line: index, column: line.indexOf(name, line.indexOf("export")) });
  });
  return found;
}
