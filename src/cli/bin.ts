/**
 * `compression-tutor` as installed (dist/cli.js): a few lines that load the command line's bundle
 * (dist/cli-main.js) with V8's code cache kept in the cache folder (src/runner/codeCache.ts), so that a
 * one-shot command does not compile the whole bundle on every start. Nothing else belongs here: everything
 * this file imports is compiled on every start.
 */
import os from "node:os";
import path from "node:path";
import { defaultCacheRoot } from "../packs/node/cacheRoot";
import { loadWithCodeCache } from "../runner/codeCache";

const bundle = loadWithCodeCache(path.join(__dirname, "cli-main.js"), path.join(defaultCacheRoot(process.env, os.homedir()), "code-cache"));
// At exit, so that the stored data holds what this command compiled (a `check` stores what a `check` runs).
process.once("exit", () => bundle.storeCache());
(bundle.exports as typeof import("./main")).runAsProgram();
