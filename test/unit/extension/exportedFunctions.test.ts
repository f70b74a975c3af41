import assert from "node:assert/strict";
import { exportedFunctions } from "../../../src/codelens/exportedFunctions";

describe("exportedFunctions(text)", () => {
  it("finds exported function declarations and arrow functions with their 0-based line and name column", () => {
    const text = [
      "/** doc */",
      "export function quantize(x: number, s: number, z: number): number {",
      "  return 0;",
      "}",
      "export const dequantize = (q: number) => q;",
      "export async function later() {}",
      "export const typed: (x: number) => number = function (x) { return x; };",
    ].join("\n");
    assert.deepEqual(
      exportedFunctions(text).map((f) => [f.name, f.line, f.column]),
      [
        ["quantize", 1, 16],
        ["dequantize", 4, 13],
        ["later", 5, 22],
        ["typed", 6, 13],
      ],
    );
  });

  it("ignores non-exported functions, exported constants that are not functions, and commented-out code", () => {
    const text = ["function helper() {}", "export const QMAX = 127;", "/*", "export function old() {}", "*/", "// export function gone() {}"].join("\n");
    assert.deepEqual(exportedFunctions(text), []);
  });
});
