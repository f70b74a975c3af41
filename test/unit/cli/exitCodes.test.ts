/** What the CLI does with user mistakes: one sentence naming what and where, exit 2, no stack trace. */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../../src/cli/main";
import { builtInPack, runCli } from "./support/runCli";

describe("compression-tutor exit codes and messages", function () {
  this.timeout(60_000);

  it("--help lists check, grade, merge, validate and calc, and exits 0", async () => {
    const run = await runCli(["--help"]);
    assert.equal(run.code, 0);
    for (const name of ["check", "grade", "merge", "validate", "calc"]) assert.match(run.stdout, new RegExp(`^  ${name} `, "m"));
  });

  it("every command answers --help with its usage and exit 0", async () => {
    for (const name of ["check", "grade", "merge"]) {
      const run = await runCli([name, "--help"]);
      assert.equal(run.code, 0, name);
      assert.match(run.stdout, new RegExp(`^Usage: compression-tutor ${name}`));
    }
  });

  it("an unknown command exits 2 and names it", async () => {
    const run = await runCli(["chekc"]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown command `chekc`/);
  });

  it("check on a missing solution file exits 2 and names the file", async () => {
    const run = await runCli(["check", "nope/missing.ts", "--exercise", path.join(builtInPack, "int4-scale")]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /the solution file .*nope\/missing\.ts does not exist/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  it("check without --exercise, or with an unknown option, exits 2 and says so", async () => {
    const file = path.join(builtInPack, "int4-scale", "reference.ts");
    const missing = await runCli(["check", file]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--exercise <pack-dir>\/<exercise-id> is required/);
    const unknown = await runCli(["check", file, "--exercise", path.join(builtInPack, "int4-scale"), "--timout-ms", "5"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /check: Unknown option '--timout-ms'/);
  });

  it("check against an exercise the pack does not have exits 2 and lists the ones it has", async () => {
    const run = await runCli(["check", path.join(builtInPack, "int4-scale", "reference.ts"), "--exercise", path.join(builtInPack, "int5-scale")]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /has no exercise `int5-scale`; it has: affine-quantization, int4-scale/);
  });

  it("check reads only the asked exercise: a broken sibling does not stop it, a broken asked one does", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-sibling-"));
    try {
      fs.cpSync(builtInPack, dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "int4-scale", "exercise.json"), "{ broken");
      const ok = await runCli(["check", path.join(builtInPack, "affine-quantization", "reference.ts"), "--exercise", path.join(dir, "affine-quantization")]);
      assert.equal(ok.code, 0, ok.stderr);
      const broken = await runCli(["check", path.join(builtInPack, "int4-scale", "reference.ts"), "--exercise", path.join(dir, "int4-scale")]);
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /is invalid[\s\S]*int4-scale\/exercise\.json:1:/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("check against an invalid pack exits 2 with its problems as file:line:column", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-bad-pack-"));
    fs.writeFileSync(path.join(dir, "pack.json"), '{ "id": "bad", "exercises": [ }');
    fs.writeFileSync(path.join(dir, "x.ts"), "export const x = 1;");
    try {
      const run = await runCli(["check", path.join(dir, "x.ts"), "--exercise", path.join(dir, "anything")]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /the pack in .* is invalid/);
      assert.match(run.stderr, /pack\.json:\d+:\d+: error:/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("grade with a bad --format or --shard exits 2 and names the option", async () => {
    const format = await runCli(["grade", builtInPack, ".", "--format", "xml"]);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format must be one of json, junit, csv, html, got "xml"/);
    const shard = await runCli(["grade", builtInPack, ".", "--shard", "3/2"]);
    assert.equal(shard.code, 2);
    assert.match(shard.stderr, /--shard must be K\/N with 1 ≤ K ≤ N/);
  });

  it("merge of a file that is not a grade result exits 2 and names it", async () => {
    const run = await runCli(["merge", path.join(builtInPack, "pack.json")]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /pack\.json is not a grade result/);
  });
});

describe("compression-tutor when the sandbox cannot start", function () {
  this.timeout(60_000);

  it("check exits 2 with one line naming the missing sandbox script, not a stack trace", async () => {
    const saved = process.env.COMPRESSION_TUTOR_HOST_SCRIPT;
    try {
      process.env.COMPRESSION_TUTOR_HOST_SCRIPT = path.join(os.tmpdir(), "no-such-dir", "host.js");
      let stderr = "";
      const code = await main(["check", path.join(builtInPack, "int4-scale", "reference.ts"), "--exercise", path.join(builtInPack, "int4-scale")], {
        stdout: () => undefined,
        stderr: (t) => void (stderr += t),
        isTerminal: false,
        cwd: process.cwd(),
      });
      assert.equal(code, 2);
      assert.match(stderr, /^compression-tutor check: .*no-such-dir\/host\.js, which does not exist\n$/);
      assert.doesNotMatch(stderr, /\n\s+at /);
    } finally {
      process.env.COMPRESSION_TUTOR_HOST_SCRIPT = saved;
    }
  });
});
