/**
 * `grade` against hostile submissions and outputs: a symbolic link from a submission to the reference (or to
 * another learner's file) is refused, never graded as the learner's work; a bad `--out` is one line and exit 2
 * before anything is graded, and nothing is written outside the test's temporary folder.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { newPackCommand } from "../../../src/cli/commands/newPack";
import type { GradeResult } from "../../../src/cli/grade/gradeResult";
import { UsageError } from "../../../src/cli/io";
import { checkOutputFile, writeOutputFile } from "../../../src/cli/outputFile";
import { captureIo } from "../packs/support/cliHarness";
import { treeSnapshot } from "../packs/support/treeSnapshot";
import { repoRoot, runCli } from "./support/runCli";

describe("compression-tutor grade with hostile submissions and outputs", function () {
  this.timeout(120_000);
  let work: string;
  let pack: string;
  let submissions: string;

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "grade-hostile-"));
    pack = path.join(work, "course");
    await newPackCommand([pack], captureIo(work).io);
    submissions = path.join(work, "submissions");
    const reference = path.join(pack, "dequantize", "reference.ts");
    const learner = (name: string) => fs.mkdirSync(path.join(submissions, name), { recursive: true });
    learner("alice");
    fs.copyFileSync(reference, path.join(submissions, "alice", "dequantize.ts"));
    learner("eve");
    fs.copyFileSync(reference, path.join(submissions, "eve", "mine.ts"));
    fs.symlinkSync("mine.ts", path.join(submissions, "eve", "dequantize.ts")); // stays in her folder: graded
    learner("mallory");
    fs.symlinkSync(path.relative(path.join(submissions, "mallory"), reference), path.join(submissions, "mallory", "dequantize.ts"));
    learner("trudy");
    fs.symlinkSync("../alice/dequantize.ts", path.join(submissions, "trudy", "dequantize.ts"));
    learner("oscar"); // a real file that imports a helper which is a link to the reference
    fs.writeFileSync(path.join(submissions, "oscar", "dequantize.ts"), 'export { dequantize } from "./helper";\n');
    fs.symlinkSync(path.relative(path.join(submissions, "oscar"), reference), path.join(submissions, "oscar", "helper.ts"));
  });

  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it("refuses a link to the reference or to another learner's file, and grades a link inside the learner's folder", async () => {
    const before = treeSnapshot(work);
    const out = path.join(work, "grades.json");
    const run = await runCli(["grade", pack, submissions, "--out", out, "--jobs", "1"], work);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(fs.readFileSync(out, "utf8")) as GradeResult;
    const status = Object.fromEntries(result.learners.map((l) => [l.learner, l.exercises[0].status]));
    assert.deepEqual(status, { alice: "passed", eve: "passed", mallory: "error", oscar: "error", trudy: "error" });
    const oscar = result.learners.find((l) => l.learner === "oscar")!.exercises[0];
    assert.match(oscar.diagnostics.join("\n"), /helper\.ts is a link to a file outside the folder of your solution/);
    const mallory = result.learners.find((l) => l.learner === "mallory")!.exercises[0];
    assert.equal(mallory.passed, 0);
    assert.match(mallory.diagnostics[0], /^mallory\/dequantize\.ts:1:1: could not be checked: dequantize\.ts is a symbolic link to .*course\/dequantize\/reference\.ts, outside the learner's folder/);
    const { size, mtimeMs } = fs.statSync(out);
    assert.deepEqual(treeSnapshot(work), [...before, `grades.json ${size} ${mtimeMs}`].sort(), "only the --out file is new");
  });

  const refusals: [string, (work: string) => string, RegExp][] = [
    ["a folder", (w) => w, /cannot write --out .*: it is a folder; give a file name/],
    ["a path below a regular file", (w) => path.join(w, "course", "pack.json", "grades.json"), /cannot write --out .*: .*pack\.json is a file, not a folder/],
    ["a path under /proc", () => "/proc/self/grades.json", /cannot write --out \/proc\/self\/grades\.json: \/proc\/self is on \/proc, a kernel file system, not storage/],
    ["an existing file under /proc", () => "/proc/self/comm", /cannot write --out \/proc\/self\/comm: .*kernel file system/],
    ["a device that is always full", () => "/dev/full", /cannot write --out \/dev\/full: it is not a regular file/],
  ];
  for (const [what, target, message] of refusals) {
    it(`--out to ${what}: one line, exit 2, before grading starts, nothing written`, async () => {
      const before = treeSnapshot(work);
      const started = performance.now();
      const run = await runCli(["grade", pack, submissions, "--out", target(work)], work);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, "");
      assert.equal(run.stderr.trimEnd().split("\n").length, 1, run.stderr);
      assert.match(run.stderr, message);
      assert.match(run.stderr, /^compression-tutor grade: /);
      assert.ok(performance.now() - started < 5000, "refused before the class is graded");
      assert.deepEqual(treeSnapshot(work), before);
    });
  }

  it("--out in a folder the user may not write: one line, exit 2, before grading (run as an unprivileged user)", function () {
    // root may write anywhere, so the refusal is only observable as another user; root can start one.
    if (process.getuid?.() !== 0) this.skip();
    // That user must be able to read the checkout (a clone inside a private folder, such as one mktemp -d made, is
    // out of its reach): nothing to observe otherwise.
    const reach = spawnSync(process.execPath, ["-e", "require.resolve('tsx/cjs')"], { cwd: repoRoot, uid: 65534, gid: 65534, encoding: "utf8", timeout: 30_000 });
    if (reach.status !== 0) this.skip();
    const locked = path.join(work, "locked");
    fs.mkdirSync(locked, { mode: 0o555 });
    fs.chmodSync(work, 0o755);
    const before = treeSnapshot(work);
    // tsx keeps a compile cache in $TMPDIR, which under npm test is a folder only root may write.
    const nobodyTmp = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-nobody-"));
    fs.chmodSync(nobodyTmp, 0o777);
    const run = spawnSync(process.execPath, ["--require", "tsx/cjs", path.join(repoRoot, "src", "cli", "main.ts"), "grade", pack, submissions, "--out", path.join(locked, "grades.json")], {
      cwd: repoRoot,
      env: { ...process.env, TMPDIR: nobodyTmp },
      uid: 65534,
      gid: 65534,
      encoding: "utf8",
      timeout: 60_000,
    });
    fs.rmSync(nobodyTmp, { recursive: true, force: true });
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stdout, "");
    assert.equal(run.stderr.trimEnd(), `compression-tutor grade: cannot write --out ${path.join(locked, "grades.json")}: the folder ${locked} is not writable`);
    assert.deepEqual(treeSnapshot(work), before);
    fs.rmdirSync(locked);
  });

  it("writeOutputFile: a write that fails after the check (the folder became a file) is one line, and leaves nothing behind", () => {
    const folder = path.join(work, "later");
    const file = checkOutputFile("grade", work, path.join("later", "grades.csv"));
    fs.writeFileSync(folder, "now a file");
    const before = treeSnapshot(work);
    assert.throws(
      () => writeOutputFile("grade", file, "learner,score\n"),
      (e: unknown) => e instanceof UsageError && /^grade: cannot write --out .*later\/grades\.csv: /.test(e.message) && !e.message.includes("\n"),
    );
    assert.deepEqual(treeSnapshot(work), before);
    fs.rmSync(folder);
  });

  it("writeOutputFile replaces an earlier file whole and leaves no temporary file", () => {
    const file = checkOutputFile("grade", work, "replace.json");
    writeOutputFile("grade", file, "first");
    writeOutputFile("grade", file, "second");
    assert.equal(fs.readFileSync(file, "utf8"), "second");
    assert.deepEqual(
      fs.readdirSync(work).filter((n) => n.includes("replace")),
      ["replace.json"],
    );
    fs.rmSync(file);
  });
});
