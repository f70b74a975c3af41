/**
 * The example pack in docs/instructors.md is real: its files, taken from the document's code blocks, form a pack
 * that `validate` accepts, running its code. A change to the format that breaks the example breaks this test.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { validatePackFolder } from "../../../src/cli/commands/validate";
import { CORE_FUNCTIONS } from "../../../src/core";
import { Runner } from "../../../src/runner";
import { sandboxHostScript } from "../runner/support/buildSandbox";
import { captureIo } from "./support/cliHarness";

const doc = fs.readFileSync(path.resolve(__dirname, "..", "..", "..", "docs", "instructors.md"), "utf8");

/** Code blocks introduced by a line "`<path>`:" or "`<path>` (why):", keyed by path. */
export function exampleFiles(markdown: string): Map<string, string> {
  const files = new Map<string, string>();
  const block = /^`([\w./-]+)`(?: \([^)\n]*\))?:\n\n(`{3,4})\w*\n([\s\S]*?)\n\2$/gm;
  for (const match of markdown.matchAll(block)) files.set(match[1], match[3] + "\n");
  return files;
}

describe("the example pack in docs/instructors.md", function () {
  this.timeout(120_000);

  it("holds a manifest and every file its exercise names", () => {
    assert.deepEqual([...exampleFiles(doc).keys()].sort(), [
      "absmax-scale/exercise.json",
      "absmax-scale/misconceptions.ts",
      "absmax-scale/prompt.md",
      "absmax-scale/reference.ts",
      "absmax-scale/starter.ts",
      "pack.json",
    ]);
  });

  it("passes compression-tutor validate, running its code", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "instructors-example-"));
    const runner = new Runner({ hostScript: await sandboxHostScript(), core: CORE_FUNCTIONS });
    try {
      for (const [file, text] of exampleFiles(doc)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
      }
      const out = captureIo(dir);
      const code = await validatePackFolder(dir, out.io, { json: false, runCode: true, runner });
      assert.equal(out.stdout(), 'pack "week-1" (.) is valid: 1 exercise, 23 cases; starters fail, references pass, misconceptions recognised\n');
      assert.equal(code, 0);
    } finally {
      await runner.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
