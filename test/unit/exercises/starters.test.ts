/**
 * Starters carry the signature and what to return, not the formula: no starter of a built-in pack may contain
 * an arithmetic expression of its reference solution (compared without spaces, parentheses, `Math.` and with
 * the prompt's typography − · mapped to - *), nor write a formula in its comments. The formula is hint 2's job.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { BUILT_IN_PACK_FOLDERS } from "../../../src/packs/builtInPacks";

const packsDir = path.resolve(__dirname, "..", "..", "..", "exercises");
const pack = path.join(packsDir, "quantization-distillation");
/** Every exercise of every built-in pack, as [pack folder, exercise id]. */
const exercises: [string, string][] = BUILT_IN_PACK_FOLDERS.flatMap((folder) =>
  (JSON.parse(fs.readFileSync(path.join(packsDir, folder, "pack.json"), "utf8")) as { exercises: string[] }).exercises.map((id): [string, string] => [path.join(packsDir, folder), id]),
);

const ARITHMETIC = new Set([ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken, ts.SyntaxKind.AsteriskAsteriskToken]);

/** What counts as the same expression: no spaces, no parentheses, no `Math.`, ASCII operators. */
export function normalise(text: string): string {
  return text
    .replace(/Math\./g, "")
    .replace(/[−–]/g, "-")
    .replace(/[·×]/g, "*")
    .replace(/[\s()]/g, "");
}

/** The reference's arithmetic expressions (each binary + − * / ** node), normalised, at least `x*y` long. */
export function coreExpressions(reference: string): string[] {
  const file = ts.createSourceFile("reference.ts", reference, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && ARITHMETIC.has(node.operatorToken.kind)) {
      const text = normalise(node.getText(file));
      // A literal offset such as `i + 1` or `- 0` is not a formula.
      if (text.length >= 3 && !/^[\w.]+[-+]\d$/.test(text) && !/^\d+[-+*/]\d+$/.test(text)) found.add(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...found];
}

/** `name = … op …` in a comment: a formula written out. */
const FORMULA_IN_COMMENT = new RegExp(
  [
    // name = … with an operator, a sum, a root, exp, log or round on the right (`p_i = exp(…)`, `KL(p ‖ q) = Σ …`)
    String.raw`(?:^|[\s(,])[\p{L}_][\p{L}\p{N}_'^]*(?:\[[^\]]*\]|\([^)]*\))?\s*=\s*[^=\n;,]*?(?:[\p{L}\p{N})\]]\s*[-+*/·−×^]\s*[\p{L}\p{N}(]|Σ|√|\bexp\b|\blog\b|\bround\w*\()`,
    // an expression of two operators between names (`α · ce + (1 − α) · kd`, `2 · layers · kvHeads`)
    String.raw`[\p{L}\p{N}_)\]]\s*(?:[·×*/^−+]|\s-\s)\s*\(?[\p{L}\p{N}_]+\)?\s*(?:[·×*/^−+]|\s-\s)\s*\(?[\p{L}\p{N}_]`,
  ].join("|"),
  "u",
);

function comments(source: string): string[] {
  return [...source.matchAll(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g)].map((m) => m[0]);
}

describe("starters give the signature and what to return, not the formula", () => {
  for (const [dir, id] of exercises) {
    it(`${id}/starter.ts contains no expression of its reference and no formula in its comments`, () => {
      const starter = fs.readFileSync(path.join(dir, id, "starter.ts"), "utf8");
      const reference = fs.readFileSync(path.join(dir, id, "reference.ts"), "utf8");
      const flat = normalise(starter);
      const leaked = coreExpressions(reference).filter((e) => flat.includes(e));
      assert.deepEqual(leaked, [], `the starter contains the reference's ${leaked.map((e) => `\`${e}\``).join(", ")}`);
      const formulas = comments(starter).filter((c) => FORMULA_IN_COMMENT.test(c));
      assert.deepEqual(formulas, [], "a formula in the starter's comments");
    });
  }

  it(`every exercise's hint 1 is a nudge without a formula, and hint 3 works numbers through`, () => {
    const problems: string[] = [];
    for (const [dir, id] of exercises) {
      const hints = (JSON.parse(fs.readFileSync(path.join(dir, id, "exercise.json"), "utf8")) as { hints: string[] }).hints;
      if (hints.length < 3) problems.push(`${id}: ${hints.length} hints`);
      else {
        if (FORMULA_IN_COMMENT.test(hints[0].replace(/`/g, ""))) problems.push(`${id}: hint 1 writes a formula: ${hints[0]}`);
        if (!/\d/.test(hints[2])) problems.push(`${id}: hint 3 has no numbers: ${hints[2]}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it("the check sees a formula: the old temperature-softmax starter would fail it", () => {
    const old = "/**\n * Softmax of logits at a temperature: p_i = exp(z_i / T) / Σ_j exp(z_j / T).\n */\nexport function softmax(logits: number[], temperature: number): number[] {\n  const scaled = logits.map((z) => z / temperature);\n  throw new Error();\n}\n";
    const reference = fs.readFileSync(path.join(pack, "temperature-softmax", "reference.ts"), "utf8");
    assert.ok(coreExpressions(reference).some((e) => normalise(old).includes(e)), "z / temperature is caught");
    assert.ok(comments(old).some((c) => FORMULA_IN_COMMENT.test(c)), "p_i = exp(…) is caught");
  });
});
