import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { validatePackFolder } from "../../../src/cli/commands/validate";
import { newPackCommand } from "../../../src/cli/commands/newPack";
import { UsageError } from "../../../src/cli/io";
import { CORE_FUNCTIONS } from "../../../src/core";
import { packIdFrom, titleFrom } from "../../../src/packs/scaffold";
import { Runner } from "../../../src/runner";
import { sandboxHostScript } from "../runner/support/buildSandbox";
import { captureIo } from "./support/cliHarness";

describe("compression-tutor new-pack <dir>", function () {
  this.timeout(120_000);
  let scratch: string;

  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "new-pack-"));
  });

  afterEach(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("scaffolds a pack with one exercise that validate accepts, running its code", async () => {
    const out = captureIo(scratch);
    assert.equal(await newPackCommand(["Intro Course"], out.io), 0);
    const dir = path.join(scratch, "Intro Course");
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, "pack.json"), "utf8")).id, "intro-course");
    assert.match(out.stdout(), /created pack "intro-course"/);

    const runner = new Runner({ hostScript: await sandboxHostScript(), core: CORE_FUNCTIONS });
    try {
      const check = captureIo(scratch);
      const code = await validatePackFolder(dir, check.io, { json: false, runCode: true, runner });
      assert.equal(check.stdout(), `pack "intro-course" (Intro Course) is valid: 1 exercise, 23 cases; starters fail, references pass, misconceptions recognised\n`);
      assert.equal(code, 0);
    } finally {
      await runner.dispose();
    }
  });

  it("never writes into a folder that already has files", async () => {
    fs.writeFileSync(path.join(scratch, "notes.txt"), "mine");
    await assert.rejects(newPackCommand([scratch], captureIo(scratch).io), (e: unknown) => e instanceof UsageError && /already exists and is not empty/.test(e.message));
    assert.deepEqual(fs.readdirSync(scratch), ["notes.txt"]);
  });

  it("refuses an id that cannot be a pack id, and takes --id and --title", async () => {
    await assert.rejects(newPackCommand([path.join(scratch, "x"), "--id", "Bad Id"], captureIo(scratch).io), /cannot be a pack id/);
    assert.equal(await newPackCommand([path.join(scratch, "y"), "--id", "week-1", "--title", "Week 1"], captureIo(scratch).io), 0);
    const manifest = JSON.parse(fs.readFileSync(path.join(scratch, "y", "pack.json"), "utf8"));
    assert.deepEqual([manifest.id, manifest.title], ["week-1", "Week 1"]);
  });
});

describe("packIdFrom(name) and titleFrom(id)", () => {
  it("packIdFrom turns a folder name into a pack id", () => {
    assert.equal(packIdFrom("Intro Course 2025!"), "intro-course-2025");
    assert.equal(packIdFrom("---"), "");
    assert.equal(packIdFrom("a".repeat(80)).length, 64);
  });

  it("titleFrom makes a sentence-case title", () => {
    assert.equal(titleFrom("intro-course"), "Intro course");
  });
});
