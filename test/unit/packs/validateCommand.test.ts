import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { validateCommand } from "../../../src/cli/commands/validate";
import { newPackCommand } from "../../../src/cli/commands/newPack";
import { UsageError } from "../../../src/cli/io";
import { captureIo } from "./support/cliHarness";

describe("compression-tutor validate (exit codes and output)", function () {
  this.timeout(60_000);
  let scratch: string;
  let pack: string;

  beforeEach(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "validate-"));
    pack = path.join(scratch, "course");
    await newPackCommand([pack], captureIo(scratch).io);
  });

  afterEach(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("exits 0 with warnings listed when a pack has only warnings", async () => {
    fs.appendFileSync(path.join(pack, "dequantize", "prompt.md"), "\n<div>boxed</div>\n");
    const out = captureIo(scratch);
    assert.equal(await validateCommand(["course", "--static"], out.io), 0);
    assert.deepEqual(out.stdout().trimEnd().split("\n"), [
      "course/dequantize/prompt.md:16:1: warning: raw HTML (<div>boxed</div>) is shown as plain text, never rendered; use markdown instead [prompt-html]",
      'pack "course" (course) is valid: 1 exercise, 23 cases; static checks only (--static); 0 errors, 1 warning',
    ]);
  });

  it("exits 1 and prints JSON with --json when the pack is invalid", async () => {
    fs.rmSync(path.join(pack, "dequantize", "starter.ts"));
    const out = captureIo(scratch);
    assert.equal(await validateCommand([pack, "--json"], out.io), 1);
    const report = JSON.parse(out.stdout());
    assert.equal(report.valid, false);
    assert.equal(report.errors, 1);
    assert.deepEqual(
      report.problems.map((p: { file: string; code: string; jsonPath: string }) => [p.file, p.code, p.jsonPath]),
      [["course/dequantize/exercise.json", "missing-file", "/starter"]],
    );
    assert.equal(out.stderr(), "", "--json prints no progress");
  });

  it("refuses a folder that does not exist and a second folder as usage mistakes (exit 2 in main)", async () => {
    await assert.rejects(validateCommand(["nowhere"], captureIo(scratch).io), (e: unknown) => e instanceof UsageError && /nowhere is not a folder/.test(e.message));
    await assert.rejects(validateCommand(["a", "b"], captureIo(scratch).io), /give exactly one pack folder \(got 2\)/);
    await assert.rejects(validateCommand([pack, "--jobs", "0"], captureIo(scratch).io), /--jobs must be a whole number from 1 to 64/);
  });
});
