/**
 * Loads a CommonJS bundle with V8's code cache, so that a short-lived process (a CLI `check`) does not parse
 * and compile a megabyte of JavaScript on every start: measured, the CLI bundle's compile was about 20 ms of a
 * cold check's CPU, a quarter of what the CLI process adds to Node's own start. (Node 20 has no
 * `module.enableCompileCache`; this is what it does, by hand.)
 *
 * The cache is V8's own `cachedData` for the bundle's wrapped source, produced after the bundle has run (so it
 * holds the functions that run compiled, not only the top level) and written when the process exits. It lives
 * in `cacheDir`, under a name that is the sha256 of the bundle's text, this Node's version and architecture,
 * so a rebuilt bundle or another Node never meets an old cache (V8 itself rejects data from another V8 or
 * other flags; it checks only the source's length, hence the hash). Trust as for the runner's bundle store: a
 * folder and a file owned by this user and writable by no one else, opened without following a link. Any
 * failure to read or write is a miss: the bundle is compiled as Node would, never an error.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import Module from "node:module";
import path from "node:path";
import vm from "node:vm";
import { ownedAndPrivate } from "./privateFiles";

/** Bumped when what is stored changes. */
const FORMAT = 1;
/** V8's data for a few-megabyte bundle is about its size; anything far past this is not something we wrote. */
const MAX_CACHE_BYTES = 64_000_000;

export interface LoadedBundle {
  /** The bundle's `module.exports`. */
  exports: unknown;
  /** `hit`: V8 took the stored cache; `rejected`: one was there but V8 refused it; `miss`: none was there (or readable); `off`: no folder given. */
  cache: "hit" | "rejected" | "miss" | "off";
  /**
   * Stores V8's data for the bundle as it is now (call it late, at exit, so that the data holds the functions
   * this command compiled, not only the bundle's top level). Does nothing after a hit or without a folder.
   */
  storeCache(): void;
}

/** Where the cache of `source` (the bundle's text) is kept in `cacheDir`. */
export function codeCacheFile(cacheDir: string, bundleFile: string, source: string): string {
  const key = createHash("sha256").update(JSON.stringify({ format: FORMAT, node: process.version, arch: process.arch })).update("\0").update(source).digest("hex");
  return path.join(cacheDir, `${path.basename(bundleFile, ".js")}-${key}.v8`);
}

function readPrivate(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    if (!ownedAndPrivate(fs.lstatSync(path.dirname(file)))) return undefined;
    // O_NOFOLLOW: a symbolic link planted in place of an entry is not followed.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || !ownedAndPrivate(stat) || stat.size > MAX_CACHE_BYTES) return undefined;
    return fs.readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function writePrivate(file: string, data: Buffer): void {
  try {
    const dir = path.dirname(file);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!ownedAndPrivate(fs.lstatSync(dir))) return;
    // Older caches of this bundle (from earlier builds) go: one file per bundle name is kept.
    const prefix = path.basename(file).replace(/[0-9a-f]{64}\.v8$/, "");
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(prefix) && /^[0-9a-f]{64}\.v8$/.test(name.slice(prefix.length)) && name !== path.basename(file)) fs.rmSync(path.join(dir, name), { force: true });
    }
    // Written whole under a fresh name, then renamed: a reader never sees half a file.
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    fs.writeFileSync(temporary, data, { mode: 0o600, flag: "wx" });
    fs.renameSync(temporary, file);
  } catch {
    // A read-only or full disk only means the next start compiles again.
  }
}

/**
 * Evaluates `bundleFile` as a CommonJS module (its `require`, `module`, `__filename` and `__dirname` are its
 * own, as with `require(bundleFile)`), with V8's code cache from `cacheDir` when one is stored there.
 */
export function loadWithCodeCache(bundleFile: string, cacheDir: string | undefined): LoadedBundle {
  const filename = path.resolve(bundleFile);
  let source = fs.readFileSync(filename, "utf8");
  // A `#!` line is valid only at the very start of a script, not inside the module wrapper: kept as a comment
  // of the same length, so positions (stack traces, source maps) do not move.
  if (source.startsWith("#!")) source = `//${source.slice(2)}`;
  const cacheFile = cacheDir === undefined ? undefined : codeCacheFile(cacheDir, filename, source);
  const cachedData = cacheFile === undefined ? undefined : readPrivate(cacheFile);
  const script = new vm.Script(Module.wrap(source), { filename, cachedData });
  const cache = cacheFile === undefined ? "off" : cachedData === undefined ? "miss" : script.cachedDataRejected ? "rejected" : "hit";
  const bundleModule = new Module(filename, module);
  bundleModule.filename = filename;
  bundleModule.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(filename));
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, __filename: string, __dirname: string) => void;
  wrapper.call(bundleModule.exports, bundleModule.exports, Module.createRequire(filename), bundleModule, filename, path.dirname(filename));
  bundleModule.loaded = true;
  return {
    exports: bundleModule.exports,
    cache,
    storeCache: () => {
      if (cacheFile !== undefined && cache !== "hit") writePrivate(cacheFile, script.createCachedData());
    },
  };
}
