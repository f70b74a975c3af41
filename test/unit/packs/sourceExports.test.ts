import assert from "node:assert/strict";
import { scanExports } from "../../../src/packs/sourceExports";

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

  it("is incomplete when the file re-exports * from elsewhere", () => {
    assert.equal(scanExports(`export * from "./other";`).complete, false);
  });
});
