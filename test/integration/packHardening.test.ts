import * as assert from "node:assert/strict";
import fs from "node:fs";
import * as vscode from "vscode";
import { createWorkspacePackFileSystem, loadPackWithWorkspaceFs } from "../../src/packs/vscode/loadPackWithWorkspaceFs";
import type { TutorApi } from "../../src/extension/activate";
import { activateTutor } from "./harness/extension";

const workspace = (): vscode.Uri => vscode.workspace.workspaceFolders![0].uri;
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function manifest(id: string): string {
  return JSON.stringify({ id, title: "Hostile", version: "1.0.0", coreVersion: "^1.0.0", description: "d", authors: ["t"], license: "MIT", exercises: ["ex"] }, null, 2);
}

/** An exercise whose generator asks for 100000 × 100000 numbers (line 20 holds the floatMatrix). */
const HUGE_MATRIX_EXERCISE = `{
  "id": "ex",
  "title": "Matrix",
  "summary": "A schema-valid exercise whose generator asks for ten billion numbers.",
  "prompt": "prompt.md",
  "starter": "starter.ts",
  "reference": "reference.ts",
  "hints": ["a", "b", "c"],
  "checks": [
    {
      "id": "c",
      "function": "dequantize",
      "expected": { "from": "reference" },
      "generate": [
        {
          "idPrefix": "big",
          "seed": 1,
          "count": 1,
          "args": [
            { "floatMatrix": { "rows": 100000, "cols": 100000, "uniform": [-1, 1] } }
          ]
        }
      ]
    }
  ]
}
`;

async function writePack(folder: vscode.Uri, id: string, exerciseJson: string): Promise<void> {
  const files: Record<string, string> = {
    "pack.json": manifest(id),
    "ex/exercise.json": exerciseJson,
    "ex/prompt.md": "# Ex\n",
    "ex/starter.ts": "export function dequantize(q: number): number {\n  return q;\n}\n",
    "ex/reference.ts": "export function dequantize(q: number): number {\n  return q;\n}\n",
  };
  for (const [name, text] of Object.entries(files)) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, ...name.split("/")), encode(text));
}

describe("pack hardening: the VS Code file-system adapter and pack discovery", function () {
  this.timeout(60_000);
  let api: TutorApi;
  const created: vscode.Uri[] = [];

  before(async () => {
    api = await activateTutor();
    await api.tutor.packs.ready();
  });

  after(async () => {
    for (const uri of created) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it("isInside: a path that only shares a prefix with the pack folder is outside it", () => {
    const root = vscode.Uri.joinPath(workspace(), "pack").fsPath;
    const files = createWorkspacePackFileSystem(root);
    assert.equal(files.isInside(root, vscode.Uri.joinPath(workspace(), "pack", "ex", "starter.ts").fsPath), true);
    assert.equal(files.isInside(root, root), true);
    assert.equal(files.isInside(root, vscode.Uri.joinPath(workspace(), "pack-evil", "secret.ts").fsPath), false);
    assert.equal(files.isInside(root, vscode.Uri.joinPath(workspace(), "packs").fsPath), false);
    assert.equal(files.isInside(root, workspace().fsPath), false);
  });

  it("a starter that links into a sibling folder sharing the pack's name prefix is refused, with or without realpath", async () => {
    const pack = vscode.Uri.joinPath(workspace(), "linked-pack");
    const sibling = vscode.Uri.joinPath(workspace(), "linked-pack-evil");
    created.push(pack, sibling);
    await writePack(pack, "linked", HUGE_MATRIX_EXERCISE.replace("100000, \"cols\": 100000", '2, "cols": 2'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(sibling, "secret.ts"), encode("export const secret = 42;\n"));
    const starter = vscode.Uri.joinPath(pack, "ex", "starter.ts");
    await vscode.workspace.fs.delete(starter);
    fs.symlinkSync(vscode.Uri.joinPath(sibling, "secret.ts").fsPath, starter.fsPath);

    const followed = await loadPackWithWorkspaceFs(pack, { realpath: fs.promises.realpath });
    const escape = followed.problems.find((p) => p.code === "path-escape");
    assert.ok(escape, JSON.stringify(followed.problems));
    assert.equal(escape.jsonPath, "/starter");
    assert.equal(followed.pack?.exercises.length ?? 0, 0);

    const unfollowed = await loadPackWithWorkspaceFs(pack);
    const refused = unfollowed.problems.find((p) => p.jsonPath === "/starter" && p.severity === "error");
    assert.ok(refused, JSON.stringify(unfollowed.problems));
    assert.match(refused.message, /symbolic link/);
    assert.equal(unfollowed.pack?.exercises.length ?? 0, 0);
  });

  it("discovery: a hostile pack in the workspace is a located problem, loaded off the extension host's thread", async () => {
    const pack = vscode.Uri.joinPath(workspace(), "hostile-pack");
    created.push(pack);
    await writePack(pack, "hostile", HUGE_MATRIX_EXERCISE);
    const deep = vscode.Uri.joinPath(workspace(), "deep-pack");
    created.push(deep);
    await writePack(deep, "deep", `{\n  "id": ${"[".repeat(6000)}${"]".repeat(6000)}\n}\n`);

    // The longest the host's event loop goes without running a timer while every pack loads.
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 10);
    const loadedFrom = (folder: vscode.Uri) => api.tutor.packs.packs.find((p) => p.folder.fsPath === folder.fsPath);
    const started = performance.now();
    const deadline = started + 30_000;
    try {
      // A load already under way (started by the file watcher) may predate the new files: reload until both show.
      do await api.tutor.packs.reload();
      while (!(loadedFrom(pack) && loadedFrom(deep)) && performance.now() < deadline);
    } finally {
      clearInterval(ticker);
    }

    const hostile = loadedFrom(pack);
    assert.ok(hostile, "the hostile pack was not discovered");
    const generator = hostile.problems.find((p) => p.code === "generator");
    assert.ok(generator, JSON.stringify(hostile.problems));
    assert.deepEqual([generator.file, generator.line, generator.column], [vscode.Uri.joinPath(pack, "ex", "exercise.json").fsPath, 20, 30]);
    assert.match(generator.message, /100000 × 100000 = 10,000,000,000 numbers/);

    const tooDeep = loadedFrom(deep)?.problems.find((p) => p.code === "json-too-deep");
    assert.ok(tooDeep, "the deeply nested exercise.json gave no json-too-deep problem");
    // The top-level object is level 1, so the 64th "[" (from column 9) opens level 65.
    assert.deepEqual([tooDeep.line, tooDeep.column], [2, 9 + 63]);

    // The built-in pack is still there, and the host answered timers throughout the load.
    assert.ok(api.tutor.packs.find("quantization-distillation", "affine-quantization"));
    console.log(`      discovered in ${(performance.now() - started).toFixed(0)} ms; longest event-loop gap while loading ${api.tutor.packs.packs.length} packs: ${longestGap.toFixed(0)} ms`);
    assert.ok(longestGap < 2000, `the extension host's thread was blocked for ${longestGap.toFixed(0)} ms`);
  });

  it("a solution file that links to the exercise's reference is not checked, and says why", async () => {
    const key = { packId: "quantization-distillation", exerciseId: "int4-scale" };
    const solution = await vscode.commands.executeCommand<vscode.Uri>("compressionTutor.openExercise", key);
    assert.ok(solution);
    const reference = api.tutor.packs.find(key.packId, key.exerciseId)!.exercise.sourceFiles.reference!;
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    const backup = fs.readFileSync(solution.fsPath);
    fs.rmSync(solution.fsPath);
    fs.symlinkSync(reference, solution.fsPath);
    try {
      const outcome = await api.tutor.checks.check(key, { reason: "test" });
      assert.equal(outcome.kind, "not-run");
      assert.match(outcome.kind === "not-run" ? outcome.reason : "", /^int4-scale\.ts is a symbolic link to .*int4-scale[\\/]reference\.ts, outside its folder/);
      assert.equal(api.tutor.checks.latestReport(key), undefined, "no report was recorded for the linked file");
    } finally {
      fs.rmSync(solution.fsPath);
      fs.writeFileSync(solution.fsPath, backup);
    }
    const honest = await api.tutor.checks.check(key, { reason: "test" });
    assert.equal(honest.kind, "checked", "the next check of a real file runs");
  });

  it("reset of a solution that links out of its folder writes a file of its own, never through the link", async () => {
    const key = { packId: "quantization-distillation", exerciseId: "memory-savings" };
    const solution = await vscode.commands.executeCommand<vscode.Uri>("compressionTutor.openExercise", key);
    assert.ok(solution);
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    const outside = vscode.Uri.joinPath(workspace(), "someone-elses.ts");
    created.push(outside);
    await vscode.workspace.fs.writeFile(outside, encode("// not the learner's\n"));
    fs.rmSync(solution.fsPath);
    fs.symlinkSync(outside.fsPath, solution.fsPath);

    const result = await vscode.commands.executeCommand<{ file: string; backup?: string }>("compressionTutor.resetExercise", { ...key, confirmed: true });
    assert.ok(result?.backup, "reset made no backup");
    assert.equal(fs.readFileSync(outside.fsPath, "utf8"), "// not the learner's\n", "reset wrote through the link");
    assert.equal(fs.lstatSync(solution.fsPath).isSymbolicLink(), false);
    assert.equal(fs.readFileSync(solution.fsPath, "utf8"), api.tutor.packs.find(key.packId, key.exerciseId)!.exercise.starter);
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });
});
