/**
 * The hostile corpus (test/unit/runner/support/hostileCorpus.ts) in the extension's configuration, inside a
 * real extension host: the sandbox started from the extension's own dist/runner/host.js with the host's
 * executable and ELECTRON_RUN_AS_NODE, as checkService does, and without Node's permission model (Electron
 * has none). Every attack gets its verdict, nothing escapes, the extension host is alive and the next check
 * of a correct file passes.
 */
import * as assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import * as vscode from "vscode";
import type { CheckReport } from "../../src/protocol/checkReport";
import { Runner } from "../../src/runner";
import { doubling } from "../unit/runner/support/exercises";
import { escapeMarkers, HOSTILE_CORPUS } from "../unit/runner/support/hostileCorpus";
import { EXTENSION_ID } from "./harness/extension";

function everything(report: CheckReport): string {
  return [...report.cases.map((c) => c.message), ...report.diagnostics.map((d) => d.message)].join("\n");
}

describe("the hostile corpus in the extension's configuration (no permission model), inside the extension host", function () {
  this.timeout(120_000);
  let runner: Runner;
  let fixtures: string;

  before(() => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `no extension ${EXTENSION_ID}`);
    fixtures = path.join(extension.extensionPath, "test", "unit", "runner", "fixtures");
    for (const marker of escapeMarkers()) fs.rmSync(marker, { force: true });
    runner = new Runner({
      timeoutMs: 2000,
      memoryMb: 160,
      execPath: process.execPath,
      env: { ELECTRON_RUN_AS_NODE: "1" },
      hostScript: path.join(extension.extensionPath, "dist", "runner", "host.js"),
      nodePermissions: false,
    });
  });
  after(() => runner.dispose());

  it("the sandbox runs without the permission model here", async () => {
    await runner.start();
    assert.equal(runner.sandboxInfo?.permission, false);
  });

  for (const hostile of HOSTILE_CORPUS.filter((c) => !c.manyCases)) {
    it(`${hostile.fixture}.ts gets "${hostile.status}", and the next check still passes`, async () => {
      const report = await runner.check({ packId: "test", exercise: doubling, solutionFile: path.join(fixtures, "hostile", `${hostile.fixture}.ts`) });
      assert.equal(report.status, hostile.status, everything(report));
      assert.match(everything(report), hostile.says);
      assert.equal(report.summary.passed, 0);
      for (const marker of escapeMarkers()) assert.ok(!fs.existsSync(marker), `the sandbox was escaped: ${marker} exists`);
      process.kill(process.pid, 0);
      const next = await runner.check({ packId: "test", exercise: doubling, solutionFile: path.join(fixtures, "correct", "double.ts") });
      assert.equal(next.status, "passed", everything(next));
    });
  }
});
