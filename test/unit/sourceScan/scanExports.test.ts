import assert from "node:assert/strict";
import { exportedFunctions } from "../../../src/codelens/exportedFunctions";
import { findExportedDeclaration } from "../../../src/runner/positions";
import { maskSource } from "../../../src/sourceScan/maskSource";
import { scanExports } from "../../../src/sourceScan/scanExports";

/** [name, line, column, isFunction] of every export, positions 1-based ("-" where there is none). */
const table = (source: string) => scanExports(source).exports.map((e) => [e.name, e.at?.line ?? "-", e.at?.column ?? "-", e.isFunction]);

describe("scanExports(source)", () => {
  it("finds exported functions, consts, classes, lists with aliases, and default", () => {
    const scan = scanExports(`
      export function quantize(x: number) { return x; }
      export async function later() {}
      export const dequantize = (q: number) => q, other = 1;
      export class Observer {}
      function local() {}
      const hidden = 1;
      export { local as renamed, hidden };
      export default 3;
    `);
    assert.deepEqual([...scan.names].sort(), ["Observer", "default", "dequantize", "hidden", "later", "quantize", "renamed"]);
    assert.equal(scan.complete, true);
  });

  it("ignores exports inside comments but keeps // inside strings", () => {
    const scan = scanExports(`// export function commented() {}\n/* export const block = 1; */\nconst url = "http://x";\nexport function real() {}\n`);
    assert.deepEqual([...scan.names], ["real"]);
  });

  it("ignores `export` inside strings, template literals (with ${…} holding braces) and regular expressions", () => {
    const source = [
      'const a = "export function inDouble() {}";',
      "const b = 'export const inSingle = 1';",
      "const c = `line\nexport function inTemplate() {} ${{ x: `export const nested = 1` }.x}`;",
      'const d = /export function inRegex\\(\\) {"/;',
      "const e = 10 / 2; export function afterDivision(x: number) { return x / e; }",
      "export const last = (x: number) => x;",
    ].join("\n");
    assert.deepEqual(table(source), [
      ["afterDivision", 6, 35, true],
      ["last", 7, 14, true],
    ]);
  });

  it("is incomplete when the file re-exports * from elsewhere, complete with `export * as ns`", () => {
    assert.equal(scanExports(`export * from "./other";`).complete, false);
    const named = scanExports(`export * as helpers from "./other";`);
    assert.deepEqual([named.complete, [...named.names]], [true, ["helpers"]]);
  });

  it("`export {a as b}` exports b, declared where a is; a re-export from another file has no place here", () => {
    const source = ["function quantizeImpl(x: number) { return x; }", "const scale = 2;", "export { quantizeImpl as quantize, scale, type Shape };", 'export { round as roundHalfEven } from "./rounding";'].join("\n");
    assert.deepEqual(table(source), [
      ["quantize", 1, 10, true],
      ["scale", 2, 7, false],
      ["roundHalfEven", "-", "-", false],
    ]);
  });

  it("`export default`: a named function, an anonymous one, an arrow, a local name, and an expression", () => {
    assert.deepEqual(table("export default function quantize(x: number) { return x; }"), [["default", 1, 25, true]]);
    assert.deepEqual(table("export default function (x: number) { return x; }"), [["default", "-", "-", true]]);
    assert.deepEqual(table("export default async (x: number): Promise<number> => x;"), [["default", 1, 8, true]]);
    assert.deepEqual(table("const f = (x: number) => x;\nexport default f;"), [["default", 1, 7, true]]);
    assert.deepEqual(table("export default { scale: 2 };"), [["default", 1, 8, false]]);
    assert.deepEqual(table("export default class extends Base {}"), [["default", "-", "-", false]]);
  });

  it("tells arrow functions and function expressions from other initialisers, through type annotations", () => {
    const source = [
      "export const typed: (x: number) => number = function (x) { return x; };",
      "export const generic = <T,>(x: T): T => x;",
      "export const single = x => x;",
      "export const later = async (x: number) => x;",
      "export const grouped = (1 + 2);",
      "export const table: Record<string, number> = { a: 1 };",
      "export let counter = 0;",
    ].join("\n");
    assert.deepEqual(
      table(source).map(([name, , , isFunction]) => [name, isFunction]),
      [
        ["typed", true],
        ["generic", true],
        ["single", true],
        ["later", true],
        ["grouped", false],
        ["table", false],
        ["counter", false],
      ],
    );
  });

  it("counts overloads once, at the first signature", () => {
    const source = ["export function scale(x: number): number;", "export function scale(x: number[]): number[];", "export function scale(x: any) { return x; }"].join("\n");
    assert.deepEqual(table(source), [["scale", 1, 17, true]]);
  });

  it("leaves out `declare` and type-only exports, and exports nested in a namespace or an ambient module", () => {
    const source = [
      "export declare function ambient(x: number): number;",
      "export declare const VERSION: string;",
      "export type Shape = number[];",
      "export interface Options { bits: number }",
      "export type { Shape as Alias };",
      'declare module "x" { export function inModule(): void; }',
      "export namespace Tools { export function inner() {} }",
      "export enum Mode { A, B }",
      "export const enum Level { Low }",
    ].join("\n");
    assert.deepEqual([...scanExports(source).names], ["Tools", "Mode", "Level"]);
    // …but a declared function is still a declaration, where the runner can point.
    assert.deepEqual(scanExports(source).declarations.get("ambient")?.at, { line: 1, column: 25 });
  });

  it("counts columns in UTF-16 code units after non-ASCII text and CRLF line ends", () => {
    assert.deepEqual(table('const s = "é→🙂"; export function f() {}\r\nexport const g = () => 1;'), [
      ["f", 1, 35, true],
      ["g", 2, 14, true],
    ]);
  });

  it("survives unterminated comments, strings and templates (nothing after them is code)", () => {
    assert.deepEqual(table("export function a() {}\n/* export function b() {}"), [["a", 1, 17, true]]);
    assert.deepEqual(table("export function a() {}\nconst t = `export function b() {}"), [["a", 1, 17, true]]);
    assert.deepEqual(table('const s = "unterminated\nexport function c() {}'), [["c", 2, 17, true]]);
  });
});

describe("maskSource(source)", () => {
  it("keeps the length and the line breaks, and blanks comments and literal contents", () => {
    const source = 'a /* x */ "y" `z${b}w`; r = /re/g // c\nd';
    const masked = maskSource(source);
    assert.equal(masked.length, source.length);
    assert.equal(masked, "a " + " ".repeat(7) + ' " " ' + "`   b  `; r = " + "/  /g " + " ".repeat(4) + "\nd");
  });
});

describe("the scan's users agree", () => {
  const source = [
    "/** doc */",
    "function impl(x: number) { return x; }",
    "export { impl as quantize };",
    "export const dequantize = (q: number) => q;",
    "function forgotten() {}",
  ].join("\n");

  it("exportedFunctions (the code lens) lists the exported functions at 0-based positions", () => {
    assert.deepEqual(
      exportedFunctions(source).map((f) => [f.name, f.line, f.column]),
      [
        ["quantize", 1, 9],
        ["dequantize", 3, 13],
      ],
    );
  });

  it("findExportedDeclaration (the runner) points at the same places, and at a function the learner forgot to export", () => {
    assert.deepEqual(findExportedDeclaration(source, "quantize"), { line: 2, column: 10 });
    assert.deepEqual(findExportedDeclaration(source, "dequantize"), { line: 4, column: 14 });
    assert.deepEqual(findExportedDeclaration(source, "forgotten"), { line: 5, column: 10 });
    assert.equal(findExportedDeclaration(source, "missing"), undefined);
  });
});
