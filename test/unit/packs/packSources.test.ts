/**
 * Packs from a .zip and from a git repository, in the CLI (`validate`, `check`), and hostile archives: an entry
 * with `..`, an absolute path, a symbolic link, a zip bomb (declared and lying) and 100,000 entries, each refused
 * with a sentence that names the archive and the entry, and nothing written outside the cache.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { zipSync, type Zippable } from "fflate";
import { newPackCommand } from "../../../src/cli/commands/newPack";
import { validateCommand } from "../../../src/cli/commands/validate";
import { loadExerciseForCli, loadPackForCli } from "../../../src/cli/loadPackForCli";
import { UsageError } from "../../../src/cli/io";
import { extractZip, PACK_ZIP_LIMITS, ZipRefusedError } from "../../../src/packs/node/extractZip";
import { classifyPackSource } from "../../../src/packs/node/packSource";
import { cloneRepository } from "../../../src/packs/node/cloneRepository";
import { captureIo } from "./support/cliHarness";

/** Every file under `dir` as zip entries under `prefix/`. */
function zipFolder(dir: string, prefix: string): Zippable {
  const entries: Zippable = {};
  for (const relative of fs.readdirSync(dir, { recursive: true }).map(String)) {
    const file = path.join(dir, relative);
    if (fs.statSync(file).isFile()) entries[`${prefix}/${relative.split(path.sep).join("/")}`] = fs.readFileSync(file);
  }
  return entries;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main", ...args], { cwd, encoding: "utf8" });
}

/** Sets every "uncompressed size" field of a single-entry archive (local header and central directory) to `size`. */
function lieAboutSize(zip: Uint8Array, size: number): Uint8Array {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = out.readUInt32LE(i);
    if (signature === 0x04034b50) out.writeUInt32LE(size, i + 22);
    if (signature === 0x02014b50) out.writeUInt32LE(size, i + 24);
  }
  return out;
}

/**
 * fflate writes no ZIP64 records, so past 65,535 entries its count wraps; this adds the ZIP64 end-of-central-
 * directory record and locator that carry the true count, as zip tools do.
 */
function withZip64Count(zip: Uint8Array, entries: number): Uint8Array {
  const buffer = Buffer.from(zip);
  const eocd = buffer.length - 22;
  assert.equal(buffer.readUInt32LE(eocd), 0x06054b50);
  const cdSize = buffer.readUInt32LE(eocd + 12);
  const cdOffset = buffer.readUInt32LE(eocd + 16);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(entries), 24);
  record.writeBigUInt64LE(BigInt(entries), 32);
  record.writeBigUInt64LE(BigInt(cdSize), 40);
  record.writeBigUInt64LE(BigInt(cdOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(eocd), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.from(buffer.subarray(eocd));
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  return Buffer.concat([buffer.subarray(0, eocd), record, locator, end]);
}

describe("pack sources: a .zip or a git repository, under the folder rules", function () {
  this.timeout(120_000);
  let scratch: string;
  let pack: string;
  const savedCache = process.env.COMPRESSION_TUTOR_CACHE;

  before(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "pack-sources-"));
    process.env.COMPRESSION_TUTOR_CACHE = path.join(scratch, "cache");
    pack = path.join(scratch, "week-1");
    await newPackCommand([pack], captureIo(scratch).io);
  });
  after(() => {
    if (savedCache === undefined) delete process.env.COMPRESSION_TUTOR_CACHE;
    else process.env.COMPRESSION_TUTOR_CACHE = savedCache;
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("classifyPackSource tells folders, archives, URLs and pinned local repositories apart", () => {
    assert.deepEqual(classifyPackSource("https://example.org/week-1.git#v2", scratch), { kind: "git", url: "https://example.org/week-1.git", ref: "v2" });
    assert.deepEqual(classifyPackSource("git@example.org:course/week-1.git", scratch), { kind: "git", url: "git@example.org:course/week-1.git" });
    assert.deepEqual(classifyPackSource("week-1", scratch), { kind: "folder", path: pack });
    assert.deepEqual(classifyPackSource("week-1#main", scratch), { kind: "git", url: pack, ref: "main" });
    assert.throws(() => classifyPackSource("nowhere.zip", scratch), /nowhere\.zip is not a folder \(nothing is there\)/);
  });

  it("validate and check take a .zip of a pack (a single top folder, BOM and CRLF in its JSON)", async () => {
    const entries = zipFolder(pack, "week-1");
    const manifest = new TextDecoder().decode(entries["week-1/pack.json"] as Uint8Array);
    entries["week-1/pack.json"] = new TextEncoder().encode(`\uFEFF${manifest.replace(/\n/g, "\r\n")}`);
    const zipFile = path.join(scratch, "week-1.zip");
    fs.writeFileSync(zipFile, zipSync(entries));
    const out = captureIo(scratch);
    assert.equal(await validateCommand(["week-1.zip", "--static"], out.io), 0, out.stdout() + out.stderr());
    assert.match(out.stdout(), /is valid: 1 exercise/);
    assert.match(out.stderr(), /week-1\.zip → .*cache\/zip\/week-1-[0-9a-f]{16}\/week-1/);
    const loaded = await loadPackForCli("grade", zipFile, captureIo(scratch).io);
    assert.deepEqual(
      loaded.exercises.map((e) => e.id),
      ["dequantize"],
    );
    // check --exercise week-1.zip/dequantize
    const { exercise } = await loadExerciseForCli("check", "week-1.zip/dequantize", captureIo(scratch).io);
    assert.equal(exercise.id, "dequantize");
  });

  it("validate, and the pack loader of check and grade, take a local git repository made here, pinned with #tag", async () => {
    const repo = path.join(scratch, "repo");
    fs.cpSync(pack, repo, { recursive: true });
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "week 1");
    git(repo, "tag", "v1");
    const manifestFile = path.join(repo, "pack.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { version: string };
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, version: "9.9.9" }, null, 2));
    git(repo, "commit", "-qam", "a later version");

    const pinned = await loadPackForCli("grade", `${repo}#v1`, captureIo(scratch).io);
    assert.equal(pinned.version, manifest.version);
    const latest = await loadPackForCli("grade", `file://${repo}`, captureIo(scratch).io);
    assert.equal(latest.version, "9.9.9");
    const out = captureIo(scratch);
    assert.equal(await validateCommand([`${repo}#v1`, "--static"], out.io), 0, out.stdout() + out.stderr());
    await assert.rejects(loadPackForCli("grade", `${repo}#no-such-tag`, captureIo(scratch).io), (e: unknown) => e instanceof UsageError && /cannot get the pack from .*#no-such-tag: .*no-such-tag/.test(e.message));
  });

  describe("hostile archives, each refused with a sentence", () => {
    async function refusal(entries: Zippable | Uint8Array, name: string): Promise<string> {
      const zipFile = path.join(scratch, name);
      fs.writeFileSync(zipFile, entries instanceof Uint8Array ? entries : zipSync(entries));
      const target = path.join(scratch, `out-${name}`);
      const error = await extractZip(zipFile, target).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof ZipRefusedError, `expected a refusal, got ${String(error)}`);
      assert.equal(fs.existsSync(target), false, "nothing is left behind");
      return error.message;
    }
    const ok = new TextEncoder().encode("export {};\n");

    it("an entry with `..`", async () => {
      assert.equal(await refusal({ "week-1/pack.json": ok, "week-1/../../evil.ts": ok }, "dotdot.zip"), 'dotdot.zip: the entry "week-1/../../evil.ts" leaves the folder (a `..` segment); an archive may only hold paths inside it');
      assert.equal(fs.existsSync(path.join(scratch, "evil.ts")), false);
    });

    it("an absolute path, and a Windows drive path", async () => {
      assert.match(await refusal({ "/tmp/evil.ts": ok }, "absolute.zip"), /the entry "\/tmp\/evil\.ts" is an absolute path/);
      assert.match(await refusal({ "C:\\evil.ts": ok }, "drive.zip"), /the entry "C:\\\\evil\.ts" is an absolute path/);
    });

    it("a symbolic link entry", async () => {
      const link: Zippable = { "week-1/pack.json": ok, "week-1/secret": [new TextEncoder().encode("/etc/passwd"), { os: 3, attrs: 0o120777 * 65536 }] };
      assert.equal(await refusal(link, "symlink.zip"), "symlink.zip: the entry week-1/secret is a symbolic link; archives may hold only files and folders");
    });

    it("a zip bomb, by its declared size and by a header that lies", async () => {
      const zeros = new Uint8Array(PACK_ZIP_LIMITS.maxTotalBytes + 1024 * 1024);
      const bomb = zipSync({ "zeros.bin": zeros }, { level: 9 });
      assert.ok(bomb.length < 20_000, `the bomb is small (${bomb.length} bytes)`);
      assert.match(await refusal(bomb, "declared-bomb.zip"), /^declared-bomb\.zip: zeros\.bin declares 3 MiB uncompressed; an entry may hold at most 2 MiB$/);
      assert.match(await refusal(lieAboutSize(bomb, 100), "lying-bomb.zip"), /^lying-bomb\.zip: zeros\.bin inflates to more than it declares \(100 bytes\); refused as a zip bomb$/);
    });

    it("100,000 entries, refused before one is read", async () => {
      const many: Zippable = {};
      for (let i = 0; i < 100_000; i++) many[`f${i}`] = [new Uint8Array(0), { level: 0 }];
      const started = performance.now();
      assert.equal(await refusal(withZip64Count(zipSync(many), 100_000), "many.zip"), "many.zip: holds 100,000 entries; at most 2,000 are allowed");
      assert.ok(performance.now() - started < 20_000);
    });

    it("through the CLI: validate names the refused archive and exits 2 (a usage error)", async () => {
      fs.writeFileSync(path.join(scratch, "evil-pack.zip"), zipSync({ "pack.json": ok, "../../escape.ts": ok }));
      await assert.rejects(
        validateCommand(["evil-pack.zip", "--static"], captureIo(scratch).io),
        (e: unknown) => e instanceof UsageError && e.message === 'validate: refused the pack archive evil-pack.zip: the entry "../../escape.ts" leaves the folder (a `..` segment); an archive may only hold paths inside it',
      );
    });

    it("a git source that would be read as an option, or a ref that is not a name, is refused before git runs", async () => {
      const cache = path.join(scratch, "cache");
      await assert.rejects(cloneRepository({ url: "--upload-pack=touch /tmp/x" }, cache), /cannot start with "-"/);
      await assert.rejects(cloneRepository({ url: "https://example.org/a.git", ref: "--upload-pack=x" }, cache), /is not a tag or branch name/);
    });

    it("an archive file larger than 64 MiB, refused before it is read", async () => {
      const big = path.join(scratch, "huge.zip");
      fs.writeFileSync(big, "");
      fs.truncateSync(big, PACK_ZIP_LIMITS.maxArchiveBytes + 1); // sparse: costs no disk
      await assert.rejects(validateCommand(["huge.zip"], captureIo(scratch).io), /^Error: validate: refused the pack archive huge\.zip: the archive is 67,108,865 bytes, more than the 64 MiB allowed$/);
    });

    it("a file that is not a zip", async () => {
      assert.match(await refusal(new TextEncoder().encode("not a zip"), "plain.zip"), /^plain\.zip: not a readable \.zip archive/);
    });
  });
});
