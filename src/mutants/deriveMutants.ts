/**
 * Mutants of a reference solution: each one a plausible wrong solution that differs from the reference by one
 * small edit, derived from its syntax tree with the TypeScript compiler API (the edit replaces one node's text,
 * so everything else stays byte for byte). The operators are the mistakes learners make in this subject:
 * the wrong rounding function, a flipped comparison or arithmetic operator, an off-by-one, swapped arguments,
 * a dropped max-subtraction or clamp, a different log base, a changed constant.
 *
 * A mutant's id names its operator and position (`max→min@12:17`), so an author can record it as equivalent
 * in exercise.json and the record stays attached while the reference does not change.
 */
import ts from "typescript";

export interface Mutant {
  /** `<operator>@<line>:<column>` (1-based, of the replaced node), stable while the reference is unchanged. */
  id: string;
  /** What the edit does, in words: "Math.max → Math.min". */
  description: string;
  line: number;
  column: number;
  /** The mutated line, for the report. */
  mutatedLine: string;
  /** The whole mutated source. */
  source: string;
}

interface Edit {
  operator: string;
  description: string;
  start: number;
  end: number;
  text: string;
}

const ROUNDING = ["round", "floor", "ceil", "trunc"];
const LOGS = ["log", "log2", "log10"];
const COMMUTATIVE = ["min", "max", "hypot"];

const COMPARISON_FLIPS: Partial<Record<ts.SyntaxKind, ts.SyntaxKind[]>> = {
  [ts.SyntaxKind.LessThanToken]: [ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanToken],
  [ts.SyntaxKind.LessThanEqualsToken]: [ts.SyntaxKind.LessThanToken, ts.SyntaxKind.GreaterThanEqualsToken],
  [ts.SyntaxKind.GreaterThanToken]: [ts.SyntaxKind.GreaterThanEqualsToken, ts.SyntaxKind.LessThanToken],
  [ts.SyntaxKind.GreaterThanEqualsToken]: [ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.LessThanEqualsToken],
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: [ts.SyntaxKind.ExclamationEqualsEqualsToken],
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: [ts.SyntaxKind.EqualsEqualsEqualsToken],
};

const ARITHMETIC_FLIPS: Partial<Record<ts.SyntaxKind, ts.SyntaxKind[]>> = {
  [ts.SyntaxKind.PlusToken]: [ts.SyntaxKind.MinusToken],
  [ts.SyntaxKind.MinusToken]: [ts.SyntaxKind.PlusToken],
  [ts.SyntaxKind.AsteriskToken]: [ts.SyntaxKind.SlashToken],
  [ts.SyntaxKind.SlashToken]: [ts.SyntaxKind.AsteriskToken],
  [ts.SyntaxKind.PlusEqualsToken]: [ts.SyntaxKind.MinusEqualsToken],
  [ts.SyntaxKind.MinusEqualsToken]: [ts.SyntaxKind.PlusEqualsToken],
  [ts.SyntaxKind.AsteriskEqualsToken]: [ts.SyntaxKind.SlashEqualsToken],
  [ts.SyntaxKind.SlashEqualsToken]: [ts.SyntaxKind.AsteriskEqualsToken],
};

/** `Math.<name>` as a property access, or undefined. */
function mathMember(node: ts.Node): string | undefined {
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Math") return node.name.text;
  return undefined;
}

/** Whether an edit here could only make a loop endless (its step) rather than wrong. */
function inLoopStep(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    const parent: ts.Node | undefined = n.parent;
    if (parent && ts.isForStatement(parent) && parent.incrementor === n) return true;
  }
  return false;
}

/** Parts of the file that describe types, not computations. */
function inTypePosition(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isTypeNode(n) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) return true;
  }
  return false;
}

function editsAt(node: ts.Node, file: ts.SourceFile): Edit[] {
  const edits: Edit[] = [];
  const text = (n: ts.Node): string => n.getText(file);
  const replace = (operator: string, description: string, target: ts.Node, replacement: string): void => {
    edits.push({ operator, description, start: target.getStart(file), end: target.getEnd(), text: replacement });
  };

  const member = mathMember(node);
  if (member !== undefined && ts.isPropertyAccessExpression(node)) {
    const name = node.name;
    if (ROUNDING.includes(member)) for (const other of ROUNDING.filter((r) => r !== member)) replace(`${member}→${other}`, `Math.${member} → Math.${other}`, name, other);
    if (member === "max" || member === "min") replace(`${member}→${member === "max" ? "min" : "max"}`, `Math.${member} → Math.${member === "max" ? "min" : "max"}`, name, member === "max" ? "min" : "max");
    if (LOGS.includes(member)) for (const other of LOGS.filter((l) => l !== member)) replace(`${member}→${other}`, `Math.${member} → Math.${other} (another log base)`, name, other);
  }

  if (ts.isCallExpression(node)) {
    const callee = mathMember(node.expression);
    // A clamp or a floor dropped: Math.min(a, b) → a and → b.
    if ((callee === "min" || callee === "max") && node.arguments.length === 2 && !node.arguments.some(ts.isSpreadElement)) {
      node.arguments.forEach((arg, k) => replace(`drop-${callee}-${k}`, `Math.${callee}(…) → its argument ${text(arg)}`, node, `(${text(arg)})`));
    }
    // Swapped arguments (not of Math.min/max/hypot, whose order cannot matter: those mutants would all be equivalent).
    if (node.arguments.length >= 2 && !node.arguments.some(ts.isSpreadElement) && !COMMUTATIVE.includes(callee ?? "")) {
      const [a, b] = node.arguments;
      if (text(a) !== text(b)) {
        edits.push({
          operator: "swap-arguments",
          description: `arguments ${text(a)} and ${text(b)} swapped`,
          start: a.getStart(file),
          end: b.getEnd(),
          text: `${text(b)}${file.text.slice(a.getEnd(), b.getStart(file))}${text(a)}`,
        });
      }
    }
  }

  if (ts.isBinaryExpression(node)) {
    const kind = node.operatorToken.kind;
    const token = ts.tokenToString(kind) ?? "";
    for (const to of [...(COMPARISON_FLIPS[kind] ?? []), ...(ARITHMETIC_FLIPS[kind] ?? [])]) {
      const other = ts.tokenToString(to) ?? "";
      replace(`${token}→${other}`, `${token} → ${other}`, node.operatorToken, other);
    }
    // A subtraction dropped (the max-subtraction of a stable softmax, an offset): a − b → a.
    if (kind === ts.SyntaxKind.MinusToken) replace("drop-subtraction", `${text(node)} → ${text(node.left)}`, node, `(${text(node.left)})`);
  }

  if (ts.isNumericLiteral(node)) {
    const value = Number(node.text);
    if (Number.isInteger(value)) {
      replace("constant+1", `${node.text} → ${value + 1}`, node, String(value + 1));
      if (value !== 0) replace("constant-1", `${node.text} → ${value - 1}`, node, String(value - 1));
    } else {
      replace("constant×2", `${node.text} → ${value * 2}`, node, String(value * 2));
    }
  }
  return edits;
}

/** Every mutant of `source` (a TypeScript file), in source order. */
export function deriveMutants(source: string, fileName = "reference.ts"): Mutant[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    // explain<Function> exports write hint 3's worked example; no check grades them, so their mutants say nothing.
    if (ts.isFunctionDeclaration(node) && node.name && /^explain[A-Z]/.test(node.name.text)) return;
    if (!inTypePosition(node) && !inLoopStep(node) && !ts.isImportDeclaration(node)) edits.push(...editsAt(node, file));
    ts.forEachChild(node, visit);
  };
  visit(file);

  const seen = new Set<string>();
  const mutants: Mutant[] = [];
  for (const edit of edits) {
    const mutated = source.slice(0, edit.start) + edit.text + source.slice(edit.end);
    if (mutated === source) continue;
    const { line, character } = file.getLineAndCharacterOfPosition(edit.start);
    let id = `${edit.operator}@${line + 1}:${character + 1}`;
    for (let k = 2; seen.has(id); k++) id = `${edit.operator}@${line + 1}:${character + 1}#${k}`;
    seen.add(id);
    const lineStart = mutated.lastIndexOf("\n", edit.start - 1) + 1;
    const lineEnd = mutated.indexOf("\n", edit.start);
    mutants.push({
      id,
      description: edit.description,
      line: line + 1,
      column: character + 1,
      mutatedLine: mutated.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim(),
      source: mutated,
    });
  }
  return mutants;
}
