/**
 * The names a TypeScript file exports, found by reading its text (never by running it: packs are data).
 * A scan, not a compiler: `complete` is false when the file re-exports `*` from elsewhere, and then a name not
 * found may still be exported.
 */
export interface ExportScan {
  names: Set<string>;
  complete: boolean;
}

const IDENTIFIER = "[A-Za-z_$][\\w$]*";

export function scanExports(source: string): ExportScan {
  const code = stripComments(source);
  const names = new Set<string>();
  const declaration = new RegExp(
    `\\bexport\\s+(?:declare\\s+)?(?:default\\s+)?(?:async\\s+)?(?:function\\s*\\*?|const|let|var|(?:abstract\\s+)?class)\\s+(${IDENTIFIER})`,
    "g",
  );
  for (const match of code.matchAll(declaration)) names.add(match[1]);
  for (const match of code.matchAll(/\bexport\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const item of match[1].split(",")) {
      const parts = item.trim().split(/\s+as\s+/);
      const exported = (parts[1] ?? parts[0]).trim();
      if (exported && !exported.startsWith("type ")) names.add(exported);
    }
  }
  if (/\bexport\s+default\b/.test(code)) names.add("default");
  return { names, complete: !/\bexport\s*\*/.test(code) };
}

/** Comments replaced by spaces; strings and template literals are kept so that "//" inside them survives. */
function stripComments(source: string): string {
  return source.replace(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (whole, literal) =>
    literal !== undefined ? literal : " ".repeat(whole.length),
  );
}
