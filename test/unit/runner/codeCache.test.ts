/**
 * The CLI's launcher loads its bundle with V8's code cache (src/runner/codeCache.ts): the bundle behaves as if
 * required, the cache is used only when it is the data for this exact text, and only from a private folder.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { codeCacheFile, loadWithCodeCache } from "../../../src/runner/codeCache";

/**
 * One load in a process of its own, storing the cache at exit as the CLI does: within one process V8 finds a
 * source it compiled before in its own table and never looks at the data, so hits and refusals show only across
 * processes.
 */
function loadInProcess(bundle: string, cacheDir: string): { cache: string; answer: number } {
  const code = `const l = require(${JSON.stringify(require.resolve("../../../src/runner/codeCache"))}).loadWithCodeCache(${JSON.stringify(bundle)}, ${JSON.stringify(cacheDir)});
process.once("exit", () => l.storeCache());
console.log(JSON.stringify({ cache: l.cache, answer: l.exports.answer() }));`;
  const run = spawnSync(process.execPath, ["--require", "tsx/cjs", "-e", code], { encoding: "utf8", cwd: path.resolve(__dirname, "../../..") });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as { cache: string; answer: number };
}

describe("loadWithCodeCache", function () {
  this.timeout(30_000);
  let dir: string;
  let bundle: string;
  let cacheDir: string;
  const source = (n: number): string =>
    `#!/usr/bin/env node\nconst path = require("node:path");\nexports.answer = function answer() { return ${n}; };\nexports.where = [path.basename(__filename), path.basename(__dirname), module.id === __filename];\n`;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "code-cache-"));
    bundle = path.join(dir, "bundle.js");
    cacheDir = path.join(dir, "cache", "code-cache");
    fs.writeFileSync(bundle, source(1));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("loadWithCodeCache(bundle with a #! line, folder) runs it as a CommonJS module: own require, __filename, __dirname", () => {
    const loaded = loadWithCodeCache(bundle, cacheDir);
    const exports = loaded.exports as { answer(): number; where: unknown[] };
    assert.equal(exports.answer(), 1);
    assert.deepEqual(exports.where, ["bundle.js", path.basename(dir), true]);
    assert.equal(loaded.cache, "miss");
  });

  it("a cache stored at exit is taken by the next process (hit), which does not write it again", () => {
    assert.deepEqual(loadInProcess(bundle, cacheDir), { cache: "miss", answer: 1 });
    const file = codeCacheFile(cacheDir, bundle, `//${source(1).slice(2)}`);
    assert.ok(fs.statSync(file).size > 0);
    if (process.platform !== "win32") assert.equal(fs.statSync(file).mode & 0o077, 0, "the cache file is private");
    const mtime = fs.statSync(file).mtimeMs;
    assert.deepEqual(loadInProcess(bundle, cacheDir), { cache: "hit", answer: 1 });
    assert.equal(fs.statSync(file).mtimeMs, mtime);
  });

  it("a rebuilt bundle of the same length misses the old cache, runs its own code, and replaces the old file", () => {
    loadInProcess(bundle, cacheDir);
    fs.writeFileSync(bundle, source(2));
    assert.deepEqual(loadInProcess(bundle, cacheDir), { cache: "miss", answer: 2 });
    assert.deepEqual(fs.readdirSync(cacheDir), [path.basename(codeCacheFile(cacheDir, bundle, `//${source(2).slice(2)}`))]);
  });

  it("garbage in place of the cache is refused by V8, the bundle still runs, and the cache is written anew", () => {
    const file = codeCacheFile(cacheDir, bundle, `//${source(1).slice(2)}`);
    fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, Buffer.alloc(4096, 7), { mode: 0o600 });
    assert.deepEqual(loadInProcess(bundle, cacheDir), { cache: "rejected", answer: 1 });
    assert.deepEqual(loadInProcess(bundle, cacheDir), { cache: "hit", answer: 1 });
  });

  it("a cache folder others may write to is not read, and nothing is stored in it", function () {
    if (process.platform === "win32") this.skip();
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.chmodSync(cacheDir, 0o777);
    assert.deepEqual(loadInProcess(bundle, cacheDir), { cache: "miss", answer: 1 });
    assert.deepEqual(fs.readdirSync(cacheDir), []);
  });

  it("an unwritable cache folder is only a miss, never an error", () => {
    fs.mkdirSync(path.dirname(cacheDir), { recursive: true });
    fs.writeFileSync(cacheDir, "a file where the folder should be");
    const loaded = loadWithCodeCache(bundle, cacheDir);
    assert.equal(loaded.cache, "miss");
    assert.doesNotThrow(() => loaded.storeCache());
  });
});
