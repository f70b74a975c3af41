/**
 * What a TypeScript file exports, and where, found by reading its text: one answer for the pack checks (does the
 * starter export the check's function?), the runner (where to put a wrong answer) and the editor (which functions
 * get a CodeLens). Never by running it (packs are data), and without the TypeScript compiler (this runs on every
 * keystroke a CodeLens provider sees, and the compiler is not shipped).
 *
 * The rules, the same for every caller:
 * - only exports at the file's top level count (not `export` inside a `namespace` or `declare module` block);
 * - comments, strings, template literals and regular expressions are never read as code (maskSource.ts);
 * - `declare` exports have no value at run time (esbuild drops them), so they are not exports, only declarations;
 * - type-only exports (`export type`, `export interface`, `export type { … }`, `{ type T }`) are not exports;
 * - `export default …` exports "default"; `export { a as b }` exports "b", declared where `a` is;
 * - overloads and repeats count once, at their first declaration;
 * - a re-export of everything (`export *` from another file) makes the scan incomplete: a name not found may still be exported.
 */
import { maskSource } from "./maskSource";

/** 1-based line and 1-based column (UTF-16 code units), where the declared name starts. */
export interface SourcePosition {
  line: number;
  column: number;
}

export interface Declaration {
  at: SourcePosition;
  /** A function declaration, or a variable initialised with a function expression or an arrow function. */
  isFunction: boolean;
}

export interface ExportedName {
  /** The name an importer uses: "default" for the default export, `b` for `export { a as b }`. */
  name: string;
  /** Where its declaration is in this file; absent for a re-export from another file or an anonymous default. */
  at?: SourcePosition;
  isFunction: boolean;
}

export interface ExportScan {
  /** In the order of the file, each name once. */
  exports: ExportedName[];
  names: ReadonlySet<string>;
  /** False when the file re-exports `*` from another module, so that a name not listed may still be exported. */
  complete: boolean;
  /** Top-level declarations by name, exported or not (the first of each): where a name lives in the file. */
  declarations: ReadonlyMap<string, Declaration>;
}

const NAME = "[A-Za-z_$][\\w$]*";
/** Exported declarations: function, class, variable, enum, namespace; `declare`, `default`, `type` and `interface` noted. */
const EXPORT_DECLARATION = new RegExp(
  `\\bexport\\s+(?<declare>declare\\s+)?(?<dflt>default\\s+)?` +
    `(?:(?<fn>(?:async\\s+)?function\\b\\s*\\*?\\s*)|(?<cls>(?:abstract\\s+)?class\\b\\s*)|(?<enumNs>(?:const\\s+)?enum\\s+|namespace\\s+|module\\s+)|(?<variable>(?:const|let|var)\\s+)|(?<typeOnly>type\\s+(?!\\{)|interface\\s+))?` +
    `(?<name>${NAME})?`,
  "dg",
);
const EXPORT_LIST = /\bexport\s+(?<typeOnly>type\s+)?\{(?<items>[^}]*)\}(?<from>\s*from\s*["'])?/dg;
const EXPORT_STAR = new RegExp(`\\bexport\\s*\\*\\s*(?:as\\s+(?<name>${NAME})\\s*)?from\\b`, "dg");
const DECLARATION = new RegExp(`\\b(?<declare>declare\\s+)?(?:(?<fn>(?:async\\s+)?function\\b\\s*\\*?\\s*)|(?:abstract\\s+)?class\\s+|(?:const\\s+)?enum\\s+|(?<variable>(?:const|let|var)\\s+))(?<name>${NAME})`, "dg");
const CLASS_HERITAGE = new Set(["extends", "implements"]);
/** How far a type annotation or a parameter list is followed: a real one is far shorter; a hostile file stays linear. */
const LOOK_AHEAD = 10_000;

export function scanExports(source: string): ExportScan {
  const code = maskSource(source);
  const depthAt = braceDepths(code);
  const positionOf = positionsIn(source);
  const topLevel = (index: number): boolean => depthAt(index) === 0;

  const declarations = new Map<string, Declaration>();
  for (const m of code.matchAll(DECLARATION)) {
    const g = m.groups!;
    if (!topLevel(m.index!) || declarations.has(g.name)) continue;
    const nameStart = m.indices!.groups!.name![0];
    declarations.set(g.name, { at: positionOf(nameStart), isFunction: g.fn !== undefined || (g.variable !== undefined && initialisedWithFunction(code, nameStart + g.name.length)) });
  }

  const found: { index: number; entry: ExportedName }[] = [];
  const add = (index: number, entry: ExportedName): void => void found.push({ index, entry });
  let complete = true;

  for (const m of code.matchAll(EXPORT_DECLARATION)) {
    const g = m.groups!;
    if (!topLevel(m.index!) || g.declare !== undefined || g.typeOnly !== undefined) continue;
    if (g.dflt === undefined && (g.fn ?? g.cls ?? g.variable ?? g.enumNs) === undefined) continue; // `export {`, `export *`, `export =`, `export import`
    const named = g.name !== undefined && !(g.cls !== undefined && CLASS_HERITAGE.has(g.name));
    if (g.dflt !== undefined) {
      // `export default function f`, `export default class C`, or an expression (`export default (x) => x`).
      const declared = g.fn !== undefined || g.cls !== undefined;
      if (declared) add(m.index!, { name: "default", ...(named ? { at: positionOf(m.indices!.groups!.name![0]) } : {}), isFunction: g.fn !== undefined });
      else {
        // `export default quantize;` is declared where `quantize` is; any other expression is where it is written.
        const local = named && /^\s*;/.test(code.slice(m.indices!.groups!.name![1])) ? declarations.get(g.name!) : undefined;
        add(m.index!, { name: "default", at: local?.at ?? positionOf(m.indices!.groups!.dflt![0]), isFunction: local?.isFunction ?? functionExpressionAt(code, m.indices!.groups!.dflt![1]) });
      }
      continue;
    }
    if (!named) continue;
    const local = declarations.get(g.name!);
    add(m.index!, { name: g.name!, at: positionOf(m.indices!.groups!.name![0]), isFunction: g.fn !== undefined || (g.variable !== undefined && (local?.isFunction ?? false)) });
  }

  for (const m of code.matchAll(EXPORT_LIST)) {
    const g = m.groups!;
    if (!topLevel(m.index!) || g.typeOnly !== undefined) continue;
    const reExport = g.from !== undefined;
    for (const item of g.items.split(",")) {
      const parts = item.trim().split(/\s+as\s+/);
      const localName = parts[0].trim();
      const exported = (parts[1] ?? parts[0]).trim();
      if (!localName || /^type\s/.test(localName) || !new RegExp(`^${NAME}$`).test(exported)) continue;
      const local = reExport ? undefined : declarations.get(localName);
      add(m.index!, { name: exported, ...(local ? { at: local.at } : {}), isFunction: local?.isFunction ?? false });
    }
  }

  for (const m of code.matchAll(EXPORT_STAR)) {
    if (!topLevel(m.index!)) continue;
    if (m.groups!.name !== undefined) add(m.index!, { name: m.groups!.name, isFunction: false });
    else complete = false;
  }

  const exports: ExportedName[] = [];
  const names = new Set<string>();
  for (const { entry } of found.sort((a, b) => a.index - b.index)) {
    if (names.has(entry.name)) continue;
    names.add(entry.name);
    exports.push(entry);
  }
  return { exports, names, complete, declarations };
}

/**
 * Whether the variable whose name ends at `afterName` is initialised with a function: skips a type annotation
 * (`: (x: number) => number`) to its `=`, then looks at what follows.
 */
function initialisedWithFunction(code: string, afterName: number): boolean {
  let k = skipSpace(code, afterName);
  if (code[k] === ":") {
    let depth = 0;
    const end = Math.min(code.length, k + LOOK_AHEAD);
    for (k++; k < end; k++) {
      const c = code[k];
      if (c === "=" && code[k + 1] === ">") k++;
      else if ("([{<".includes(c)) depth++;
      else if (")]}>".includes(c)) depth--;
      else if (depth === 0 && (c === ";" || c === ",")) return false;
      else if (depth === 0 && c === "=") break;
      if (depth < 0) return false;
    }
  }
  if (code[k] !== "=" || code[k + 1] === "=" || code[k + 1] === ">") return false;
  return functionExpressionAt(code, k + 1);
}

/** Whether a function expression or an arrow function starts at `at` (after white space and `async`). */
function functionExpressionAt(code: string, at: number): boolean {
  let k = skipSpace(code, at);
  const asyncWord = /^async\b/.exec(code.slice(k, k + 6));
  if (asyncWord) k = skipSpace(code, k + 5);
  if (/^function\b/.test(code.slice(k, k + 9))) return true;
  const single = new RegExp(`^${NAME}\\s*=>`).exec(code.slice(k, k + 200));
  if (single) return true;
  if (code[k] === "<") k = skipSpace(code, closing(code, k, "<", ">") + 1); // generic arrow: <T>(x: T) => x
  if (code[k] !== "(") return false;
  const after = skipSpace(code, closing(code, k, "(", ")") + 1);
  // `(…) =>`, or `(…): ReturnType =>`: a parenthesised expression is never followed by `:` right after `=`.
  return code.startsWith("=>", after) || code[after] === ":";
}

/** The index of the bracket closing the one opened at `open`, or the text's end (or LOOK_AHEAD past `open`). */
function closing(code: string, open: number, opener: string, closer: string): number {
  let depth = 0;
  const end = Math.min(code.length, open + LOOK_AHEAD);
  for (let k = open; k < end; k++) {
    if (code[k] === "=" && code[k + 1] === ">") {
      k++;
      continue;
    }
    if (code[k] === opener) depth++;
    else if (code[k] === closer && --depth === 0) return k;
  }
  return code.length;
}

function skipSpace(code: string, at: number): number {
  let k = at;
  while (k < code.length && /\s/.test(code[k])) k++;
  return k;
}

/** The `{}` nesting depth at any offset of the masked code (answered in increasing or any order). */
function braceDepths(code: string): (index: number) => number {
  const depth = new Int32Array(code.length + 1);
  let d = 0;
  for (let k = 0; k < code.length; k++) {
    depth[k] = d;
    if (code[k] === "{") d++;
    else if (code[k] === "}") d = Math.max(0, d - 1);
  }
  depth[code.length] = d;
  return (index) => depth[index];
}

/** Offset → 1-based line and UTF-16 column, by binary search over the line starts. */
function positionsIn(text: string): (offset: number) => SourcePosition {
  const starts = [0];
  for (let k = 0; k < text.length; k++) if (text[k] === "\n") starts.push(k + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}
