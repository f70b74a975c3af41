/**
 * Windows editors save with a UTF-8 byte-order mark and CRLF line ends. A pack written that way (every JSON,
 * markdown and TypeScript file) must validate like any other, and a learner's file written that way must be
 * checked with its positions right.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { validatePackFolder } from "../../../src/cli/commands/validate";
import { newPackCommand } from "../../../src/cli/commands/newPack";
import { CORE_FUNCTIONS } from "../../../src/core";
import { loadPackFromDisk } from "../../../src/packs/node/loadPackFromDisk";
import { Runner } from "../../../src/runner";
import { sandboxHostScript } from "../runner/support/buildSandbox";
import { captureIo } from "./support/cliHarness";

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function windowsStyle(text: string): Buffer {
  return Buffer.concat([BOM, Buffer.from(text.replace(/\r?\n/g, "\r\n"))]);
}

function rewriteTree(folder: string): number {
  let rewritten = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) rewritten += rewriteTree(file);
    else if (/\.(json|md|ts)$/.test(entry.name)) {
      fs.writeFileSync(file, windowsStyle(fs.readFileSync(file, "utf8")));
      rewritten++;
    }
  }
  return rewritten;
}

describe("a byte-order mark and CRLF line ends", function () {
  this.timeout(60_000);
  let scratch: string;
  let pack: string;
  let runner: Runner;

  before(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bom-crlf-"));
    pack = path.join(scratch, "course");
    await newPackCommand([pack], captureIo(scratch).io);
    assert.ok(rewriteTree(pack) >= 6, "pack.json, exercise.json, prompt.md and the TypeScript files are rewritten");
    runner = new Runner({ hostScript: await sandboxHostScript(), core: CORE_FUNCTIONS });
  });

  after(async () => {
    await runner?.dispose();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("validate accepts a pack whose every file has both: starters fail, references pass (exit 0)", async () => {
    const out = captureIo(scratch);
    const code = await validatePackFolder(pack, out.io, { json: false, runCode: true, runner });
    assert.equal(code, 0, out.stdout());
    assert.match(out.stdout(), /is valid: 1 exercise, \d+ cases; starters fail, references pass/);
  });

  it("the loaded texts have no BOM, so a starter copied to a learner does not carry one", async () => {
    const { pack: loaded } = await loadPackFromDisk(pack);
    const exercise = loaded!.exercises[0];
    for (const text of [exercise.prompt, exercise.starter, exercise.reference!]) assert.notEqual(text.charCodeAt(0), 0xfeff);
  });

  it("a learner file with a BOM and CRLF is checked, and a runtime error is placed on its line", async () => {
    const { pack: loaded } = await loadPackFromDisk(pack);
    const exercise = loaded!.exercises[0];
    const good = path.join(scratch, "good.ts");
    fs.writeFileSync(good, windowsStyle(exercise.reference!));
    assert.equal((await runner.check({ packId: "course", exercise, solutionFile: good })).status, "passed");

    const broken = path.join(scratch, "broken.ts");
    const source = `export function dequantize(q: number, scale: number, zeroPoint: number): number {\n  const unused = 1;\n  throw new Error("not yet");\n}\n`;
    fs.writeFileSync(broken, windowsStyle(source));
    const report = await runner.check({ packId: "course", exercise, solutionFile: broken });
    assert.notEqual(report.status, "passed");
    const thrown = report.diagnostics.find((d) => d.source === "runtime");
    assert.equal(thrown?.line, 3, JSON.stringify(report.diagnostics));
  });
});
